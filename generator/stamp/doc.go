// Package stamp tells whether a build would make exactly what its output
// folder already holds, without reading a spreadsheet.
//
// A build is a pure function of the site folder, its options and the tool
// itself (two builds of the same inputs give the same bytes). A stamp,
// written after a build that succeeded, records all three: a key for the
// options and the tool, the digest of every file of the site folder, and
// the size and times of every file the build left in its output folder.
// When the next build finds the same key, the same site and the output
// folder as it was left, it has nothing to do.
//
// Files are compared as git compares its index: by size and times first,
// by content when those differ or when a file changed too close to the
// stamp's own time for its times to tell. A stamp that cannot be read
// only costs a full build.
package stamp
