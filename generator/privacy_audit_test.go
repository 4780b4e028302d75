package generator

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dutyreport/generator/audit"
	"dutyreport/generator/config"
	"dutyreport/generator/fold"
	"dutyreport/generator/problem"
	"dutyreport/generator/sitetest"
)

// Issue 19, part 3: the audit is independent of the masking. These tests
// build the public site with the masking off (Options.unmasked) and show
// that the audit alone reports every disguise of every person and number,
// in every place a notice has, at the file and line where it is rendered.

// auditSubjects are what the disguises disguise: the persons the case
// register knows, 张三's ID and phone number from it, and numbers and an
// address no register knows, which the public audit finds by their shape.
var auditSubjects = []struct {
	text   string
	person string // the notice's subject
}{
	{"张三", "张三"},
	{"欧阳明远", "欧阳明远"},
	{"买买提·艾力", "买买提·艾力"},
	{"张小明", "张小明"},
	{"110105198001011238", "张三"}, // in the register
	{"13912345678", "张三"},        // in the register
	{"110105198001011230", "张三"}, // a wrong check digit
	{"110105800101123", "张三"},    // an old ID number of 15 digits
	{"13712345678", "张三"},
	{"0914-2321234", "张三"},
	{"zhangsan@example.com", "张三"},
	{"6222021234567890123", "张三"},
	{"6222021234567890", "张三"},
}

const auditSiteHead = testSiteHead + `  handlings:
    - {id: circulated, name: 通报批评}
-- data/单位名录.xlsx.tsv --
单位编码	单位名称	类别
T01	一镇	镇
T02	王平镇	镇
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分
T01	95
T02	80
-- data/2024/责任追究台账.xlsx.tsv --
案件编号	决定日期	单位编码	姓名	职务	责任形式	处理方式	事实摘要	身份证号	联系电话
测纪〔2024〕1号	2024-05-06	T01	张三	镇长	主要领导责任	通报批评	违规发放津贴。	110105198001011238	13912345678
测纪〔2024〕2号	2024-05-06	T01	欧阳明远	副镇长	直接责任	通报批评	违规发放津贴。
测纪〔2024〕3号	2024-05-06	T02	买买提·艾力	副镇长	直接责任	通报批评	违规发放津贴。
测纪〔2024〕4号	2024-05-06	T02	张小明	副镇长	直接责任	通报批评	违规发放津贴。
`

// Where a disguise is put, in a notice. The front matter's fields are
// plain text, not Markdown: there markup and character references show as
// written (张**三**, &#24352;), which no reader takes for the name, so
// only the disguises without them go there. A link target is a URL: only
// disguises a URL can hold go there.
const (
	atTitle      = "title"
	atClause     = "clause"
	atFactors    = "factors"
	atAppeal     = "appeal"
	atParagraph  = "paragraph"
	atTableCell  = "table cell"
	atLinkText   = "link text"
	atLinkTarget = "link target"
	atImageAlt   = "image alt"
	atHeading    = "heading"
	atListItem   = "list item"
	atCodeBlock  = "code block" // a paragraph indented by four spaces
	atFootnote   = "footnote"
)

// fits reports whether a disguise can be written at a place at all.
func fits(at, label string) bool {
	markup := func() bool {
		switch label {
		case "strong-inside", "strong-first", "em-inside", "code", "comment", "strong-split", "em-split",
			"decimal-refs", "hex-refs", "half-ref", "nbsp-entity", "space-entity", "at-entity", "percent":
			return true
		}
		return false
	}
	switch at {
	case atTitle, atClause, atFactors, atAppeal:
		return !markup()
	case atCodeBlock:
		return !markup() && label != "line-break" // shown as written, one line
	case atTableCell, atHeading:
		return label != "line-break" // ends the row, the heading
	case atLinkTarget:
		switch label {
		case "line-break", "space", "spaces", "country-code", "comment", "code", "strong-inside", "strong-first",
			"em-inside", "strong-split", "em-split", "right-to-left":
			return false // no URL holds them (a URL is percent-encoded, never reordered)
		}
	}
	return true
}

// placement is one disguise put at one place, found by its marker.
type placement struct {
	marker, subject, label, at string
}

