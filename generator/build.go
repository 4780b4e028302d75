// Package generator runs the pipeline: config → ingest and content →
// scoring → view (per audience) → render → write. Build calls the stages in
// order and does nothing else; each stage is a package of its own.
package generator

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dutyreport/generator/config"
	"dutyreport/generator/content"
	"dutyreport/generator/edition"
	"dutyreport/generator/ingest"
	"dutyreport/generator/notices"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/render"
	"dutyreport/generator/scoring"
	"dutyreport/generator/sitefs"
	"dutyreport/generator/view"
	"dutyreport/generator/write"
	"dutyreport/themes"
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
	Warnings           problem.List
	// Locked says what the build recorded in editions.lock: "2024 r1".
	Locked []string
}

// Build builds one audience's site. Problems in the input come back as the
// list (with warnings, which do not stop the build); err is for everything
// else, such as a full disk. When the list has errors or err is not nil,
// nothing was changed on disk.
func Build(o Options) (Report, problem.List, error) {
	var rep Report
	if o.Audience == "" {
		o.Audience = config.Public
	}
	in, probs := load(o.Source, o.cacheDir(), o.Progress, o.Reading)
	probs = notices.ForAudience(probs, o.Audience)
	if probs.HasErrors() {
		return rep, probs, nil
	}
	var err error
	if in.archived, err = edition.List(o.Source); err != nil {
		return rep, probs, err
	}
	in.unmasked = o.unmasked
	site := in.view(o.Audience)

	theme, tprobs := loadTheme(in.cfg)
	probs.Append(tprobs)
	if probs.HasErrors() {
		return rep, probs, nil
	}

	rep.Out = o.Out
	if rep.Out == "" {
		rep.Out = filepath.Join(o.Source, outDir(in.cfg, o.Audience))
	}
	if err := guardOut(in.cfg, o, rep.Out); err != nil {
		return rep, probs, err
	}
	tree, err := write.Begin(rep.Out)
	if err != nil {
		return rep, probs, err
	}
	files := newEditionFiles()
	o.Progress.at(StageRender)
	pages := len(site.Pages())
	add := func(p string, data []byte) error {
		if strings.HasSuffix(p, ".html") && !strings.HasPrefix(p, "assets/") {
			rep.Pages++
			o.Progress.count(StageRender, rep.Pages, pages)
		}
		files.add(p, data)
		return tree.Add(p, data)
	}
	rprobs, err := theme.Site(site, add)
	if err == nil && !rprobs.HasErrors() {
		err = in.addEditionFiles(site, files, add)
	}
	if err == nil && !rprobs.HasErrors() && o.Audience == config.Internal {
		// The marker keeps public builds and audits off the dashboard;
		// robots.txt asks crawlers to stay out if it is ever served.
		err = tree.Add(InternalMarker, []byte(internalMarkerText))
		if err == nil {
			err = tree.Add("robots.txt", []byte("User-agent: *\nDisallow: /\n"))
		}
	}
	probs.Append(rprobs)
	if err != nil || probs.HasErrors() {
		tree.Abort()
		return rep, probs, err
	}
	// A public build is what gets published: its editions must match the
	// lock, or the build stops here and the previous site stays. Sample
	// data are never published: nothing to lock.
	var locked edition.Result
	if o.Audience == config.Public && !in.cfg.Site.Sample {
		o.Progress.at(StageEditions)
		lock, err := edition.ReadLock(o.Source)
		if err != nil {
			tree.Abort()
			return rep, probs, err
		}
		check := edition.Check{Dir: o.Source, Lock: lock, Editions: in.editions(site, files, tree.Staged()),
			SiteRevisions: len(in.cfg.Site.Revisions), Scheme: filepath.ToSlash(filepath.Clean(in.cfg.Site.Scheme)), Pos: problem.Position{File: config.SiteFile},
			Previous: fileIn(rep.Out), Current: fileIn(tree.Staged())}
		var eprobs problem.List
		locked, eprobs = check.Run()
		if o.Preview {
			// A preview shows what the change would publish; the author
			// sees the problem as a warning and nothing is recorded.
			for i := range eprobs {
				eprobs[i].Severity = problem.Warning
			}
			locked = edition.Result{}
		}
		probs.Append(eprobs)
		if probs.HasErrors() {
			tree.Abort()
			probs.Sort()
			return rep, probs, nil
		}
	}
	// The leak audit reads the site as it will be swapped in; a hit keeps
	// the previous site.
	o.Progress.at(StageAudit)
	hits, err := Scanner(in, o.Audience).Dir(tree.Staged())
	if err != nil {
		tree.Abort()
		return rep, probs, err
	}
	if len(hits) > 0 {
		tree.Abort()
		probs.Append(leaks(rep.Out, hits))
		return rep, probs, nil
	}
	o.Progress.at(StageWrite)
	if err := tree.Commit(); err != nil {
		tree.Abort()
		return rep, probs, err
	}
	if err := edition.Commit(o.Source, locked); err != nil {
		return rep, probs, err
	}
	rep.Locked = locked.Recorded()
	rep.Written, rep.Unchanged = tree.Written, tree.Unchanged
	rep.Files = tree.Written + tree.Unchanged
	if o.Zip != "" {
		if err := write.Zip(rep.Out, o.Zip, siteDate(in.cfg, o)); err != nil {
			return rep, probs, err
		}
	}
	rep.Warnings = probs
	return rep, probs, nil
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

// load runs config, ingest, content, notices and scoring. Content needs nothing
// else and is always read; the rest stops after config when the
// configuration has errors, since no input can be read without it.
func load(source, cacheDir string, progress Progress, reading func(string, bool)) (inputs, problem.List) {
	var in inputs
	progress.at(StageRead)
	var cprobs problem.List
	done := make(chan struct{})
	go func() {
		in.content, cprobs = content.Read(source)
		close(done)
	}()
	cfg, probs := config.Load(source)
	if probs.HasErrors() {
		<-done
		probs.Append(cprobs)
		probs.Sort()
		return in, probs
	}
	in.cfg = cfg
	data, iprobs := ingest.ReadWith(cfg, ingest.Options{CacheDir: cacheDir, Reading: reading})
	in.data = data
	<-done
	probs.Append(iprobs)
	probs.Append(cprobs)
	// The cases are joined before scoring: a case can cost its unit points
	// and bring a consequence rule to bear (seed 004 §16).
	n, nprobs := notices.Build(cfg, in.data, in.content)
	in.notices = n
	probs.Append(nprobs)
	probs.Append(notices.Unknown(cfg, in.data, in.content, n))
	progress.at(StageScore)
	for i := range in.data.Years {
		y := &in.data.Years[i]
		var cases []record.Case
		for _, c := range n.Of(y.Year) {
			cases = append(cases, c.Case)
		}
		res, sprobs := scoring.Year(scoring.Input{Scheme: &cfg.Scheme, Register: in.data.Register, Files: in.data.Files, Year: y, Cases: cases}, in.results)
		probs.Append(sprobs)
		in.results = append(in.results, res)
	}
	probs.Sort()
	return in, probs
}

// loadTheme loads the site's theme in layers, as Hugo looks them up: the
// site's own layouts/, i18n/ and assets/, then themes/<name>/ in the site,
// then, for the default theme, the one built into the tool.
//
// The site's files are read through the site folder as a root (sitefs): a
// symlink that leads out of the site, or to a device or a pipe, is
// render.not-a-file at its path and never read, and a file past
// render.MaxFileBytes is render.too-large. The root
// stays open while the theme is used: assets are read as they are written.
func loadTheme(cfg *config.Config) (*render.Theme, problem.List) {
	var probs problem.List
	name := cfg.Site.Theme
	root := sitefs.Open(cfg.Dir)
	if err := root.Err(); err != nil {
		probs.Add(problem.Problem{Pos: problem.Position{File: config.SiteFile}, Code: problem.ConfigUnreadable, Found: err.Error()})
		return nil, probs
	}
	site := root.FS(render.MaxFileBytes)
	layers := []render.Layer{{FS: render.Only(site, "layouts", "i18n", "assets"), Prefix: ""}}
	dir := "themes/" + name
	st, err := fs.Stat(site, dir)
	switch {
	case err == nil && st.IsDir() && fs.ValidPath(dir):
		sub, _ := fs.Sub(site, dir) // dir is valid: no error
		layers = append(layers, render.Layer{FS: sub, Prefix: dir + "/"})
	case errors.Is(err, sitefs.ErrNotAFile):
		probs.Add(problem.Problem{Pos: problem.Position{File: dir}, Code: problem.RenderNotAFile, Found: name})
		return nil, probs
	case name != "default":
		probs.Add(problem.Problem{Pos: problem.Position{File: config.SiteFile}, Code: problem.ConfigBadValue,
			Found: "theme: " + name, Expected: "a folder themes/" + name + " in the site, or the default theme", ExpectedZH: "站点中的 themes/" + name + " 目录，或默认主题"})
		return nil, probs
	}
	if name == "default" {
		layers = append(layers, render.Layer{FS: themes.Default(), Prefix: "themes/default/"})
	}
	lang, _ := problem.ParseLang(cfg.Site.Locale)
	return render.LoadLayers(layers, string(lang))
}

func outDir(cfg *config.Config, audience string) string {
	if audience == config.Internal {
		return cfg.Site.Audiences.Internal.Out
	}
	return cfg.Site.Audiences.Public.Out
}

// guardOut refuses an output folder that would put one audience inside the
// other's, or replace the site folder itself.
func guardOut(cfg *config.Config, o Options, out string) error {
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			return p
		}
		return a
	}
	target := abs(out)
	within := func(a, b string) bool { return a == b || strings.HasPrefix(a, b+string(filepath.Separator)) }
	if o.Zip != "" && within(abs(o.Zip), target) {
		return &UsageError{fmt.Sprintf("the zip file %s may not be inside the output folder %s", o.Zip, out)}
	}
	if target == abs(o.Source) {
		return &UsageError{fmt.Sprintf("the output folder %s is the site folder itself", out)}
	}
	// The swap replaces the whole output folder: it must hold no input and
	// lie in none, and an existing folder must be an earlier build.
	for _, in := range []string{config.SiteFile, "data", "content", "schemes", "themes", "layouts", "i18n", "assets", edition.ArchiveDir, edition.LockFile, cfg.Site.Scheme, filepath.Dir(cfg.Site.Inputs.Units)} {
		p := abs(filepath.Join(o.Source, in))
		if within(p, target) || within(target, p) {
			return &UsageError{fmt.Sprintf("the output folder %s would replace the site's inputs (%s); choose another folder", out, in)}
		}
	}
	if o.Audience == config.Public && IsInternalBuild(target) {
		return &UsageError{fmt.Sprintf("the output folder %s holds an internal build (it has %s): the public site may never be written over the dashboard; choose the public folder", out, InternalMarker)}
	}
	// A folder a build made is known by the search index every build
	// writes, whatever the theme, and by its first line, which the
	// renderer writes: a web root with an index.html of its own is not
	// replaced (its other files would be lost), and needs no marker file
	// in the published site.
	madeByBuild := func(name string) bool {
		want, _, _ := bytes.Cut(render.SearchIndexJS(&view.SearchIndex{}), []byte("\n"))
		f, err := os.Open(name)
		if err != nil {
			return false
		}
		defer f.Close()
		got := make([]byte, len(want))
		_, err = io.ReadFull(f, got)
		return err == nil && bytes.Equal(got, want)
	}
	if entries, err := os.ReadDir(target); err == nil && len(entries) > 0 {
		_, errIndex := os.Stat(filepath.Join(target, "index.html"))
		if errIndex != nil || !madeByBuild(filepath.Join(target, filepath.FromSlash(view.SearchIndexPath))) {
			return &UsageError{fmt.Sprintf("the output folder %s holds files but no earlier build (no index.html and %s written by dutyreport); a build replaces the whole folder and would delete them, so choose an empty or new folder", out, view.SearchIndexPath)}
		}
	}
	other := config.Public
	if o.Audience == config.Public {
		other = config.Internal
	}
	otherDir := abs(filepath.Join(o.Source, outDir(cfg, other)))
	if within(target, otherDir) || within(otherDir, target) {
		return &UsageError{fmt.Sprintf("the %s site may not be written into or around the %s site's folder %s", o.Audience, other, otherDir)}
	}
	return nil
}

// UsageError is a command-line mistake (exit code 2), not a problem of the input.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// IsUsage reports whether err is a UsageError.
func IsUsage(err error) bool {
	var u *UsageError
	return errors.As(err, &u)
}

// siteDate is the one date a build writes where a date must appear (the
// zip's entries): SOURCE_DATE_EPOCH when given, else the latest published
// edition's publication date, else 1980-01-01, the earliest a zip can hold.
// Never the clock: the same inputs give the same bytes.
func siteDate(cfg *config.Config, o Options) time.Time {
	if !o.SourceDate.IsZero() {
		return o.SourceDate.UTC()
	}
	var latest record.Date
	for _, y := range cfg.Site.Years {
		if y.Status == config.Published && y.Published > latest {
			latest = y.Published
		}
	}
	if latest == 0 {
		return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(int(latest)/10000, time.Month(int(latest)/100%100), int(latest)%100, 0, 0, 0, 0, time.UTC)
}
