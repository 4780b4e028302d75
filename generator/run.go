package generator

import (
	"crypto/sha256"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"dutyreport/generator/audit"
	"dutyreport/generator/config"
	"dutyreport/generator/deploy"
	"dutyreport/generator/edition"
	"dutyreport/generator/problem"
	"dutyreport/generator/render"
	"dutyreport/generator/view"
	"dutyreport/generator/write"
)

// run is one build between the view and the swap: the staged output
// folder and what the stages after rendering need of each other.
type run struct {
	o      Options
	in     inputs
	site   *view.Site
	tree   *write.Tree
	survey write.Survey // what the output folder holds besides the last build's own
	files  *edition.Recorder
	locked edition.Result
	rep    Report
	probs  problem.List
	up     *upToDate
	// auditKey is the key of the leak audit that read the staged site.
	auditKey string
	// made is what each page and export was made from (render.Reuse).
	made map[string]render.Sum
	// scan gives the leak audit's scanner, made beside the render.
	scan <-chan scanned
}

// scanned is the leak audit's scanner and its key (see scanner).
type scanned struct {
	scanner *audit.Scanner
	key     string
}

// render writes every page, export and asset of the site into the staged
// folder, with the editions' archived files and manifests, noting each
// file's digest for the editions.
//
// The theme renders and writes with a pool of workers (Options.workers);
// the tree and the recorder take their files side by side, and the build's
// goroutine, which alone tells Progress, counts the pages they report.
func (r *run) render(theme *render.Theme) error {
	r.files = edition.NewRecorder()
	r.o.Progress.at(StageRender)
	total := len(r.site.Pages())
	add := func(p string, data []byte) error {
		r.files.Add(p, data)
		return r.tree.Add(p, data)
	}
	counted := func() {
		r.rep.Pages++
		r.o.Progress.count(StageRender, r.rep.Pages, total)
	}
	pages := make(chan struct{}, 256) // one per page written
	var rprobs problem.List
	var err error
	// A page the last build made from the same data is kept as it is.
	var reused atomic.Int64
	defer func() { r.rep.Reused = int(reused.Load()) }()
	reuse := r.up.reuse(func(p string, sum [sha256.Size]byte) error {
		r.files.AddSum(p, sum)
		if err := r.tree.Keep(p, sum); err != nil {
			return err
		}
		reused.Add(1)
		if isPage(p) {
			pages <- struct{}{}
		}
		return nil
	})
	go func() {
		defer close(pages)
		r.made, rprobs, err = theme.SiteReusing(r.site, func(p string, data []byte) error {
			if err := add(p, data); err != nil {
				return err
			}
			if isPage(p) {
				pages <- struct{}{}
			}
			return nil
		}, r.o.workers, reuse)
	}()
	for range pages {
		counted()
	}
	r.probs.Append(rprobs)
	if err != nil || rprobs.HasErrors() {
		return err
	}
	// The editions' files are added here, on the build's goroutine, after
	// every export they digest.
	if err := r.in.addEditionFiles(r.site, r.files, func(p string, data []byte) error {
		if isPage(p) {
			counted()
		}
		return add(p, data)
	}); err != nil {
		return err
	}
	if r.o.Audience == config.Internal {
		// The marker keeps public builds and audits off the dashboard;
		// robots.txt asks crawlers to stay out if it is ever served.
		if err := r.tree.Add(InternalMarker, []byte(internalMarkerText)); err != nil {
			return err
		}
		return r.tree.Add("robots.txt", []byte("User-agent: *\nDisallow: /\n"))
	}
	return nil
}

// isPage reports whether a file of the site is a page, which Report.Pages
// and the render stage's progress count.
func isPage(p string) bool {
	return strings.HasSuffix(p, ".html") && !strings.HasPrefix(p, "assets/")
}

