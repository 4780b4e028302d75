package audit

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// site is a synthetic built site of about the real one's size: 700 files,
// 30 MB of HTML with CJK text and percent-encoded links, JSON with \u
// escapes and GB18030 CSV, with 300 needles and 50 allowed unit names.
type site struct {
	needles []Needle
	allowed []string
	files   map[string]string
	size    int64
}

func newSite() site {
	r := rand.New(rand.NewPCG(7, 7))
	// Text uses U+4F00–U+9FA5; a name ends in U+4E00–U+4EFF, so text walks
	// into the names' prefixes but never completes one.
	cjk := func(n int) string {
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = rune(0x4F00 + r.IntN(0x9FA5-0x4F00))
		}
		return string(rs)
	}
	name := func(n int) string {
		return cjk(n-1) + string(rune(0x4E00+r.IntN(0x100)))
	}
	digits := func(prefix string, n int) string {
		var b strings.Builder
		b.WriteString(prefix)
		for b.Len() < n {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	var s site
	for range 200 {
		s.needles = append(s.needles, Needle{Text: name(2 + r.IntN(2)), Kind: "name"})
	}
	for range 50 {
		s.needles = append(s.needles, Needle{Text: digits("", 17) + "X", Kind: "id-number"})
		s.needles = append(s.needles, Needle{Text: digits("13", 11), Kind: "phone"})
	}
	for range 50 {
		s.allowed = append(s.allowed, cjk(3)+"镇人民政府")
	}

	gb := simplifiedchinese.GB18030.NewEncoder()
	s.files = map[string]string{}
	const perFile = 30 << 20 / 700
	for i := range 700 {
		var b strings.Builder
		var file string
		switch {
		case i%7 == 5:
			file = fmt.Sprintf("%d/data/%d.json", 2019+i%5, i)
			b.WriteString("[\n")
			for b.Len() < perFile {
				fmt.Fprintf(&b, "  {\"unit\": %s, \"score\": %d.%02d, \"note\": %s},\n",
					strconv.QuoteToASCII(s.allowed[r.IntN(50)]), 60+r.IntN(40), r.IntN(100), strconv.QuoteToASCII(cjk(20)))
			}
			b.WriteString("]\n")
		case i%7 == 6:
			file = fmt.Sprintf("%d/exports/%d.csv", 2019+i%5, i)
			for b.Len() < perFile {
				line, _ := gb.String(fmt.Sprintf("%s,%d.%02d,%s\r\n", s.allowed[r.IntN(50)], 60+r.IntN(40), r.IntN(100), cjk(15)))
				b.WriteString(line)
			}
		default:
			file = fmt.Sprintf("%d/notices/%d.html", 2019+i%5, i)
			b.WriteString("<!doctype html>\n<html lang=\"zh-CN\">\n  <head><meta charset=\"utf-8\"><title>考核结果</title></head>\n  <body>\n")
			for b.Len() < perFile {
				unit := s.allowed[r.IntN(50)]
				fmt.Fprintf(&b, "    <tr><td><a href=\"/units/%s.html\">%s</a></td><td>%d.%02d</td></tr>\n",
					urlEscape(unit), unit, 60+r.IntN(40), r.IntN(100))
				fmt.Fprintf(&b, "    <p>%s，%s。</p>\n", cjk(30), cjk(20))
			}
			b.WriteString("  </body>\n</html>\n")
		}
		s.files[file] = b.String()
		s.size += int64(b.Len())
	}
	return s
}

func urlEscape(s string) string {
	var b strings.Builder
	for i := range len(s) {
		fmt.Fprintf(&b, "%%%02X", s[i])
	}
	return b.String()
}

// BenchmarkDir audits the synthetic site's folder, beside the baseline: the
// same files read with os.ReadFile and nothing else, the least any audit of
// the folder costs. The two take turns (ns/op counts both); MB/s is the
// audit's, x-read-time the audit's time over the read's.
func BenchmarkDir(b *testing.B) {
	st := newSite()
	root := writeTree(b, st.files)
	s := New(st.needles, st.allowed)
	var audit, read time.Duration
	sides := []func(){
		func() {
			start := time.Now()
			hits, err := s.Dir(root)
			if err != nil || len(hits) != 0 {
				b.Fatalf("Dir = %d hits, %v", len(hits), err)
			}
			audit += time.Since(start)
		},
		func() {
			start := time.Now()
			for name := range st.files {
				if _, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name))); err != nil {
					b.Fatal(err)
				}
			}
			read += time.Since(start)
		},
	}
	round := 0
	for b.Loop() {
		for i := range sides {
			sides[(round+i)%len(sides)]()
		}
		round++
	}
	b.ReportMetric(float64(len(s.owners)), "patterns")
	b.ReportMetric(float64(len(st.files)), "files")
	b.ReportMetric(float64(st.size)*float64(round)/audit.Seconds()/1e6, "MB/s")
	b.ReportMetric(audit.Seconds()/read.Seconds(), "x-read-time")
}

func BenchmarkBytes(b *testing.B) {
	st := newSite()
	data := []byte(st.files["2019/notices/0.html"])
	s := New(st.needles, st.allowed)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if hits := s.Bytes("f", data); len(hits) != 0 {
			b.Fatalf("%d hits", len(hits))
		}
	}
}

func BenchmarkNew(b *testing.B) {
	st := newSite()
	for b.Loop() {
		New(st.needles, st.allowed)
	}
}
