package problem

import (
	"bytes"
	"encoding/gob"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// verbs lists the values a format takes: the verb of each argument, by its
// index from 1. ok is false for a format fmt would not read cleanly (a
// verb missing, an index that is not a number).
func verbs(format string) (map[int]byte, bool) {
	out := map[int]byte{}
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			if end < 0 {
				return nil, false
			}
			n, err := strconv.Atoi(format[i+1 : i+end])
			if err != nil || n < 1 {
				return nil, false
			}
			arg, i = n, i+end+1
		}
		for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '.') {
			i++
		}
		if i >= len(format) {
			return nil, false
		}
		if format[i] == '%' {
			continue
		}
		if v, seen := out[arg]; seen && v != format[i] {
			return nil, false // one value, two verbs
		}
		out[arg] = format[i]
		arg++
	}
	return out, true
}

// TestTextsHaveBothLanguages: every entry of the catalogue has its Chinese
// and its English, or is marked untranslated; every code its message in
// both, and its hint in both or in neither.
func TestTextsHaveBothLanguages(t *testing.T) {
	name := idNames(t)
	pending := 0
	for id := TextID(1); id < textCount; id++ {
		e := texts[id]
		switch {
		case e.en == "":
			t.Errorf("%s has no English", name[id])
		case e.zh == "":
			t.Errorf("%s (%q) has no Chinese: give it, or mark it untranslated", name[id], e.en)
		case e.zh == untranslated:
			pending++
		}
	}
	t.Logf("%d of %d texts await their Chinese", pending, textCount-1)
	for _, c := range slices.Sorted(maps.Keys(catalog)) {
		e := catalog[c]
		if e.zh == "" || e.en == "" {
			t.Errorf("%s: the message lacks a language: %q, %q", c, e.zh, e.en)
		}
		if (e.hintZH == "") != (e.hintEN == "") {
			t.Errorf("%s: the hint lacks a language: %q, %q", c, e.hintZH, e.hintEN)
		}
	}
}

// TestTextsAgree: the Chinese and the English of an entry take the same
// values, each with the same verb, and use every one of them.
func TestTextsAgree(t *testing.T) {
	name := idNames(t)
	for id := TextID(1); id < textCount; id++ {
		e := texts[id]
		en, ok := verbs(e.en)
		if !ok {
			t.Errorf("%s: %q is not a clean format", name[id], e.en)
			continue
		}
		for n := 1; n <= len(en); n++ {
			if _, ok := en[n]; !ok {
				t.Errorf("%s: %q skips value %d", name[id], e.en, n)
			}
		}
		if e.zh == untranslated {
			continue
		}
		zh, ok := verbs(e.zh)
		if !ok {
			t.Errorf("%s: %q is not a clean format", name[id], e.zh)
			continue
		}
		if !maps.Equal(zh, en) {
			t.Errorf("%s: the placeholders differ:\n\tzh %q %v\n\ten %q %v", name[id], e.zh, zh, e.en, en)
		}
	}
}

func TestTextIn(t *testing.T) {
	tests := []struct {
		name   string
		text   Text
		zh, en string
	}{
		{"zero", Text{}, "", ""},
		{"no values", T(TFourDigitYear), "四位年份", "a four-digit year"},
		{"a value", T(TDraftsAfterPublished, 2023), "草稿年度只能在最后一个已发布年度（2023）之后", "drafts only after the last published year, 2023"},
		{"values in another order", T(TParentActive, "镇", 2024), "2024 年度存在的镇", "a 镇 active in 2024"},
		{"untranslated", T(TOneOf, "a, b"), "one of a, b", "one of a, b"},
		{"verbatim", Verbatim("单位编码, 平均分"), "单位编码, 平均分", "单位编码, 平均分"},
		{"joined", Joined([]string{"2023", "2024"}), "2023、2024", "2023, 2024"},
		{"choices", Choices([]string{"诫勉谈话", "通报批评"}), "诫勉谈话、通报批评", "诫勉谈话 / 通报批评"},
		{"nested", T(THandlingOfScheme, Choices([]string{"甲", "乙"})), "考核方案所列的处理方式：甲、乙", "a handling of the scheme: 甲 / 乙"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.text.In(ZH); got != tc.zh {
				t.Errorf("zh: %q, want %q", got, tc.zh)
			}
			if got := tc.text.In(EN); got != tc.en {
				t.Errorf("en: %q, want %q", got, tc.en)
			}
		})
	}
}

