// Package generator runs the pipeline: config → ingest and content →
// scoring → view (per audience) → render → write. Build calls the stages in
// order and does nothing else; each stage is a package of its own.
package generator

import (
	"path/filepath"
	"strings"
	"time"

	"dutyreport/generator/config"
	"dutyreport/generator/content"
	"dutyreport/generator/edition"
	"dutyreport/generator/notices"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/scoring"
	"dutyreport/generator/view"
	"dutyreport/generator/write"
)

// Options say what to build.
type Options struct {
	Source   string // the site folder
	Out      string // the output folder; "" for the audience's folder from site.yaml
	Audience string // config.Public (default) or config.Internal
	// NoCache reads every input file, instead of taking unchanged ones
	// from the site's cache folder (CacheDir).
	NoCache bool
	// Zip, when not "", is a zip file to pack the built site into, for the
	// county CMS; SourceDate the time its entries carry (SOURCE_DATE_EPOCH),
	// zero for the latest published edition's date.
	Zip        string
	SourceDate time.Time
	// Force builds into an output folder that holds files no build made
	// (keeping them), and over pages of the last build edited by hand.
	Force bool
	// Preview builds for a look, as `dutyreport serve` does: published
	// editions are compared with editions.lock, but a difference is a
	// warning and nothing is recorded in the lock or archived.
	Preview bool
	// Progress, when not nil, is told each stage of the build as it starts.
	Progress Progress
	// Reading, when not nil, is told each input spreadsheet as its reading
	// starts (true) and ends (false), from the goroutine that reads it:
	// several at once, so it must be safe for concurrent use. The
	// out-of-memory message names the files being read.
	Reading func(file string, reading bool)
	// unmasked builds the public view without masking (view.Input's
	// Unmasked), for tests that show the leak audit catches alone what
	// the masking would.
	unmasked bool
	// workers is how many pages and exports are rendered and written at
	// once, for tests and benchmarks: 0 for runtime.GOMAXPROCS(0). The
	// site is the same whatever the number.
	workers int
}

// CacheDir is the folder, in the site folder, where each input file's
// reading is kept between builds; deleting it only costs time.
const CacheDir = ".dutyreport-cache"

// cacheDir gives the ingest cache folder of a build, "" for none.
func (o Options) cacheDir() string {
	if o.NoCache {
		return ""
	}
	return filepath.Join(o.Source, CacheDir)
}

// Report says what a build did.
type Report struct {
	Out                string // the output folder
	Pages              int    // HTML pages
	Files              int    // every file written or kept
	Written, Unchanged int
	// Reused counts the unchanged files that were not even made again:
	// the last build made them from the same data (render.Reuse).
	Reused   int
	Warnings problem.List
	// Locked says what the build recorded in editions.lock: "2024 r1".
	Locked []string
	// UpToDate says that nothing had changed since the last build into
	// the folder: the same tool, options and site folder, and the output
	// as that build left it; nothing was read or written.
	UpToDate bool
}

