package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strings"
)

// The Content-Security-Policy of every page: everything from the site
// itself, nothing inline but the scripts and styles the page's own layout
// wrote, each allowed by its hash. A notice's text is then not the only
// thing between a reader and a script injected into it: a browser runs no
// script the page did not come with. The policy is a <meta> (a county CMS
// seldom lets the office set headers; the generated server configuration
// sends the same as a header), and the same bytes give the same policy.
// CSPBase is what every page allows, before its scripts and styles; the
// server configuration (generator/deploy) sends it as a header too.
const CSPBase = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"

var (
	// An executable inline script is a <script> without attributes: the
	// layouts give data blocks a type and external scripts a src.
	inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)
	inlineStyle  = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	charsetMeta  = []byte(`<meta charset="utf-8">`)
)

// addCSP puts the policy for the page written into buf from start on into
// its head, right after its charset, before anything the policy governs:
// the page's tail moves along in buf, the page is not copied.
func addCSP(buf *bytes.Buffer, start int) {
	page := buf.Bytes()[start:]
	at := bytes.Index(page, charsetMeta)
	if at < 0 {
		return
	}
	at += start + len(charsetMeta)
	policy := CSPBase + "; script-src 'self'" + hashes(inlineScript, page) + "; style-src 'self'" + hashes(inlineStyle, page)
	meta := "\n" + `<meta http-equiv="Content-Security-Policy" content="` + policy + `">`
	buf.WriteString(meta) // room at the end, then the tail moved into it
	b := buf.Bytes()
	copy(b[at+len(meta):], b[at:len(b)-len(meta)])
	copy(b[at:], meta)
}

// hashes lists the 'sha256-…' sources of the blocks re finds in page.
func hashes(re *regexp.Regexp, page []byte) string {
	var b strings.Builder
	seen := map[string]bool{}
	for _, m := range re.FindAllSubmatch(page, -1) {
		sum := sha256.Sum256(m[1])
		h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if !seen[h] {
			seen[h] = true
			b.WriteString(" " + h)
		}
	}
	return b.String()
}
