// Package problem holds positions in input files and the problems found there.
//
// It is a leaf: every stage may import it, and it imports only the standard
// library. A stage collects its problems in a List and keeps going, so a run
// reports every problem at once; the List sorts them into one total order so
// that parallel work prints identically.
//
// Every text a user reads is looked up, in Chinese (the default) or
// English: a code's message and hint in codes.go, and what a problem
// expected, its hint and its notes, as well as the command's own lines, in
// the catalogue of texts.go. A call site names an entry and gives its values,
//
//	Expected: problem.T(problem.TDraftsAfterPublished, lastPublished)
//
// and Problem.Format (or Text.In) chooses the language, so no call site puts
// two languages together.
package problem