// editions checks a public build's editions against editions.lock: a
// public build is what gets published, so a published edition that would
// change stops it here. Sample data are never published: nothing to lock.
// A preview shows what the change would publish: the author sees the
// problem as a warning, and nothing is recorded.
func (r *run) editions() error {
	if r.o.Audience != config.Public || r.in.cfg.Site.Sample {
		return nil
	}
	r.o.Progress.at(StageEditions)
	lock, err := edition.ReadLock(r.o.Source)
	if err != nil {
		return err
	}
	cfg := r.in.cfg
	check := edition.Check{Dir: r.o.Source, Lock: lock, Editions: r.in.editions(r.site, r.files, r.tree.Staged()),
		SiteRevisions: len(cfg.Site.Revisions), Scheme: filepath.ToSlash(filepath.Clean(cfg.Site.Scheme)), Pos: problem.Position{File: config.SiteFile},
		Previous: edition.FileIn(r.rep.Out), Current: edition.FileIn(r.tree.Staged())}
	locked, eprobs := check.Run()
	if r.o.Preview {
		for i := range eprobs {
			eprobs[i].Severity = problem.Warning
		}
		locked = edition.Result{}
	}
	r.locked = locked
	r.probs.Append(eprobs)
	if r.probs.HasErrors() {
		r.probs.Sort()
	}
	return nil
}

// audit reads the site as it will be swapped in; a hit keeps the previous
// site. A file whose bytes are those the previous build left at its path
// is not read again when that build's audit looked for the same strings
// (and the output folder is as it left it): it was read then.
func (r *run) audit() error {
	r.o.Progress.at(StageAudit)
	sc := <-r.scan
	r.auditKey = sc.key
	var audited func(string) bool
	if r.up.audited != "" && r.up.audited == r.auditKey {
		audited = func(rel string) bool { return r.up.wasAudited(r.tree, rel) }
	}
	hits, err := sc.scanner.DirBut(r.tree.Staged(), audited)
	r.probs.Append(leaks(r.rep.Out, hits))
	return err
}

// DeployDir is the site's folder of web server configuration, written by
// an internal build.
const DeployDir = "deploy"

// writeDeploy writes the servers' configuration into the site's deploy/
// folder, each file replaced whole.
func writeDeploy(source string, d config.Deploy) error {
	files, err := deploy.Files(d)
	if err != nil {
		return err
	}
	dir := filepath.Join(source, DeployDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		data := files[name]
		if err := write.Atomic(filepath.Join(dir, name), func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
			return err
		}
	}
	return nil
}

// beforeSwap, when set (by tests only), runs between staging the site,
// the user's files carried in, and swapping it in: where a killed build
// must leave the previous site whole.
var beforeSwap func()

// commit swaps the staged site in, records the editions in the lock, and
// packs the zip when one is asked for.
func (r *run) commit() error {
	r.o.Progress.at(StageWrite)
	if err := r.tree.Carry(r.survey.Foreign); err != nil {
		return err
	}
	if beforeSwap != nil {
		beforeSwap() // tests: the build killed here
	}
	if err := r.tree.Commit(); err != nil {
		return err
	}
	if err := edition.Commit(r.o.Source, r.locked); err != nil {
		return err
	}
	if r.o.Audience == config.Internal && r.in.cfg.Site.Deploy != (config.Deploy{}) {
		// The servers' configuration for both audiences, from site.yaml's
		// deploy keys: a site that has none is hosted its own way.
		if err := writeDeploy(r.o.Source, r.in.cfg.Site.Deploy); err != nil {
			return err
		}
	}
	r.rep.Locked = r.locked.Recorded()
	r.rep.Written, r.rep.Unchanged = r.tree.Written, r.tree.Unchanged
	r.rep.Files = r.tree.Written + r.tree.Unchanged + 1 // and the manifest
	r.up.record(r)
	if r.o.Zip != "" {
		return write.Zip(r.rep.Out, r.o.Zip, siteDate(r.in.cfg, r.o))
	}
	return nil
}