// TestCallsGiveEveryValue reads every T call of the module: one that names
// its entry gives as many values as the entry takes, so that no clerk reads
// %!s(MISSING).
func TestCallsGiveEveryValue(t *testing.T) {
	ids := textNames(t)
	root := filepath.Join("..", "..")
	calls := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != root && (strings.HasPrefix(n, ".") || n == "testdata" || n == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil // someone's work in progress; the compiler says more
		}
		inProblem := f.Name.Name == "problem"
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 || call.Ellipsis.IsValid() || !isProblemName(call.Fun, "T", inProblem) {
				return true
			}
			var name string
			switch a := call.Args[0].(type) {
			case *ast.SelectorExpr:
				if isProblemName(a, a.Sel.Name, inProblem) {
					name = a.Sel.Name
				}
			case *ast.Ident:
				if inProblem {
					name = a.Name
				}
			}
			id, known := ids[name]
			if !known {
				return true // an id held in a variable
			}
			calls++
			want, _ := verbs(texts[id].en)
			if got := len(call.Args) - 1; got != len(want) {
				t.Errorf("%s: T(%s) gives %d values; the entry %q takes %d", fset.Position(call.Pos()), name, got, texts[id].en, len(want))
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d calls of T checked", calls)
	if calls < 100 {
		t.Errorf("only %d calls of T found: is the walk reading the module?", calls)
	}
}

// isProblemName reports whether e is problem.name, or name itself inside
// package problem.
func isProblemName(e ast.Expr, name string, inProblem bool) bool {
	switch e := e.(type) {
	case *ast.SelectorExpr:
		x, ok := e.X.(*ast.Ident)
		return ok && x.Name == "problem" && e.Sel.Name == name
	case *ast.Ident:
		return inProblem && e.Name == name
	}
	return false
}

// textNames maps the names of the TextID constants to their values, read
// from texts.go: each name of the const block is the next value.
func textNames(t *testing.T) map[string]TextID {
	f, err := parser.ParseFile(token.NewFileSet(), "texts.go", nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]TextID{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		next := TextID(0)
		for _, s := range g.Specs {
			for _, n := range s.(*ast.ValueSpec).Names {
				ids[n.Name] = next
				next++
			}
		}
	}
	if ids["textCount"] != textCount {
		t.Fatalf("reading texts.go: textCount is %d, want %d", ids["textCount"], textCount)
	}
	return ids
}

// idNames gives the name of each TextID.
func idNames(t *testing.T) []string {
	names := make([]string, textCount)
	for n, id := range textNames(t) {
		if id < textCount {
			names[id] = n
		}
	}
	return names
}

// TestTextGob: a problem's texts come back from the ingest cache (gob) as
// they went in, values, lists and nested texts included.
func TestTextGob(t *testing.T) {
	in := Problem{Code: IngestBadChoice, Found: "x",
		Expected: T(TRoleAssessed, Choices([]string{"主要负责人", "分管领导"})),
		Hint:     T(TActiveIn, 2024, "T01", "2020–"),
		Notes:    []Note{{Pos: Position{File: "a.xlsx", Line: 3}, Text: T(TMoreCells, -7)}, {Text: Verbatim("")}, {}}}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(in); err != nil {
		t.Fatal(err)
	}
	var out Problem
	if err := gob.NewDecoder(&b).Decode(&out); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("read back %#v\nwant %#v", out, in)
	}
	for _, l := range []Lang{ZH, EN} {
		if got, want := out.Format(l), in.Format(l); got != want {
			t.Errorf("%s: %q, want %q", l, got, want)
		}
	}
	data, _ := in.Expected.GobEncode()
	for n := range data {
		var x Text
		if x.GobDecode(data[:n]) == nil {
			t.Errorf("%d of %d bytes read without an error", n, len(data))
		}
	}
}
