// Package write puts a rendered site on disk so that a failed or killed build
// never damages the previous one: every file goes into a fresh temporary
// folder beside the output, and only when everything (the leak audit
// included) has passed is that folder swapped in, atomically where the
// system allows.
//
// A file whose bytes are the same as in the previous build is hard-linked
// from it rather than written again, so only changed pages get new bytes and
// new modification times.
package write
