// Package scoring applies the scheme to one year's records: components,
// totals, bands, ranks within groups, consequences and the change of rank
// since the year before. It also works out every other number the pages
// show of the results (figures.go, averages.go, change.go, full.go,
// rolecounts.go): band counts, group means and quartiles, averages per
// component, changes since the year before, the most a total can be, so
// that the view only selects and formats them.
//
// It is pure: it reads no files and no clock, and imports no I/O package, so
// every rule can be tested with a table of hand-worked cases. Results of
// earlier years come in as arguments, for rules that span years.
package scoring
