// Package audit is the privacy backstop of the build: it scans a built site
// (HTML, CSS, CSV, JSON, any file, and every file and folder name) for the
// names, ID numbers, phone numbers and e-mail addresses the inputs know, in
// the forms a page or an export may write them: raw UTF-8, characters spaced
// apart, HTML character references, JSON \u escapes, percent-encoding and
// GB18030. A hit fails the build before the new site is swapped in.
//
// It takes needles and allowed public terms and returns hits with their
// positions. It never prints a needle: Hit.String masks it, since a CI log is
// itself a place a name can leak to. It is a leaf: it imports nothing from
// dutyreport, so the redaction code it checks cannot weaken it.
package audit
