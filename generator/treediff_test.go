package generator

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// How much of a difference between two trees treeDiff shows: the first
// diffFilesShown differing files line by line, the names of the next
// diffFilesNamed, then a count. Of each file, the changed lines from the
// first that differs, at most diffLinesShown of each version, between
// diffContext common lines, each line cut to diffLineWidth bytes.
const (
	diffFilesShown = 8
	diffFilesNamed = 30
	diffLinesShown = 6
	diffContext    = 2
	diffLineWidth  = 160
)

// treeDiff describes how got differs from want, files keyed by slash path,
// "" when they are the same: a file missing from got or extra in it by its
// name, a file that differs by its first differing lines (what a reviewer
// would look for first in `git diff`), binary files by their sizes and
// first differing byte. With hundreds of files differing, the first few
// are shown in full, the next named, the rest counted.
func treeDiff(want, got map[string][]byte) string {
	type entry struct{ kind, path string }
	var entries []entry
	for p, w := range want {
		if g, ok := got[p]; !ok {
			entries = append(entries, entry{"missing", p})
		} else if !bytes.Equal(w, g) {
			entries = append(entries, entry{"differs", p})
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			entries = append(entries, entry{"extra", p})
		}
	}
	if len(entries) == 0 {
		return ""
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.path, b.path) })
	count := map[string]int{}
	for _, e := range entries {
		count[e.kind]++
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d files: %d differ, %d missing, %d extra\n", len(entries), count["differs"], count["missing"], count["extra"])
	for i, e := range entries {
		switch {
		case i < diffFilesShown && e.kind == "differs":
			fmt.Fprintf(&b, "differs: %s\n%s", e.path, fileDiff(want[e.path], got[e.path]))
		case i < diffFilesShown+diffFilesNamed:
			fmt.Fprintf(&b, "%s: %s\n", e.kind, e.path)
		default:
			fmt.Fprintf(&b, "… and %d more\n", len(entries)-i)
			return b.String()
		}
	}
	return b.String()
}

// fileDiff shows where two versions of a file first differ: the changed
// lines, from the first to the last that differs (at most diffLinesShown
// of each version), with a few common lines around them, each numbered.
// A long line, such as a minified export's, is shown around its first
// difference.
func fileDiff(want, got []byte) string {
	if binary(want) || binary(got) {
		n := 0
		for n < min(len(want), len(got)) && want[n] == got[n] {
			n++
		}
		return fmt.Sprintf("\tbinary: %d bytes, want %d; the first difference at byte %d\n", len(got), len(want), n)
	}
	w, g := lines(want), lines(got)
	pre := 0
	for pre < min(len(w), len(g)) && w[pre] == g[pre] {
		pre++
	}
	post := 0
	for post < min(len(w), len(g))-pre && w[len(w)-1-post] == g[len(g)-1-post] {
		post++
	}
	var b strings.Builder
	line := func(mark string, n int, text string, at int) {
		text, end := strings.CutSuffix(text, "\n")
		text = clip(text, at)
		if !end {
			text += " (no newline at the end)"
		}
		fmt.Fprintf(&b, "\t%s%6d  %s\n", mark, n, text)
	}
	for i := max(0, pre-diffContext); i < pre; i++ {
		line(" ", i+1, w[i], 0)
	}
	// The first changed line of each version is shown from a little
	// before the first byte where they differ.
	from := 0
	if pre < len(w) && pre < len(g) {
		for from < min(len(w[pre]), len(g[pre])) && w[pre][from] == g[pre][from] {
			from++
		}
	}
	side := func(mark string, lines []string, end int) {
		for i := pre; i < end && i < pre+diffLinesShown; i++ {
			at := 0
			if i == pre {
				at = from
			}
			line(mark, i+1, lines[i], at)
		}
		if n := end - pre - diffLinesShown; n > 0 {
			fmt.Fprintf(&b, "\t%s        … %d more changed lines\n", mark, n)
		}
	}
	side("-", w, len(w)-post)
	side("+", g, len(g)-post)
	for i := len(w) - post; i < len(w)-post+diffContext && i < len(w); i++ {
		line(" ", i+1, w[i], 0)
	}
	return b.String()
}

// lines splits a file after each line break; a line keeps its break.
func lines(data []byte) []string {
	l := strings.SplitAfter(string(data), "\n")
	if l[len(l)-1] == "" {
		l = l[:len(l)-1]
	}
	return l
}

