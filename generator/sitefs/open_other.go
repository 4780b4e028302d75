//go:build !unix

package sitefs

// openNonblock is nothing where pipes are not files of a folder.
const openNonblock = 0
