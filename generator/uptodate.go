package generator

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/edition"
	"dutyreport/generator/problem"
	"dutyreport/generator/render"
	"dutyreport/generator/stamp"
	"dutyreport/generator/write"
)

// upToDate is a build's use of its stamp (package stamp): before anything
// is read, whether the output folder already holds what the build would
// make; after a build that succeeded, the stamp that says so next time.
type upToDate struct {
	path   string // where the stamp is kept; "" keeps none
	key    string
	out    string
	skip   stamp.Skip
	start  int64       // when the build began, Unix nanoseconds
	site   stamp.Files // the site folder then; nil if it could not be listed
	source string
	// audited is the key of the leak audit that read every file of the
	// output folder as the build found it, "" when it is not known: a
	// file the build leaves with the same bytes need not be read again
	// by an audit of the same key.
	audited string
	outNow  stamp.Files // the output folder as the build found it, if audited
	// made gives what each file of the output folder was made from, as
	// the last build recorded it, for the files still there as it left
	// them; nil when it is not known.
	made map[string][sha256.Size]byte
}

// reuse says which files of the output folder the render may keep: those
// made, at the last build, from what it would make them from now.
func (u *upToDate) reuse(keep func(p string, sum [sha256.Size]byte) error) *render.Reuse {
	if u.key == "" {
		return nil // no program digest, no digest of what a file is made from
	}
	return &render.Reuse{Salt: []byte(u.key), Prev: u.made, Keep: func(p string) error { return keep(p, u.outNow[p].Sum) }}
}

// wasAudited reports whether the staged file rel is one the previous
// build's audit read: linked from it (the same bytes) and, by its digest
// and its size, time and identity, still the file that audit read.
func (u *upToDate) wasAudited(t *write.Tree, rel string) bool {
	old, ok := u.outNow[rel]
	sum, known := t.Sum(rel)
	if !ok || !known || !t.Linked(rel) || sum != old.Sum {
		return false
	}
	info, err := os.Lstat(filepath.Join(t.Staged(), filepath.FromSlash(rel)))
	if err != nil {
		return false
	}
	now := stamp.Entry(info)
	return now.Mode == old.Mode && now.Size == old.Size && now.Mtime == old.Mtime && now.Inode == old.Inode
}

// checkStamp lists the site folder and, unless NoCache asks for a full
// build, reports whether the stamp of out shows that nothing changed: the
// same tool, options and site, and the output folder as that build left
// it. The report is then the earlier build's.
func checkStamp(o Options, cfg *config.Config, out string) (*upToDate, Report, bool) {
	u := &upToDate{out: out, source: o.Source, start: stamp.Now()}
	u.key = stamp.Key("build", o.Audience, abs(out), strconv.FormatBool(o.Preview), strconv.FormatBool(o.unmasked),
		strconv.FormatInt(o.SourceDate.UnixNano(), 10))
	if u.key == "" {
		return u, Report{}, false
	}
	u.path = stamp.Path(filepath.Join(o.Source, CacheDir), out)
	u.skip = siteSkip(cfg, o, out)
	prev := stamp.Load(u.path)
	// The site folder's last listing, by whichever build made it, tells
	// its files by their times: only what changed since is read.
	index := stamp.IndexPath(filepath.Join(o.Source, CacheDir))
	base := stamp.Load(index)
	if base == nil {
		base = prev
	}
	if base == nil {
		base = &stamp.Stamp{}
	}
	site, err := stamp.List(o.Source, u.skip, base.Site, base.Time)
	if err != nil {
		return u, Report{}, false
	}
	u.site = site
	if !stamp.Equal(site, base.Site) || base.Racy() {
		_ = (&stamp.Stamp{Time: u.start, Site: site}).Save(index)
	}
	if prev == nil || o.NoCache || prev.Key != u.key || write.Leftovers(out) {
		return u, Report{}, false
	}
	now, err := stamp.ListOut(out, prev.Out, prev.Time, nil)
	if err != nil || !stamp.Equal(now, prev.Out) {
		return u, Report{}, false
	}
	u.audited, u.outNow = prev.Audit, now
	u.made = map[string][sha256.Size]byte{}
	for p, sum := range prev.Made {
		if f, ok := now[p]; ok && !f.IsDir() {
			u.made[p] = sum
		}
	}
	if !stamp.Equal(site, prev.Site) {
		return u, Report{}, false
	}
	var kept stampedReport
	if gob.NewDecoder(bytes.NewReader(prev.Report)).Decode(&kept) != nil {
		return u, Report{}, false
	}
	files := kept.Files
	if prev.Racy() {
		// What was read again to be sure is now old enough to be
		// known by its times.
		_ = (&stamp.Stamp{Key: u.key, Time: u.start, Site: site, Out: now, Audit: prev.Audit, Made: prev.Made, Report: prev.Report}).Save(u.path)
	}
	return u, Report{Out: out, Pages: kept.Pages, Files: files, Unchanged: files, Warnings: kept.Warnings, UpToDate: true}, true
}

