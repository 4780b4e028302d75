package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"dutyreport/generator/problem"
	"dutyreport/generator/view"
)

// Theme is a parsed theme: one template set per page kind, the UI strings of
// one language and the static assets.
type Theme struct {
	pages   map[string]*template.Template
	strings map[string]string
	assets  []string // paths under assets/, sorted
	fsys    fs.FS
	prefix  string // for problem positions, e.g. "themes/default/"
}

// kinds are the page kinds; each is a layout file of the same name.
var kinds = []string{view.KindLanding, view.KindYear, view.KindRanking, view.KindUnit,
	view.KindUnits, view.KindContent, view.KindMethodology, view.KindNotices, view.KindNotice, view.KindRestrictions, view.KindChanges}

// Load parses every layout of the theme in fsys and the UI strings of lang,
// reporting every problem with the theme file it is in. prefix names the
// theme folder in positions.
func Load(fsys fs.FS, prefix, lang string) (*Theme, problem.List) {
	var probs problem.List
	t := &Theme{pages: map[string]*template.Template{}, fsys: fsys, prefix: prefix}
	fail := func(file string, err error) {
		probs.Add(problem.Problem{Pos: problem.Position{File: prefix + file}, Code: problem.RenderTemplate, Found: err.Error()})
	}

	i18nFile := "i18n/" + lang + ".yaml"
	if data, err := fs.ReadFile(fsys, i18nFile); err != nil {
		fail(i18nFile, err)
	} else if err := yaml.Unmarshal(data, &t.strings); err != nil {
		fail(i18nFile, err)
	}

	common := []string{"layouts/base.html", "layouts/partials.html"}
	for _, kind := range kinds {
		file := "layouts/" + kind + ".html"
		tmpl := template.New(kind).Option("missingkey=error").Funcs(t.funcs())
		for _, f := range append(common, file) {
			src, err := fs.ReadFile(fsys, f)
			if err != nil {
				fail(f, err)
				continue
			}
			if _, err := tmpl.New(path.Base(f)).Parse(string(src)); err != nil {
				fail(f, err)
			}
		}
		t.pages[kind] = tmpl
	}

	_ = fs.WalkDir(fsys, "assets", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			t.assets = append(t.assets, p)
		}
		return nil
	})
	slices.Sort(t.assets)
	for _, a := range []string{EChartsAsset, ChartsAsset} {
		if !slices.Contains(t.assets, a) {
			probs.Add(problem.Problem{Pos: problem.Position{File: prefix + a}, Code: problem.RenderMissingAsset,
				Found: a, Expected: "the chart library in the theme's assets", ExpectedZH: "主题 assets 中的图表库"})
		}
	}
	probs.Sort()
	return t, probs
}

// funcs is the small, pure FuncMap of the templates.
func (t *Theme) funcs() template.FuncMap {
	return template.FuncMap{
		// t looks up a UI string; an unknown key fails the build rather
		// than print nothing.
		"t": t.lookup,
		"dict": func(kv ...any) (map[string]any, error) {
			if len(kv)%2 != 0 {
				return nil, errors.New("dict needs pairs of key and value")
			}
			m := make(map[string]any, len(kv)/2)
			for i := 0; i < len(kv); i += 2 {
				k, ok := kv[i].(string)
				if !ok {
					return nil, errors.New("dict keys must be strings")
				}
				m[k] = kv[i+1]
			}
			return m, nil
		},
		"first": func(n int, rows []*view.Row) []*view.Row { return rows[:min(n, len(rows))] },
		"last":  func(n int, rows []*view.Row) []*view.Row { return rows[max(len(rows)-n, 0):] },
		"join":  strings.Join,
		"neg":   func(i int) int { return -i },
		// say renders a view.Phrase: a UI string filled with its arguments.
		"say": t.sayErr,
		// chartOptions is a chart's ECharts option, JSON for a script element.
		"chartOptions": t.ChartOptions,
		// chartLabel is a chart's accessible name: its title and summary.
		"chartLabel": t.chartLabel,
		// diffTitle and diffSections word a year's changes, as `dutyreport diff` does.
		"diffTitle":    t.DiffTitle,
		"diffSections": t.DiffSections,
		"hasSheet": func(lines []view.ScoreLine) bool {
			return slices.ContainsFunc(lines, func(l view.ScoreLine) bool { return l.FromSheet })
		},
	}
}

// lookup returns a UI string of the theme's language, failing on a key the
// i18n file lacks.
func (t *Theme) lookup(key string) (string, error) {
	s, ok := t.strings[key]
	if !ok {
		return "", fmt.Errorf("no UI string %q in the theme's i18n file", key)
	}
	return s, nil
}

// String returns a UI string of the theme's language, or the key.
func (t *Theme) String(key string) string {
	if s, ok := t.strings[key]; ok {
		return s
	}
	return key
}