// Build builds one audience's site. Problems in the input come back as the
// list (with warnings, which do not stop the build); err is for everything
// else, such as a full disk. When the list has errors or err is not nil,
// nothing was changed on disk.
//
// It runs the stages in order, each in a method of run: read and score
// (load), the view, the theme, then render into a staged folder, check the
// editions against the lock, audit the staged site for leaks, and swap it
// in. A stage that fails leaves the previous site as it was.
//
// Before all that, the stamp of the last build into the same folder may
// show that nothing changed (upToDate); the build is then done.
func Build(o Options) (Report, problem.List, error) {
	if o.Audience == "" {
		o.Audience = config.Public
	}
	o.Progress.at(StageRead) // the stamp's check reads the site folder
	up, rep, done, err := o.upToDate()
	if done || err != nil {
		return rep, rep.Warnings, err
	}
	in, probs := load(o.Source, o.cacheDir(), o.Progress, o.Reading)
	probs = notices.ForAudience(probs, o.Audience)
	if probs.HasErrors() {
		return Report{}, probs, nil
	}
	if site := in.cfg.Site; o.Audience == config.Public && !site.Sample && strings.TrimSpace(site.Footer.Operator) == "" {
		// A county's site must say who runs it, at the foot of every page.
		probs.Add(problem.Problem{Pos: problem.Position{File: config.SiteFile}, Severity: problem.Warning,
			Code: problem.ConfigNoOperator, Expected: problem.T(problem.TFooterOperator)})
	}
	if in.archived, err = edition.List(o.Source); err != nil {
		return Report{}, probs, err
	}
	in.unmasked = o.unmasked
	// The leak audit's scanner is made while the site is viewed and
	// rendered: it needs only the inputs.
	scan := make(chan scanned, 1)
	go func() {
		s, key := scanner(in, o.Audience)
		scan <- scanned{s, key}
	}()
	r := &run{o: o, in: in, site: in.view(o.Audience), probs: probs, up: up, scan: scan}
	theme, tprobs := loadTheme(in.cfg)
	r.probs.Append(tprobs)
	if r.probs.HasErrors() {
		return r.rep, r.probs, nil
	}
	r.rep.Out = o.Out
	if r.rep.Out == "" {
		r.rep.Out = filepath.Join(o.Source, outDir(in.cfg, o.Audience))
	}
	if err := guardOut(in.cfg, o, r.rep.Out); err != nil {
		return r.rep, r.probs, err
	}
	// The output folder is the user's: what the last build did not make
	// stays, and a page of it edited by hand is not overwritten unasked.
	if r.survey, err = write.SurveyOut(r.rep.Out, madeByBuild(r.rep.Out)); err != nil {
		return r.rep, r.probs, err
	}
	for _, e := range r.survey.Edited {
		p := problem.Problem{Pos: problem.Position{File: filepath.ToSlash(filepath.Join(r.rep.Out, filepath.FromSlash(e)))}, Code: problem.OutEdited}
		if o.Force {
			p.Severity = problem.Warning
		}
		r.probs.Add(p)
	}
	if r.probs.HasErrors() {
		return r.rep, r.probs, nil
	}
	if r.tree, err = write.Begin(r.rep.Out); err != nil {
		return r.rep, r.probs, err
	}
	r.tree.Know(r.survey.Kept)
	for _, stage := range []func() error{func() error { return r.render(theme) }, r.editions, r.audit, r.commit} {
		if err := stage(); err != nil || r.probs.HasErrors() {
			r.tree.Abort()
			return r.rep, r.probs, err
		}
	}
	r.rep.Warnings = r.probs
	return r.rep, r.probs, nil
}

// upToDate checks the build's stamp (see checkStamp): when nothing
// changed since the last build into the same folder, the build is done,
// but for the zip, packed again. A site whose configuration has errors is
// not checked: the build reports them.
func (o Options) upToDate() (*upToDate, Report, bool, error) {
	cfg, probs := config.Load(o.Source)
	if probs.HasErrors() {
		return &upToDate{}, Report{}, false, nil
	}
	out := o.Out
	if out == "" {
		out = filepath.Join(o.Source, outDir(cfg, o.Audience))
	}
	if guardOut(cfg, o, out) != nil {
		return &upToDate{}, Report{}, false, nil // the build says why
	}
	up, rep, done := checkStamp(o, cfg, out)
	if done && o.Zip != "" {
		return up, rep, true, write.Zip(out, o.Zip, siteDate(cfg, o))
	}
	return up, rep, done, nil
}

// Check reads and scores every input and reports every problem; it writes nothing.
func Check(o Options) problem.List {
	in, probs := load(o.Source, o.cacheDir(), o.Progress, o.Reading)
	if in.cfg != nil && !probs.HasErrors() {
		_, tprobs := loadTheme(in.cfg)
		probs.Append(tprobs)
	}
	probs.Sort()
	return probs
}

// inputs are the results of the stages before the view.
type inputs struct {
	cfg     *config.Config
	data    *record.Data
	content *content.Content
	results []*scoring.Result
	notices *notices.Notices
	// archived lists the exports kept of each edition's revisions
	// (editions/{year}/r{n}/); set by Build, which serves them.
	archived map[int]map[int][]string
	unmasked bool // Options.unmasked
}

// view builds the model of one audience's site from the inputs.
func (in inputs) view(audience string) *view.Site {
	return view.Build(view.Input{Config: in.cfg, Data: in.data, Results: in.results, Content: in.content, Notices: in.notices, Audience: audience, Archived: in.archived, Unmasked: in.unmasked})
}
