// Package audit is the privacy backstop of the build: it scans a built site
// (HTML, CSS, CSV, JSON, JavaScript, zip files, any file, and every file and
// folder name) for the names, ID numbers, phone numbers and e-mail
// addresses the inputs know, and fails the build before the new site is
// swapped in. It is independent of the masking (principle 3): it must
// catch alone what the masking misses.
//
// It scans each file twice. The raw scan (Bytes) looks for each needle in
// the forms a page or an export may write it: raw UTF-8, characters spaced
// apart, HTML character references, JSON \u escapes, percent-encoding and
// GB18030, anywhere in the bytes. The reader's scan (File, Dir) reads what
// a reader takes in, by the file's kind: an HTML page's visible text,
// joined across inline elements and comments as a browser shows it, and
// every attribute value; CSV fields; an XML file's (a feed's) texts and
// attribute values, decoded twice as a feed reader may; JSON and JavaScript strings
// unescaped; each entry of a zip file; the whole text of anything else.
// Each text is folded with package fold (entities, NFKC, invisible
// characters, spaces between CJK characters, middle dots, traditional
// forms) and searched for the needles folded alike. For the public site
// (Patterns) it also finds ID, phone and bank card numbers and e-mail
// addresses no input knows, by their shape.
//
// It takes needles and allowed public terms and returns hits with their
// file, line and byte offset. It never prints a needle: Hit.String masks
// it, since a CI log is itself a place a name can leak to. It is a leaf:
// of this module it imports only fold, the reader's text, so that the
// redaction code it checks cannot weaken it.
package audit
