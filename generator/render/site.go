package render

import (
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"

	"dutyreport/generator/problem"
	"dutyreport/generator/view"
)

// Emit receives one output file. It must not keep data after it returns:
// the buffer is reused.
type Emit func(path string, data []byte) error

// maxTemplateProblems bounds the template problems of a site: the same
// template error on every page says nothing more.
const maxTemplateProblems = 21

// Site renders every page, export and asset of s, in a fixed order, on the
// calling goroutine: SiteOn with one worker.
func (t *Theme) Site(s *view.Site, emit Emit) (problem.List, error) {
	return t.SiteOn(s, emit, 1)
}

// SiteOn renders every page, export and asset of s with a pool of workers
// (runtime.GOMAXPROCS(0) of them when workers is 0 or less), each calling
// emit as it makes a file. With more than one worker, emit is called from
// several goroutines at once and must be safe for concurrent use, and the
// order of its calls is not fixed; one worker works on the calling
// goroutine, in the fixed order. The files made, and the problems, are the
// same whatever the number of workers.
//
// Template errors are problems (the theme's to fix), in page order; after
// maxTemplateProblems of them no further page is rendered, as a one-worker
// render stops. An error from emit, or from reading an asset, stops the
// workers and is returned as is: of those that happened, the first in the
// fixed order.
func (t *Theme) SiteOn(s *view.Site, emit Emit, workers int) (problem.List, error) {
	jobs := t.jobs(s)
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(jobs)))

	// Each job's outcome goes to its own slot, so that the result does
	// not depend on scheduling. Jobs are taken in the fixed order: when a
	// worker finds maxTemplateProblems failures recorded and skips a page,
	// every page before it was taken, and so the first maxTemplateProblems
	// failures in page order are all known once the workers are done.
	type outcome struct {
		prob *problem.Problem
		err  error
	}
	done := make([]outcome, len(jobs))
	var next atomic.Int64
	var failed atomic.Int32
	var stop atomic.Bool
	work := func() {
		var buf bytes.Buffer
		for !stop.Load() {
			i := int(next.Add(1) - 1)
			if i >= len(jobs) {
				return
			}
			j := &jobs[i]
			var data []byte
			if p := j.page; p != nil {
				if failed.Load() >= maxTemplateProblems {
					continue
				}
				buf.Reset()
				if err := t.Page(&buf, p); err != nil {
					done[i].prob = &problem.Problem{Pos: t.errorAt(p.Kind, err), Code: problem.RenderTemplate,
						Found: fmt.Sprintf("%s: %v", p.Path, err)}
					failed.Add(1)
					continue
				}
				data = buf.Bytes()
			} else {
				var err error
				if data, err = j.file(); err != nil {
					done[i].err = err
					stop.Store(true)
					return
				}
			}
			if err := emit(j.path, data); err != nil {
				done[i].err = err
				stop.Store(true)
				return
			}
		}
	}
	if workers == 1 {
		work()
	} else {
		var wg sync.WaitGroup
		for range workers {
			wg.Go(work)
		}
		wg.Wait()
	}

	var probs problem.List
	for _, o := range done {
		if o.err != nil {
			return probs, o.err
		}
		if o.prob != nil && len(probs) < maxTemplateProblems {
			probs.Add(*o.prob)
		}
	}
	return probs, nil
}

// job is one file of a site: a page, or a file that file makes.
type job struct {
	path string
	page *view.Page
	file func() ([]byte, error)
}

// jobs lists every file of s in the fixed order: the pages, each year's
// exports, the theme's assets and the search index.
func (t *Theme) jobs(s *view.Site) []job {
	var out []job
	for _, p := range s.Pages() {
		out = append(out, job{path: p.Path, page: p})
	}
	file := func(p string, f func() []byte) {
		out = append(out, job{path: p, file: func() ([]byte, error) { return f(), nil }})
	}
	for _, y := range s.Years {
		file(y.CSV, func() []byte { return CSV(y.Export, t) })
		file(y.JSON, func() []byte { return JSON(y.Export) })
		file(y.RankingCSV, func() []byte { return RankingCSV(y, t) })
		file(y.BandsCSV, func() []byte { return BandsCSV(y, s.Bands, t) })
		if y.PersonsCSV != "" {
			file(y.PersonsCSV, func() []byte { return PersonsCSV(y, s.Bands, t) })
		}
		if y.NoticesExport != nil {
			file(y.NoticesCSV, func() []byte { return NoticesCSV(y.NoticesExport, t, s.Internal) })
			file(y.NoticesJSON, func() []byte { return JSON(y.NoticesExport) })
		}
	}
	for _, a := range t.assets {
		out = append(out, job{path: a, file: func() ([]byte, error) { return fs.ReadFile(t.fsys, a) }})
	}
	if s.Search != nil {
		file(view.SearchIndexPath, func() []byte { return SearchIndexJS(s.Search) })
	}
	return out
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
