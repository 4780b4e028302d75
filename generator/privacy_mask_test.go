package generator

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dutyreport/generator/fold"
	"dutyreport/generator/redact"
)

// tag and digitGap make a page's text as a second, crude reader takes it
// in: tags dropped, and the separators between digits, so that a number
// grouped any way is one run of digits.
var (
	tag      = regexp.MustCompile(`<[^>]*>`)
	digitGap = regexp.MustCompile(`(\d)[\s\-()（）+]+(\d)`)
)

// TestMaskingHidesEveryDisguise builds the public site of the disguise set
// (every person and number of auditSubjects, each disguise in every place
// of a notice it fits, see auditSite) with the masking on: the build
// passes its own audit, no file shows a subject to a second reader
// independent of the audit, and where the page shows a disguise's marker
// the masked form follows it (issue 19: done when).
func TestMaskingHidesEveryDisguise(t *testing.T) {
	t.Parallel()
	dir, places := auditSite(t)
	out := filepath.Join(t.TempDir(), "public")
	_, probs, err := Build(Options{Source: dir, Out: out})
	if err != nil || probs.HasErrors() {
		t.Fatalf("the build failed: %v\n%v", err, probs)
	}
	masks := map[string]string{}
	for _, s := range auditSubjects {
		masks[s.text] = redact.New(redact.Options{Names: []string{s.text}, Patterns: true}).Text(s.text)
	}
	text := map[string]string{} // file → what the second reader sees
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(filepath.ToSlash(p), filepath.ToSlash(out)+"/assets/") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := fold.Of(html.UnescapeString(tag.ReplaceAllString(string(data), ""))).S
		for digitGap.MatchString(s) {
			s = digitGap.ReplaceAllString(s, "$1$2")
		}
		text[p] = s
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, s := range text {
		for _, sub := range auditSubjects {
			key := digitGap.ReplaceAllString(fold.Key(sub.text), "$1$2")
			key = digitGap.ReplaceAllString(key, "$1$2")
			if strings.Contains(s, key) {
				t.Errorf("%s shows %s", p, sub.text)
			}
		}
	}
	checked := 0
	for _, pl := range places {
		if pl.at == atLinkTarget {
			continue // a path: the marker is a folder, the masked name percent-encoded
		}
		want := fold.Key(pl.marker + "：" + masks[pl.subject])
		if pl.label == "country-code" {
			want = fold.Key(pl.marker + "：+86 " + masks[pl.subject]) // the country code is no one's
		}
		shown := false
		for _, s := range text {
			if containsMarker(s, fold.Key(pl.marker)) {
				shown = true
				if !strings.Contains(s, want) {
					t.Errorf("%s %s at the %s: the page shows no %q", pl.subject, pl.label, pl.at, masks[pl.subject])
				}
			}
		}
		if !shown {
			t.Errorf("%s %s at the %s: the site does not show its marker", pl.subject, pl.label, pl.at)
		}
		checked++
	}
	t.Logf("%d disguises checked in %d files", checked, len(text))
}

// containsMarker reports whether s holds marker m itself, not as the start
// of a longer one (q1x1 of q1x12).
func containsMarker(s, m string) bool {
	for at := 0; ; {
		i := strings.Index(s[at:], m)
		if i < 0 {
			return false
		}
		at += i + len(m)
		if at == len(s) || s[at] < '0' || s[at] > '9' {
			return true
		}
	}
}
