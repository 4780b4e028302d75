package generator

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dutyreport/generator/config"
	"dutyreport/generator/edition"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/render"
	"dutyreport/generator/view"
)

// The output folder: where a build goes, and the folders it refuses.

func outDir(cfg *config.Config, audience string) string {
	if audience == config.Internal {
		return cfg.Site.Audiences.Internal.Out
	}
	return cfg.Site.Audiences.Public.Out
}

// guardOut refuses an output folder that would put one audience inside the
// other's, or replace the site folder itself.
func guardOut(cfg *config.Config, o Options, out string) error {
	target := abs(out)
	within := func(a, b string) bool { return a == b || strings.HasPrefix(a, b+string(filepath.Separator)) }
	if o.Zip != "" && within(abs(o.Zip), target) {
		return refused(problem.TZipInsideOut, o.Zip, out)
	}
	if target == abs(o.Source) {
		return refused(problem.TOutIsSite, out)
	}
	// The swap replaces the whole output folder: it must hold no input and
	// lie in none, and an existing folder must be an earlier build.
	if in := overlappedInput(cfg, o.Source, out); in != "" {
		return refused(problem.TOutHoldsInputs, out, in)
	}
	if o.Audience == config.Public && IsInternalBuild(target) {
		return refused(problem.TOutIsDashboard, out, InternalMarker)
	}
	if entries, err := os.ReadDir(target); err == nil && len(entries) > 0 && !madeByBuild(target) && !o.Force {
		return refused(problem.TOutNotABuild, out, view.SearchIndexPath)
	}
	other := config.Public
	if o.Audience == config.Public {
		other = config.Internal
	}
	otherDir := abs(filepath.Join(o.Source, outDir(cfg, other)))
	if within(target, otherDir) || within(otherDir, target) {
		return refused(problem.TOutAroundOther, o.Audience, other, otherDir)
	}
	return nil
}

// madeByBuild reports whether the folder dir holds a site a build made. It
// is known by the search index every build writes, whatever the theme,
// and by its first line, which the renderer writes: a web root with an
// index.html of its own is not replaced (its other files would be lost),
// and needs no marker file in the published site.
func madeByBuild(dir string) bool {
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return false
	}
	want, _, _ := bytes.Cut(render.SearchIndexJS(&view.SearchIndex{}), []byte("\n"))
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(view.SearchIndexPath)))
	if err != nil {
		return false
	}
	defer f.Close()
	got := make([]byte, len(want))
	_, err = io.ReadFull(f, got)
	return err == nil && bytes.Equal(got, want)
}

// overlappedInput names the input of the site at source that the folder
// out holds or lies in, "" for none.
func overlappedInput(cfg *config.Config, source, out string) string {
	target := abs(out)
	within := func(a, b string) bool { return a == b || strings.HasPrefix(a, b+string(filepath.Separator)) }
	for _, in := range []string{config.SiteFile, "data", "content", "schemes", "themes", "layouts", "i18n", "assets", edition.ArchiveDir, edition.LockFile, cfg.Site.Scheme, filepath.Dir(cfg.Site.Inputs.Units)} {
		p := abs(filepath.Join(source, in))
		if within(p, target) || within(target, p) {
			return in
		}
	}
	return ""
}

// overlapsInputs reports whether the folder or file p holds or lies in an
// input of the site at source.
func overlapsInputs(cfg *config.Config, source, p string) bool {
	return overlappedInput(cfg, source, p) != ""
}

// UsageError is a command that cannot be done as asked (exit code 2), not
// a problem of the input: its text in the catalogue, and where one is
// obvious the next command to try.
type UsageError struct{ Text, Hint problem.Text }

func (e *UsageError) Error() string { return e.Text.In(problem.EN) }

// refused makes a UsageError of the catalogue's entry id.
func refused(id problem.TextID, args ...any) *UsageError {
	return &UsageError{Text: problem.T(id, args...)}
}

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