// clip cuts a line to diffLineWidth bytes on rune boundaries, starting a
// little before byte at when at is far into the line.
func clip(s string, at int) string {
	const lead = 40
	start, pre := 0, ""
	if at > diffLineWidth-lead {
		start, pre = at-lead, "…"
		for start > 0 && !utf8.RuneStart(s[start]) {
			start--
		}
	}
	end, post := len(s), ""
	if end-start > diffLineWidth {
		end, post = start+diffLineWidth, "…"
		for end > start && !utf8.RuneStart(s[end]) {
			end--
		}
	}
	return pre + s[start:end] + post
}

// binary reports whether a file is not text: not UTF-8, or with a NUL.
func binary(data []byte) bool {
	return !utf8.Valid(data) || bytes.IndexByte(data, 0) >= 0
}

// The golden test's report names each file that differs and shows its
// first differing lines, so that a failure says what changed; with
// hundreds of files it stays short.
func TestTreeDiffShowsFirstDifferingLines(t *testing.T) {
	page := func(total string) []byte {
		return []byte("<!doctype html>\n<title>城关镇</title>\n<table>\n<tr><td>总分</td><td>" + total + "</td></tr>\n</table>\n<footer>县纪委</footer>\n")
	}
	long := strings.Repeat(`{"code":"T01","total":"89.99"},`, 200)
	want := map[string][]byte{
		"2023/units/T01.html":     page("89.99"),
		"2023/data/results.json":  []byte(long + `{"code":"T99","total":"59.50"}]`),
		"assets/logo.png":         {0x89, 'P', 'N', 'G', 0, 1, 2},
		"same.html":               []byte("same\n"),
		"2023/notices/gone.html":  []byte("gone\n"),
		"2023/units/T02.html":     []byte(strings.Repeat("line\n", 40)),
		"2023/units/T03.html.bak": nil,
	}
	got := map[string][]byte{
		"2023/units/T01.html":     page("90.00"),
		"2023/data/results.json":  []byte(long + `{"code":"T99","total":"59.49"}]`),
		"assets/logo.png":         {0x89, 'P', 'N', 'G', 0, 1, 3},
		"same.html":               []byte("same\n"),
		"2023/extra.html":         []byte("new\n"),
		"2023/units/T02.html":     []byte(strings.Repeat("LINE\n", 40)),
		"2023/units/T03.html.bak": nil,
	}
	d := treeDiff(want, got)
	for _, s := range []string{
		"6 files: 4 differ, 1 missing, 1 extra\n",
		"differs: 2023/units/T01.html\n" +
			"\t      2  <title>城关镇</title>\n" +
			"\t      3  <table>\n" +
			"\t-     4  <tr><td>总分</td><td>89.99</td></tr>\n" +
			"\t+     4  <tr><td>总分</td><td>90.00</td></tr>\n" +
			"\t      5  </table>\n" +
			"\t      6  <footer>县纪委</footer>\n",
		`"code":"T99","total":"59.50"}]`, // the long line, around its difference
		`"code":"T99","total":"59.49"}]`,
		"binary: 7 bytes, want 7; the first difference at byte 6",
		"\t-     6  line\n\t-        … 34 more changed lines\n\t+     1  LINE\n",
		"missing: 2023/notices/gone.html\n",
		"extra: 2023/extra.html\n",
	} {
		if !strings.Contains(d, s) {
			t.Errorf("the report lacks %q:\n%s", s, d)
		}
	}
	if strings.Contains(d, "same.html") || strings.Contains(d, "T03") {
		t.Errorf("the report names a file that does not differ:\n%s", d)
	}
	for _, l := range strings.Split(d, "\n") {
		if len(l) > diffLineWidth+40 {
			t.Errorf("a line of %d bytes: %.80s…", len(l), l)
		}
	}
	if treeDiff(want, want) != "" {
		t.Error("a tree differs from itself")
	}

	// Hundreds of files differ: the first few shown, some named, the
	// rest counted.
	many, changed := map[string][]byte{}, map[string][]byte{}
	for i := range 741 {
		p := fmt.Sprintf("2023/units/T%03d.html", i)
		many[p], changed[p] = page("89.99"), page("90.00")
	}
	d = treeDiff(many, changed)
	if n := strings.Count(d, "\n\t-"); n != diffFilesShown {
		t.Errorf("%d files shown line by line, want %d", n, diffFilesShown)
	}
	if !strings.Contains(d, "differs: 2023/units/T037.html\n… and 703 more\n") || len(d) > 8000 {
		t.Errorf("the report of 741 files (%d bytes) should show 8, name 30 and count the rest:\n%s", len(d), d)
	}
}
