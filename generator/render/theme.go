package render

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"dutyreport/generator/problem"
	"dutyreport/generator/sitefs"
	"dutyreport/generator/view"
	"dutyreport/generator/yamlbudget"
)

// Theme is a parsed theme: one template set per page kind, the UI strings of
// one language and the static assets.
type Theme struct {
	pages   map[string]*template.Template
	reads   map[string]reads  // what each kind's templates read of a page
	salts   map[string][]byte // each kind's templates and the UI strings, digested
	salt    []byte            // the UI strings, digested, for the exports
	strings map[string]string
	assets  []string // paths under assets/, sorted
	fsys    fs.FS    // the layers overlaid
	layers  []Layer  // top first
}

// TablesAsset sorts and filters the tables; SearchAsset runs the search
// page over the index the build writes (view.SearchIndexPath).
const (
	TablesAsset = "assets/tables.js"
	SearchAsset = "assets/search.js"
)

// kinds are the page kinds; each is a layout file of the same name.
var kinds = []string{view.KindLanding, view.KindYear, view.KindRanking, view.KindUnit,
	view.KindUnits, view.KindContent, view.KindMethodology, view.KindNotices, view.KindNotice, view.KindRestrictions, view.KindChanges, view.KindWatch, view.KindSearch, view.KindPersons, view.KindRedactions, view.KindReport}

// Layer is one folder of theme files. Layers are searched in order: the
// first that has a file gives it, so a site overrides only the files it
// changes (as Hugo does); UI strings are merged key by key instead.
type Layer struct {
	FS     fs.FS
	Prefix string // the folder in problem positions: "themes/default/", "" for the site's own
}

// Load parses the theme in one folder; see LoadLayers.
func Load(fsys fs.FS, prefix, lang string) (*Theme, problem.List) {
	return LoadLayers([]Layer{{fsys, prefix}}, lang)
}

// LoadLayers parses every layout of the theme made of layers, top first,
// and the UI strings of lang, reporting every problem with the file it is
// in.
func LoadLayers(layers []Layer, lang string) (*Theme, problem.List) {
	var probs problem.List
	fss := make([]fs.FS, len(layers))
	for i, l := range layers {
		fss[i] = l.FS
	}
	t := &Theme{pages: map[string]*template.Template{}, fsys: Overlay(fss...), layers: layers}
	refused := map[string]bool{} // base.html is read for every kind: one problem
	fail := func(file string, err error) {
		if errors.Is(err, sitefs.ErrNotAFile) || isTooLarge(err) {
			if !refused[file] {
				refused[file] = true
				probs.Add(refusedFile(t.where(file), err))
			}
			return
		}
		probs.Add(problem.Problem{Pos: problem.Position{File: t.where(file)}, Code: problem.RenderTemplate, Found: err.Error()})
	}
	// A theme folder of the site that may not be read (a symlink out of
	// the site) would otherwise be skipped without a word.
	for _, l := range layers {
		for _, dir := range []string{"layouts", "i18n", "assets"} {
			if l.FS == nil {
				continue
			}
			if _, err := fs.Stat(l.FS, dir); errors.Is(err, sitefs.ErrNotAFile) {
				probs.Add(notAFile(l.Prefix + dir))
			}
		}
	}

	strs, sprobs := loadStrings(layers, "i18n/"+lang+".yaml")
	t.strings = strs
	probs.Append(sprobs)

	common := []string{"layouts/base.html", "layouts/partials.html"}
	t.reads, t.salts = map[string]reads{}, map[string][]byte{}
	stringsSum := digestStrings(strs)
	t.salt = stringsSum
	for _, kind := range kinds {
		file := "layouts/" + kind + ".html"
		tmpl := template.New(kind).Option("missingkey=error").Funcs(t.funcs())
		salt := sha256.New()
		salt.Write(stringsSum)
		for _, f := range append(common, file) {
			src, err := fs.ReadFile(t.fsys, f)
			if err != nil {
				fail(f, err)
				continue
			}
			fmt.Fprintf(salt, "%s %d\n", f, len(src))
			salt.Write(src)
			if _, err := tmpl.New(path.Base(f)).Parse(string(src)); err != nil {
				fail(f, err)
			}
		}
		t.pages[kind] = tmpl
		// Read before any page is rendered: rendering escapes the
		// templates, changing them.
		t.reads[kind] = kindReads(tmpl)
		t.salts[kind] = salt.Sum(nil)
	}

	_ = fs.WalkDir(t.fsys, "assets", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			t.assets = append(t.assets, p)
		}
		return nil
	})
	slices.Sort(t.assets)
	// An asset that is not a regular file of the site (a symlink to
	// /etc/hostname, a pipe), or is too large, is refused here, never
	// published.
	t.assets = slices.DeleteFunc(t.assets, func(a string) bool {
		st, err := fs.Stat(t.fsys, a)
		switch {
		case err == nil && st.Mode().IsRegular() && st.Size() > MaxFileBytes:
			err = &sitefs.TooLargeError{Size: st.Size(), Limit: MaxFileBytes}
		case err == nil && st.Mode().IsRegular():
			return false
		}
		probs.Add(refusedFile(t.where(a), err))
		return true
	})
	if !slices.Contains(t.assets, EChartsAsset) {
		probs.Add(problem.Problem{Pos: problem.Position{File: t.where(EChartsAsset)}, Code: problem.RenderMissingAsset,
			Found: EChartsAsset, Expected: problem.T(problem.TChartLibrary)})
	}
	// The theme's own scripts, which the layouts load: a theme of its own
	// copies them from the default theme.
	for _, a := range []string{ChartsAsset, TablesAsset, SearchAsset} {
		if !slices.Contains(t.assets, a) {
			probs.Add(problem.Problem{Pos: problem.Position{File: t.where(a)}, Code: problem.RenderMissingAsset,
				Found: a, Expected: problem.T(problem.TThemeScript, a), Hint: problem.T(problem.TCopyScript, a)})
		}
	}
	probs.Sort()
	return t, probs
}

