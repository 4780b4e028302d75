// Package edition keeps published editions as they were published. The
// lock file (editions.lock, committed beside the data) records each
// published year's revision and the digests of its inputs and of every file
// of its output; a build that would change a published edition fails,
// naming the edition and the first differences, unless site.yaml records an
// erratum for it (a new revision) or, for a change of presentation only, a
// site-wide revision. Each revision's exports are archived in
// editions/{year}/r{n}/, so that they stay downloadable after a correction
// and `dutyreport diff 2023r1 2023` can compare them.
package edition
