// Package view builds one model per audience from the configuration, the
// records, the scores and the content: everything a page, chart or export
// shows, already formatted. It computes no number: every figure comes from
// scoring (or record), and the view selects and formats it. Charts are made
// from the model's own data (see chart.go; a unit page's when it is rendered).
//
// It is the only place where audiences differ: the public model holds no
// draft year and no ledger detail (and, with the notices, no unmasked
// personal data), so no template can show what it was never given. It does
// no I/O. Render imports view and nothing upstream of it.
package view
