// Package problem holds positions in input files and the problems found there.
//
// It is a leaf: every stage may import it, and it imports only the standard
// library. A stage collects its problems in a List and keeps going, so a run
// reports every problem at once; the List sorts them into one total order so
// that parallel work prints identically.
package problem
