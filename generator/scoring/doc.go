// Package scoring applies the scheme to one year's records: components,
// totals, bands, ranks within groups, consequences and the change of rank
// since the year before.
//
// It is pure: it reads no files and no clock, and imports no I/O package, so
// every rule can be tested with a table of hand-worked cases. Results of
// earlier years come in as arguments, for rules that span years.
package scoring
