package render

import (
	"html/template"
	"reflect"
	"slices"
	"strings"
	"testing"

	"dutyreport/generator/view"
)

// readsOf analyzes templates given as "name: source" pairs, "base" first.
func readsOf(t *testing.T, defs ...string) []string {
	t.Helper()
	tmpl := template.New("page").Funcs(template.FuncMap{
		"t": func(string) string { return "" }, "dict": func(...any) map[string]any { return nil },
		"first": func(int, any) any { return nil }, "chartOptions": func(any) string { return "" },
	})
	for _, d := range defs {
		name, src, _ := strings.Cut(d, ": ")
		if _, err := tmpl.New(name).Parse(src); err != nil {
			t.Fatal(err)
		}
	}
	var out []string
	for _, r := range kindReads(tmpl) {
		out = append(out, r.path+" "+[]string{"all", "truth", "len"}[r.mode])
	}
	return out
}

// The analysis finds what a page's templates read of it, and no more than
// needed: a field printed is read whole, one tested only for its truth,
// a list ranged over for its length and the fields of its elements used.
func TestReadsFollowTheTemplates(t *testing.T) {
	tests := []struct {
		name string
		defs []string
		want []string
	}{
		{"a field printed", []string{"base: {{.Site.Title}}"}, []string{"Site.Title all"}},
		{"a test", []string{"base: {{if .Year}}x{{end}}"}, []string{"Year truth"}},
		{"a range", []string{"base: {{range .Site.Years}}{{.Path}}{{end}}"}, []string{"Site.Years len", "Site.Years.*.Path all"}},
		{"a range with its index", []string{"base: {{range $i, $y := .Site.Years}}{{$y.Path}}{{end}}"}, []string{"Site.Years all", "Site.Years len", "Site.Years.*.Path all"}},
		{"with", []string{"base: {{with .Unit}}{{.Total}}{{end}}"}, []string{"Unit truth", "Unit.Total all"}},
		{"a variable", []string{"base: {{$u := .Unit}}{{$u.Rank}}"}, []string{"Unit.Rank all"}},
		{"$ inside a range", []string{"base: {{range .Site.Years}}{{$.Site.Title}}{{end}}"}, []string{"Site.Title all", "Site.Years len"}},
		{"a template given a field", []string{"base: {{template \"x\" .Year}}", "x: {{.Path}}"}, []string{"Year.Path all"}},
		{"a template given a dict", []string{"base: {{template \"x\" dict \"a\" .Year \"b\" .Unit}}", "x: {{.a.Path}}"}, []string{"Year.Path all"}},
		{"a declared method", []string{"base: {{.Rel \"x\"}}"}, []string{"Path all"}},
		{"a declared method's result", []string{"base: {{range .NavYears}}{{.Path}}{{end}}"},
			[]string{"Kind all", "Site.Years len", "Site.Years.* truth", "Site.Years.*.Path all", "Site.Years.*.Year all", "Year truth", "Year.Year all"}},
		{"a method not declared", []string{"base: {{with .Unit.ScoreChart}}{{.Title}}{{end}}"}, []string{"Unit all"}},
		{"a function", []string{"base: {{printf \"%v\" .Year}}"}, []string{"Year all"}},
		{"and in with", []string{"base: {{with and .Year .Year.Erratum}}{{.What}}{{end}}"}, []string{"Year truth", "Year.Erratum truth", "Year.Erratum.What all"}},
		{"index", []string{"base: {{(index .Site.Years 0).Path}}"}, []string{"Site.Years len", "Site.Years.*.Path all"}},
		{"len", []string{"base: {{len .Site.Years}}"}, []string{"Site.Years len"}},
		{"a range over a number reads nothing", []string{"base: {{range 3}}x{{end}}"}, nil},
		{"a range over what is not a list reads everything", []string{"base: {{range .Site.Title}}x{{end}}"}, []string{" all"}},
		{"a template that is not there reads everything", []string{"base: {{template \"none\" .}}"}, []string{" all"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readsOf(t, tt.defs...)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("reads %q, want %q", got, want)
			}
		})
	}
}

// Templates that use variables across branches, turns of a range and
// calls: what a page prints through them is read.
func TestReadsFollowVariablesAndCalls(t *testing.T) {
	tests := []struct {
		name string
		defs []string
		want []string // among the reads
	}{
		{"a variable of the body is not the else branch's",
			[]string{"base: {{$x := .Title}}{{if .Site.Internal}}{{$x := .Path}}{{$x}}{{else}}{{$x}}{{end}}"},
			[]string{"Title all", "Path all"}},
		{"a variable assigned late in a range is read in the next turn",
			[]string{"base: {{$p := \"\"}}{{range .Site.Years}}[{{$p}}]{{$p = .Path}}{{end}}"},
			[]string{"Site.Years.*.Path all"}},
		{"range $x = … assigns the outer $x",
			[]string{"base: {{$x := .}}{{range $x = .Site.Years}}{{end}}{{$x.Path}}"},
			[]string{"Site.Years.*.Path all", "Path all"}},
		{"a template called with the page after a literal",
			[]string{"base: {{template \"x\" (print \"s\")}}{{template \"x\" .}}", "x: {{if eq (printf \"%T\" .) \"string\"}}s{{else}}{{.Title}}{{end}}"},
			[]string{"Title all"}},
		{"a template that follows a linked list reads everything",
			[]string{"base: {{template \"chain\" .Year}}", "chain: {{with .}}{{.Year}}{{template \"chain\" .Prev}}{{end}}"},
			[]string{" all"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readsOf(t, tt.defs...)
			for _, w := range tt.want {
				if !slices.Contains(got, w) {
					t.Errorf("reads %q, want %q among them", got, w)
				}
			}
		})
	}
}

// The truth of a value inside an interface is its element's, as if and
// with take it.
func TestTruthLooksInsideInterfaces(t *testing.T) {
	page := func(arg any) *view.Page {
		return &view.Page{Site: &view.Site{Charts: []*view.Chart{{Title: view.Phrase{Args: []any{arg}}}}}}
	}
	r := read{path: "Site.Charts.*.Title.Args.*", mode: readTruth, parts: strings.Split("Site.Charts.*.Title.Args.*", ".")}
	r.index = fieldIndexes(pageType, r.parts)
	a, _ := newDigester().page(nil, page(""), reads{r})
	b, _ := newDigester().page(nil, page("x"), reads{r})
	if a == b {
		t.Error("an empty and a full string inside an interface digest the same truth")
	}
}

// Every read the model's methods declare names fields that exist, and
// every method of a page is declared: a renamed field would otherwise
// read nothing.
func TestMethodReadsAreDeclared(t *testing.T) {
	for name, m := range methodReads {
		for _, r := range m.reads {
			if r.path == "" {
				continue
			}
			for i, idx := range fieldIndexes(pageType, strings.Split(r.path, ".")) {
				if idx == -2 {
					t.Errorf("%s: %s: no field at part %d", name, r.path, i)
				}
			}
		}
	}
	pt := reflect.TypeFor[*view.Page]()
	for i := range pt.NumMethod() {
		name := "view.Page." + pt.Method(i).Name
		if _, ok := methodReads[name]; !ok {
			t.Errorf("%s: a method of the page whose reads are not declared (a template calling it reads the whole page)", name)
		}
	}
}