// Forget removes the stamp of the output folder o.Out, which is about to
// go (the preview's temporary folder when serve stops): no build will
// compare it again.
func Forget(o Options) {
	if o.Out != "" {
		stamp.Remove(stamp.Path(filepath.Join(o.Source, CacheDir), o.Out))
	}
}

// stampedReport is what a stamp keeps of a build's report: a build that
// does nothing says what the build it stands for said, warnings included.
type stampedReport struct {
	Pages, Files int // Files: the build's own, not the user's kept beside them
	Warnings     problem.List
}

// record keeps the stamp of a build that succeeded, with its report. The
// site folder must be as the build found it, but for the editions it
// recorded; otherwise it changed during the build, and no stamp is kept.
func (u *upToDate) record(r *run) {
	if u.path == "" {
		return
	}
	stamp.Remove(u.path)
	if u.site == nil || r.probs.HasErrors() || abs(u.out) != abs(r.rep.Out) {
		return
	}
	site, err := stamp.List(u.source, u.skip, u.site, u.start)
	if err != nil {
		return
	}
	// A file written since the build began, even one put back as it was
	// (an undo, a stash and pop), may have been read in between.
	ours := func(p string) bool {
		return len(r.locked.Recorded()) > 0 && (p == edition.LockFile || p == edition.ArchiveDir || strings.HasPrefix(p, edition.ArchiveDir+"/"))
	}
	for p, f := range site {
		if !f.IsDir() && (f.Mtime >= u.start || f.Change >= u.start) && !ours(p) {
			return
		}
	}
	for _, p := range stamp.Changed(u.site, site) {
		if !ours(p) {
			return
		}
	}
	out, err := stamp.ListOut(u.out, nil, 0, r.tree.Sum)
	if err != nil {
		return
	}
	var rep bytes.Buffer
	if gob.NewEncoder(&rep).Encode(stampedReport{Pages: r.rep.Pages, Files: r.rep.Files, Warnings: lasting(r.probs)}) != nil {
		return
	}
	_ = (&stamp.Stamp{Key: u.key, Time: u.start, Site: site, Out: out, Audit: r.auditKey, Made: r.made, Report: rep.Bytes()}).Save(u.path)
}

// siteSkip leaves out of the site's listing what a build never reads:
// .git, the cache, the output folders of both audiences and of this build,
// the zip, and the temporary folders of a build beside them; and, at any
// depth, another site's cache and a folder a build made (an example site
// inside this one), unless it holds or lies in one of this site's inputs.
func siteSkip(cfg *config.Config, o Options, out string) stamp.Skip {
	src := abs(o.Source)
	var outs []string
	for i, p := range []string{out, filepath.Join(o.Source, cfg.Site.Audiences.Public.Out), filepath.Join(o.Source, cfg.Site.Audiences.Internal.Out), o.Zip} {
		if p == "" || (i > 0 && overlapsInputs(cfg, o.Source, p)) {
			continue // (this build's folder holds no input: guardOut saw to it)
		}
		if rel, err := filepath.Rel(src, abs(p)); err == nil && filepath.IsLocal(rel) {
			outs = append(outs, filepath.ToSlash(rel))
		}
	}
	return func(rel string, dir bool) bool {
		if rel == ".git" || rel == CacheDir || rel == DeployDir {
			return true // deploy/ is what an internal build writes, not reads
		}
		base := rel[strings.LastIndex(rel, "/")+1:]
		if strings.HasPrefix(base, write.TempPrefix) || strings.HasPrefix(base, write.AsidePrefix) {
			return true
		}
		for _, o := range outs {
			if rel == o {
				return true
			}
		}
		if dir && (base == CacheDir || madeByBuild(filepath.Join(o.Source, filepath.FromSlash(rel)))) {
			return !overlapsInputs(cfg, o.Source, filepath.Join(o.Source, filepath.FromSlash(rel)))
		}
		return false
	}
}

// abs is p made absolute, or p when it cannot be.
func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

// lasting leaves out the warnings about the output folder as the build
// found it (a page edited by hand, now written anew): a build that finds
// nothing changed repeats the others, which still hold.
func lasting(l problem.List) problem.List {
	var out problem.List
	for _, p := range l {
		if p.Code != problem.OutEdited {
			out = append(out, p)
		}
	}
	return out
}