// where names a theme file in problem positions: in the layer that gives
// it, or the lowest layer when none does (where it belongs).
func (t *Theme) where(file string) string { return where(t.layers, file) }

func where(layers []Layer, file string) string {
	for _, l := range layers {
		if l.FS == nil {
			continue
		}
		if _, err := fs.Stat(l.FS, file); !errors.Is(err, fs.ErrNotExist) {
			return l.Prefix + file
		}
	}
	for i := len(layers) - 1; i >= 0; i-- {
		if layers[i].FS != nil {
			return layers[i].Prefix + file
		}
	}
	return file
}

// loadStrings merges the UI strings of every layer that has the file, from
// the bottom up: a site's i18n file need only give the strings it changes.
// A key no lower layer knows is a warning: a typo would change nothing.
func loadStrings(layers []Layer, file string) (map[string]string, problem.List) {
	var probs problem.List
	merged := map[string]string{}
	found := false
	for i := len(layers) - 1; i >= 0; i-- {
		l := layers[i]
		if l.FS == nil {
			continue
		}
		if st, err := fs.Stat(l.FS, file); err == nil && st.Size() > maxStringsBytes {
			probs.Add(refusedFile(l.Prefix+file, &sitefs.TooLargeError{Size: st.Size(), Limit: maxStringsBytes}))
			found = true
			continue
		}
		data, err := fs.ReadFile(l.FS, file)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if errors.Is(err, sitefs.ErrNotAFile) || isTooLarge(err) {
			probs.Add(refusedFile(l.Prefix+file, err))
			found = true
			continue
		}
		var m map[string]string
		var root yaml.Node
		if err == nil {
			err = yaml.Unmarshal(data, &root)
		}
		if over := yamlbudget.Over(&root); err == nil && over != nil {
			nodes, bytes := strconv.Itoa(yamlbudget.MaxNodes), strconv.Itoa(yamlbudget.MaxBytes)
			probs.Add(problem.Problem{Pos: problem.Position{File: l.Prefix + file, Line: over.Line, Col: over.Column}, Code: problem.RenderTooLarge, Found: "*" + over.Value,
				Expected: problem.T(problem.TYAMLBudget, nodes, bytes), Hint: problem.T(problem.TFewerAliasesStrings)})
			found = true
			continue
		}
		if err == nil && root.Kind != 0 {
			err = root.Decode(&m)
		}
		if err != nil {
			probs.Add(problem.Problem{Pos: problem.Position{File: l.Prefix + file}, Code: problem.RenderTemplate, Found: err.Error()})
			found = true
			continue
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if _, known := merged[k]; found && !known {
				probs.Add(problem.Problem{Pos: problem.Position{File: l.Prefix + file}, Severity: problem.Warning, Code: problem.RenderUnknownString,
					Found: k, Expected: problem.T(problem.TThemeKey, file)})
			}
			merged[k] = m[k]
		}
		found = true
	}
	if !found {
		probs.Add(problem.Problem{Pos: problem.Position{File: where(layers, file)}, Code: problem.RenderTemplate, Found: file + ": " + fs.ErrNotExist.Error()})
	}
	return merged, probs
}

// notAFile is the problem of a theme file of the site that is not read.
func notAFile(file string) problem.Problem {
	return problem.Problem{Pos: problem.Position{File: file}, Code: problem.RenderNotAFile, Found: path.Base(file)}
}

// MaxFileBytes bounds a theme file of the site (a layout, an asset),
// checked before it is read: the largest the default theme has, the chart
// library, is about 1 MiB. The UI strings are held to maxStringsBytes, as
// YAML costs many times its size once parsed.
const (
	MaxFileBytes    = 32 << 20
	maxStringsBytes = 1 << 20
)

func isTooLarge(err error) bool {
	var tl *sitefs.TooLargeError
	return errors.As(err, &tl)
}

// refusedFile is the problem of a theme file the site's reader refused:
// not a regular file of the site, or larger than its limit.
func refusedFile(file string, err error) problem.Problem {
	var tl *sitefs.TooLargeError
	if !errors.As(err, &tl) {
		return notAFile(file)
	}
	return problem.TooLarge(problem.RenderTooLarge, file, tl.Size, tl.Limit)
}

// digestStrings digests the UI strings, in the order of their keys.
func digestStrings(strs map[string]string) []byte {
	keys := slices.Sorted(maps.Keys(strs))
	h := sha256.New()
	for _, k := range keys {
		fmt.Fprintf(h, "%d %s %d %s\n", len(k), k, len(strs[k]), strs[k])
	}
	return h.Sum(nil)
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
		// longDate writes an ISO date as the language writes it in a
		// document: 2022年4月12日.
		"longDate": t.longDate,
		"hasSheet": func(lines []view.ScoreLine) bool {
			return slices.ContainsFunc(lines, func(l view.ScoreLine) bool { return l.FromSheet })
		},
	}
}

// longDate writes "2022-04-12" by the UI string long_date, given year,
// month and day.
func (t *Theme) longDate(iso string) (string, error) {
	d, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return "", err
	}
	f, err := t.lookup("long_date")
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(f, d.Year(), int(d.Month()), d.Day()), nil
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