// auditSite writes the site: one notice per subject and disguise, a case of
// its own given in its front matter, with the disguise at every place it
// fits, each behind a marker (Q12C：) that says which one it is.
func auditSite(t *testing.T) (string, []placement) {
	var b strings.Builder
	b.WriteString(auditSiteHead)
	var places []placement
	k := 0
	for _, s := range auditSubjects {
		for _, d := range sitetest.Disguises(s.text) {
			k++
			mark := func(at string) string {
				m := fmt.Sprintf("Q%dX%d", k, len(places))
				places = append(places, placement{m, s.text, d.Label, at})
				return m
			}
			field := func(at string) string {
				if !fits(at, d.Label) {
					return strconv.Quote("通报" + at)
				}
				return strconv.Quote(mark(at) + "：" + d.Text)
			}
			fmt.Fprintf(&b, "-- content/notices/%03d.md --\n---\nnumber: 测纪〔2024〕%d号\ntitle: %s\ndate: 2024-05-06\nunit: T01\n", k, 100+k, field(atTitle))
			fmt.Fprintf(&b, "subjects:\n  - {name: %s, handling: [通报批评]}\n", s.person)
			fmt.Fprintf(&b, "clause: %s\nfactors: %s\nappeal: %s\n---\n", field(atClause), field(atFactors), field(atAppeal))
			body := func(at, format string) {
				if fits(at, d.Label) {
					fmt.Fprintf(&b, format, mark(at), d.Text)
				}
			}
			body(atParagraph, "%s：%s。\n\n")
			body(atTableCell, "| 序号 | 内容 |\n|---|---|\n| 1 | %s：%s |\n\n")
			body(atLinkText, "[%s：%s](files/a.pdf)\n\n")
			body(atLinkTarget, "[附件](files/%s/%s.pdf)\n\n") // the marker only where the target shows
			body(atImageAlt, "![%s：%s](img/a.png)\n\n")
			body(atHeading, "## %s：%s\n\n")
			body(atListItem, "- %s：%s\n\n")
			body(atCodeBlock, "    %s：%s\n\n")
			body(atFootnote, "见注[^%[1]s]。\n\n[^%[1]s]: %[1]s：%[2]s\n\n")
		}
	}
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, b.String()); err != nil {
		t.Fatal(err)
	}
	return dir, places
}

