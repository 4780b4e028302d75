package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"strconv"

	"dutyreport/generator/problem"
	"dutyreport/generator/view"
)

// Emit receives one output file. It must not keep data after it returns:
// the buffer is reused.
type Emit func(path string, data []byte) error

// Site renders every page, export and asset of s, in a fixed order.
// Template errors are problems (the theme's to fix); an error from emit is
// returned as is.
func (t *Theme) Site(s *view.Site, emit Emit) (problem.List, error) {
	var probs problem.List
	var buf bytes.Buffer
	for _, p := range s.Pages() {
		buf.Reset()
		if err := t.Page(&buf, p); err != nil {
			probs.Add(problem.Problem{Pos: t.errorAt(p.Kind, err), Code: problem.RenderTemplate,
				Found: fmt.Sprintf("%s: %v", p.Path, err)})
			if len(probs) > 20 {
				break // the same template error on every page says nothing more
			}
			continue
		}
		if err := emit(p.Path, buf.Bytes()); err != nil {
			return probs, err
		}
	}
	for _, y := range s.Years {
		if err := emit(y.CSV, CSV(y.Export, t)); err != nil {
			return probs, err
		}
		if err := emit(y.JSON, JSON(y.Export)); err != nil {
			return probs, err
		}
		if err := emit(y.RankingCSV, RankingCSV(y, t)); err != nil {
			return probs, err
		}
		if err := emit(y.BandsCSV, BandsCSV(y, s.Bands, t)); err != nil {
			return probs, err
		}
		if y.PersonsCSV != "" {
			if err := emit(y.PersonsCSV, PersonsCSV(y, s.Bands, t)); err != nil {
				return probs, err
			}
		}
		if y.NoticesExport != nil {
			if err := emit(y.NoticesCSV, NoticesCSV(y.NoticesExport, t, s.Internal)); err != nil {
				return probs, err
			}
			if err := emit(y.NoticesJSON, JSON(y.NoticesExport)); err != nil {
				return probs, err
			}
		}
	}
	for _, a := range t.assets {
		data, err := fs.ReadFile(t.fsys, a)
		if err != nil {
			return probs, err
		}
		if err := emit(a, data); err != nil {
			return probs, err
		}
	}
	if s.Search != nil {
		if err := emit(view.SearchIndexPath, SearchIndexJS(s.Search)); err != nil {
			return probs, err
		}
	}
	return probs, nil
}

// Page renders one page.
func (t *Theme) Page(buf *bytes.Buffer, p *view.Page) error {
	tmpl, ok := t.pages[p.Kind]
	if !ok {
		return fmt.Errorf("no layout for pages of kind %q", p.Kind)
	}
	return tmpl.ExecuteTemplate(buf, "base", p)
}

// execAt finds the layout file, line and column in an error of
// html/template: "template: partials.html:15:3: executing …".
var execAt = regexp.MustCompile(`template: ([^:\s]+\.html):(\d+):(\d+):`)

// errorAt places a template error at the layout it is in, from the layer
// that gives that file (a site's own partials.html, not the page kind's
// built-in layout), or at the page kind's layout when the error says no file.
func (t *Theme) errorAt(kind string, err error) problem.Position {
	m := execAt.FindStringSubmatch(err.Error())
	if m == nil {
		return problem.Position{File: t.where("layouts/" + kind + ".html")}
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	return problem.Position{File: t.where("layouts/" + m[1]), Line: line, Col: col}
}
