package render

import (
	"bytes"
	"encoding/json"

	"dutyreport/generator/view"
)

// SearchIndexJS writes the site's search index as a script that assigns
// the global dutyreportSearch, which assets/search.js reads: a script, not
// a JSON file to fetch, because a site opened from a local folder (file://)
// may fetch nothing. Keys are in struct order and each unit and notice is on
// a line of its own, so the same view gives the same bytes and a diff of
// two builds reads as a list of entries changed.
func SearchIndexJS(ix *view.SearchIndex) []byte {
	var b bytes.Buffer
	b.WriteString("/* dutyreport: the search index of this site, made at build time (see search.html). */\n")
	b.WriteString("window.dutyreportSearch = {\n\"units\": [")
	for i, u := range ix.Units {
		entry(&b, i, u)
	}
	b.WriteString("\n],\n\"notices\": [")
	for i, n := range ix.Notices {
		entry(&b, i, n)
	}
	b.WriteString("\n]\n};\n")
	return b.Bytes()
}

// entry writes one element of a list: compact JSON on a line of its own.
// encoding/json escapes U+2028 and U+2029, which a script may not hold in a
// string, and <, > and & (harmless here: the file is never inline HTML).
func entry(b *bytes.Buffer, i int, v any) {
	if i > 0 {
		b.WriteByte(',')
	}
	b.WriteByte('\n')
	data, _ := json.Marshal(v) // view types of strings and ints always encode
	b.Write(data)
}
