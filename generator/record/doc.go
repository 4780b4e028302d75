// Package record holds the typed records that ingest produces and scoring
// consumes: units, ledger entries, evaluations, score-sheet rows, and the
// exact Points they carry.
//
// It is a leaf: it imports only the standard library. Every value keeps a
// compact Origin (small integers) so that a later problem or drill-down can
// name its cell; the printable position is made only when shown.
package record
