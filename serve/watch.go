package serve

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/fsnotify/fsnotify"

	"dutyreport/generator"
	"dutyreport/generator/config"
	"dutyreport/generator/edition"
	"dutyreport/generator/problem"
)

// inputTrees are the site's folders of inputs, watched with every folder
// inside them; a missing one is watched from when it appears.
var inputTrees = []string{"data", "content", "themes", "schemes", "layouts", "i18n", "assets"}

// watcher tells of changes to a site's inputs. fsnotify watches one folder
// at a time, so a tree is watched folder by folder, and a folder created in
// it is added as it appears.
type watcher struct {
	fs      *fsnotify.Watcher
	source  string // the site folder, absolute
	changed func() // told of each change that matters
	logf    func(problem.Text)

	mu sync.Mutex
	// trees are folders where every file matters, with their subfolders.
	trees []string
	// flat are folders watched alone, where only some names matter: the site
	// folder (site.yaml, editions.lock, an input kept there) and any folder
	// above it that site.yaml names an input in.
	flat map[string]names
	// skip are folders whose changes never matter: the output folders and
	// the cache, which builds write themselves.
	skip []string
}

// names are the files that matter in a flat folder: by exact name, or by
// name without extension (an input may be given as .csv for .xlsx).
type names struct{ exact, stems map[string]bool }

func (n names) match(base string) bool { return n.exact[base] || n.stems[stem(base)] }

func stem(base string) string { return strings.TrimSuffix(base, filepath.Ext(base)) }

func newWatcher(source string, changed func(), logf func(problem.Text)) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	return &watcher{fs: fw, source: source, changed: changed, logf: logf}, nil
}

func (w *watcher) close() error { return w.fs.Close() }

// run passes on the changes that matter until the watcher is closed.
func (w *watcher) run() {
	for {
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if w.matters(ev) {
				w.changed()
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			// An overflow loses events: rebuild to be sure.
			w.logf(problem.T(problem.TServeWatchFailed, err))
			w.changed()
		}
	}
}

// matters reports whether an event may change the site, and watches a
// folder it creates in a tree.
func (w *watcher) matters(ev fsnotify.Event) bool {
	if ev.Op == fsnotify.Chmod {
		return false
	}
	name := filepath.Clean(ev.Name)
	if scratch(filepath.Base(name)) {
		return false
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if slices.ContainsFunc(w.skip, func(d string) bool { return within(name, d) }) {
		return false
	}
	for _, t := range w.trees {
		if within(name, t) {
			if ev.Has(fsnotify.Create) {
				if st, err := os.Lstat(name); err == nil && st.IsDir() {
					w.addTree(name)
				}
			}
			return true
		}
	}
	n, ok := w.flat[filepath.Dir(name)]
	return ok && n.match(filepath.Base(name))
}

// scratch reports whether a file name is an editor's or an office suite's
// own: Excel's and WPS's lock files (~$民主测评.xlsx), LibreOffice's
// (.~lock.…#), Vim's swap, backup and probe files (.swp, ~, 4913), Emacs's
// lock links (.#…).
func scratch(base string) bool {
	switch {
	case strings.HasPrefix(base, "~$"), strings.HasPrefix(base, ".~"), strings.HasPrefix(base, ".#"),
		strings.HasSuffix(base, "~"), base == "4913",
		strings.HasSuffix(base, ".swp"), strings.HasSuffix(base, ".swo"), strings.HasSuffix(base, ".swx"),
		strings.HasPrefix(base, ".dutyreport-"), base == ".git", base == ".DS_Store":
		return true
	}
	return false
}

// sync works out what to watch from site.yaml and watches what exists of
// it. It runs before the first build and after each, so that a folder that
// appeared or an input that site.yaml now names elsewhere is watched.
func (w *watcher) sync() {
	cfg, _ := config.Load(w.source)
	site := cfg.Site
	abs := func(p string) string {
		p = filepath.FromSlash(p)
		if filepath.IsAbs(p) {
			return filepath.Clean(p)
		}
		return filepath.Join(w.source, p)
	}
	var trees []string
	for _, t := range inputTrees {
		trees = append(trees, abs(t))
	}
	flat := map[string]names{w.source: {
		exact: map[string]bool{config.SiteFile: true, edition.LockFile: true},
		stems: map[string]bool{},
	}}
	skip := []string{abs(generator.CacheDir), abs(".git")}
	// The output folders; the defaults while site.yaml is unreadable. An
	// empty path would name the site folder itself and stop every rebuild.
	for _, out := range []string{site.Audiences.Public.Out, site.Audiences.Internal.Out, "public", "dashboard"} {
		if out != "" && abs(out) != w.source {
			skip = append(skip, abs(out))
		}
	}
	covered := func(d string) bool {
		return slices.ContainsFunc(trees, func(t string) bool { return within(d, t) })
	}
	addFlat := func(dir, base string) {
		n, ok := flat[dir]
		if !ok {
			n = names{exact: map[string]bool{}, stems: map[string]bool{}}
			flat[dir] = n
		}
		n.stems[stem(base)] = true
	}
	for _, in := range []string{site.Scheme, site.Inputs.Units, site.Inputs.Ledger, site.Inputs.Evaluation, site.Inputs.Scores, site.Inputs.Cases, site.Inputs.Roster} {
		p, _ := config.SplitInput(in)
		if p == "" {
			continue
		}
		// The folder before the first {year}: new years appear inside it.
		pre := p
		if i := strings.Index(p, "{"); i >= 0 {
			pre = p[:i] + "x"
		}
		top := abs(filepath.Dir(filepath.FromSlash(pre)))
		switch {
		case covered(top):
		case !within(w.source, top):
			trees = append(trees, top)
		default:
			// The site folder or one above it: watching all of it would
			// watch the outputs and more, so only the input's own name.
			for _, e := range expand(p, site.Years) {
				d := abs(filepath.Dir(filepath.FromSlash(e)))
				switch {
				case covered(d):
				case within(w.source, d):
					addFlat(d, filepath.Base(e))
				default:
					trees = append(trees, d)
				}
			}
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.trees, w.flat, w.skip = trees, flat, skip
	for d := range flat {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			_ = w.fs.Add(d) // adding a watched folder again changes nothing
		}
	}
	for _, t := range trees {
		w.addTree(t)
	}
}

// expand gives an input path for each year of the site, or itself when it
// names no year.
func expand(p string, years []config.Year) []string {
	if !strings.Contains(p, "{year}") {
		return []string{p}
	}
	var out []string
	for _, y := range years {
		out = append(out, strings.ReplaceAll(p, "{year}", strconv.Itoa(y.Year)))
	}
	return out
}

// addTree watches dir and every folder in it, but not the outputs, the
// cache or a folder of scratch; w.mu is held.
func (w *watcher) addTree(dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil // gone already, or unreadable: nothing to watch
		}
		if p != dir && scratch(d.Name()) || slices.ContainsFunc(w.skip, func(s string) bool { return within(p, s) }) {
			return filepath.SkipDir
		}
		if err := w.fs.Add(p); err != nil {
			w.logf(problem.T(problem.TServeCannotWatch, p, err))
		}
		return nil
	})
}

// within reports whether path p is the folder dir or inside it.
func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator)) || (strings.HasSuffix(dir, string(filepath.Separator)) && strings.HasPrefix(p, dir))
}