// renderUnmasked writes the public site of the site folder dir into out as
// a build does, but with the masking off and without the audit, which
// would keep the site from being written; the test runs it.
func renderUnmasked(t *testing.T, dir, out string) inputs {
	t.Helper()
	in, probs := load(dir, "", nil, nil)
	if probs.HasErrors() {
		t.Fatalf("the site has problems:\n%v", probs)
	}
	in.unmasked = true
	theme, tprobs := loadTheme(in.cfg)
	if tprobs.HasErrors() {
		t.Fatal(tprobs)
	}
	rprobs, err := theme.Site(in.view(config.Public), func(p string, data []byte) error {
		file := filepath.Join(out, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		return os.WriteFile(file, data, 0o644)
	})
	if err != nil || rprobs.HasErrors() {
		t.Fatal(err, rprobs)
	}
	return in
}

// where is a file and a line of the built site.
type where struct {
	file string
	line int
}

// markerLines gives, for each marker, every file and line of the site in
// out that shows it.
func markerLines(t *testing.T, out string, places []placement) map[string][]where {
	t.Helper()
	markers := map[string]bool{}
	for _, p := range places {
		markers[p.marker] = true
	}
	found := map[string][]where{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		for i, line := range strings.Split(string(data), "\n") {
			for at := 0; ; {
				j := strings.Index(line[at:], "Q")
				if j < 0 {
					break
				}
				at += j + 1
				end := at
				for end < len(line) && (line[end] >= '0' && line[end] <= '9' || line[end] == 'X') {
					end++
				}
				if m := line[at-1 : end]; markers[m] {
					found[m] = append(found[m], where{filepath.ToSlash(rel), i + 1})
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// subjectKey is how a hit's needle is matched to a subject: folded, digits
// without their grouping, an address without the asterisks of emphasis
// that Markdown left as written (zhan**gsan**@example.com, when GFM's
// autolink takes the address first).
func subjectKey(s string) string {
	return strings.NewReplacer("-", "", " ", "", "*", "").Replace(fold.Key(s))
}

// TestAuditAloneCatchesEveryDisguise builds the public site with the
// masking off and checks that the leak audit reports each disguise of
// each person and number wherever the site shows it: every file and line
// that shows a disguise's marker has a hit of its subject on that line.
func TestAuditAloneCatchesEveryDisguise(t *testing.T) {
	t.Parallel()
	dir, places := auditSite(t)
	out := filepath.Join(t.TempDir(), "public")
	in := renderUnmasked(t, dir, out)
	hits, err := Scanner(in, config.Public).Dir(out)
	if err != nil {
		t.Fatal(err)
	}
	hitAt := map[where][]string{}
	for _, h := range hits {
		if !h.InName {
			w := where{h.File, h.Line}
			hitAt[w] = append(hitAt[w], subjectKey(h.Needle.Text))
		}
		for _, s := range auditSubjects {
			if strings.Contains(h.String(), s.text) {
				t.Errorf("hit %q shows %q", h, s.text)
			}
		}
	}
	shown := markerLines(t, out, places)
	for _, p := range places {
		ws := shown[p.marker]
		if len(ws) == 0 {
			t.Errorf("%s %s (%s) at the %s: the site does not show it", p.subject, p.label, p.marker, p.at)
			continue
		}
		for _, w := range ws {
			// A pattern may take in more than the subject: the
			// address in files/zhangsan@example.com.pdf ends in .pdf.
			if !slices.ContainsFunc(hitAt[w], func(key string) bool { return strings.Contains(key, subjectKey(p.subject)) }) {
				t.Errorf("%s %s at the %s, shown at %s:%d: no hit", p.subject, p.label, p.at, w.file, w.line)
			}
		}
	}
	t.Logf("%d disguises placed, %d hits", len(places), len(hits))

	// A build with the masking off stops with these hits, as audit.leak
	// problems at the same files and lines, and writes nothing.
	pub := filepath.Join(dir, "public")
	_, probs, err := Build(Options{Source: dir, Out: pub, unmasked: true})
	if err != nil {
		t.Fatal(err)
	}
	var leaks []where
	for _, p := range probs {
		if p.Code == problem.AuditLeak {
			leaks = append(leaks, where{strings.TrimPrefix(p.Pos.File, filepath.ToSlash(pub)+"/"), p.Pos.Line})
		}
	}
	var want []where
	for _, h := range hits {
		want = append(want, where{h.MaskedFile(), h.Line})
	}
	cmpWhere := func(a, b where) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) }
	slices.SortFunc(leaks, cmpWhere)
	slices.SortFunc(want, cmpWhere)
	if !slices.Equal(leaks, want) {
		t.Errorf("the build's audit.leak problems (%d) are not the audit's hits (%d)", len(leaks), len(want))
	}
	if _, err := os.Stat(pub); !os.IsNotExist(err) {
		t.Errorf("the build wrote %s: %v", pub, err)
	}
}

// TestAuditCatchesWhatInlineTagsSplit checks the audit alone on pages that
// split a name or number by an inline HTML tag (张<span>三</span>), which
// no build writes (Markdown's HTML is refused) but a theme could.
func TestAuditCatchesWhatInlineTagsSplit(t *testing.T) {
	t.Parallel()
	// The persons and the numbers the register knows; the others by
	// their shape.
	needles := []audit.Needle{{Text: "张三", Kind: "name"}, {Text: "欧阳明远", Kind: "name"}, {Text: "买买提·艾力", Kind: "name"},
		{Text: "张小明", Kind: "name"}, {Text: "110105198001011238", Kind: "id-number"}, {Text: "13912345678", Kind: "phone"}}
	sc := audit.New(needles, nil, audit.Patterns())
	for _, s := range auditSubjects {
		for _, d := range sitetest.TagDisguises(s.text) {
			page := "<!doctype html>\n<p>\n经" + d.Text + "举报</p>\n"
			hits, err := sc.File("a.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(hits, func(h audit.Hit) bool {
				return h.Line == 3 && strings.Contains(subjectKey(h.Needle.Text), subjectKey(s.text))
			}) {
				t.Errorf("%s split by <%s>: no hit on line 3 (%v)", s.text, d.Label, hits)
			}
		}
	}
}

// BenchmarkAudit times the public leak audit of the example site, built
// once: "dir" is the audit as a build runs it (names, the raw forms and
// what a reader sees, the patterns), "raw" the raw scan alone of the same
// files (Scanner.Bytes), which is what the audit was before it read pages
// as a reader does (issue 19).
func BenchmarkAudit(b *testing.B) {
	out := b.TempDir()
	if _, probs, err := Build(Options{Source: exampleSite, Out: out, NoCache: true, Preview: true}); err != nil || probs.HasErrors() {
		b.Fatal(err, probs)
	}
	in, probs := load(exampleSite, "", nil, nil)
	if probs.HasErrors() {
		b.Fatal(probs)
	}
	s := Scanner(in, config.Public)
	var size int64
	files := map[string][]byte{}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files[p] = data
			size += int64(len(data))
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("new", func(b *testing.B) {
		for b.Loop() {
			Scanner(in, config.Public)
		}
	})
	b.Run("dir", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			if hits, err := s.Dir(out); err != nil || len(hits) > 0 {
				b.Fatal(err, hits)
			}
		}
	})
	b.Run("raw", func(b *testing.B) {
		b.SetBytes(size)
		for b.Loop() {
			for p, data := range files {
				if hits := s.Bytes(p, data); len(hits) > 0 {
					b.Fatal(hits)
				}
			}
		}
	})
}
