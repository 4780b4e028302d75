// Package serve previews a site while its author edits it, for
// `dutyreport serve`.
//
// It exists because a clerk who fixes a spreadsheet or a Markdown page
// should see the result without running a build and opening files by hand,
// and without any risk to what gets published. So it builds into a
// temporary folder of its own (never public/ or dashboard/), as a preview
// (generator.Options.Preview: an edition change is a warning and nothing is
// recorded in editions.lock), serves that folder on a loopback address,
// watches the site's inputs and rebuilds after each burst of changes.
//
// The pages on disk are never changed: the reload script, the warning panel
// and the error page exist only in the HTTP responses. While the last build
// failed, every page answers with the list of its problems, worded as the
// command line prints them, and reloads by itself once the input is fixed.
//
// Requests are confined to the output folder: a path with a dot segment, an
// encoded dot or slash, a backslash or a NUL is refused before any file is
// opened, and files are opened through os.Root, so that not even a symlink
// leads outside. Only requests naming a loopback host are answered, so that
// another website cannot read the preview (which may be the internal
// dashboard) through DNS rebinding.
package serve
