package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestUpToDate: a build that finds nothing changed since the last build
// into the same folder (the same site folder, options and program, and
// the output as that build left it) does nothing and says so; after any
// change, to an input, the options or the output folder itself, the build
// is a full one, and gives what a build from scratch gives.
func TestUpToDate(t *testing.T) {
	t.Parallel()
	dir := copyExample(t)
	out := filepath.Join(t.TempDir(), "public")
	build := func(o Options) Report {
		t.Helper()
		o.Source, o.Out = dir, out
		rep, probs, err := Build(o)
		if err != nil || probs.HasErrors() {
			t.Fatalf("build: %v\n%v", err, probs)
		}
		if fmt.Sprint(probs) != fmt.Sprint(rep.Warnings) {
			t.Fatalf("the build gave the problems\n%v\nand reported the warnings\n%v", probs, rep.Warnings)
		}
		return rep
	}
	// The first build records the editions in the lock, which is the
	// build's own change to the site folder: the next build is up to date.
	first := build(Options{})
	if first.UpToDate || len(first.Locked) == 0 {
		t.Fatalf("first build: up to date %v, locked %v; want a full build that locks editions", first.UpToDate, first.Locked)
	}
	want, err := readTree(out)
	if err != nil {
		t.Fatal(err)
	}
	upToDate := func(when string) {
		t.Helper()
		rep := build(Options{})
		if !rep.UpToDate || rep.Written != 0 || rep.Pages != first.Pages || rep.Files != first.Files {
			t.Fatalf("%s: report %+v; want up to date with %d pages and %d files", when, rep, first.Pages, first.Files)
		}
		if len(first.Warnings) == 0 || fmt.Sprint(rep.Warnings) != fmt.Sprint(first.Warnings) {
			t.Fatalf("%s: warned\n%v\nwhere the build it stands for warned\n%v", when, rep.Warnings, first.Warnings)
		}
		if got, _ := readTree(out); treeDiff(want, got) != "" {
			t.Fatalf("%s: the output changed:\n%s", when, treeDiff(want, got))
		}
	}
	upToDate("after the first build")
	upToDate("again") // the stamp, saved again, now knows the files by their times

	// rebuilt: after change, the build is a full one and its output is
	// the reference's, made from scratch into a folder of its own.
	rebuilt := func(what string, change func(), o Options) {
		t.Helper()
		change()
		rep := build(o)
		if rep.UpToDate {
			t.Fatalf("%s: the build was skipped", what)
		}
		ref := filepath.Join(t.TempDir(), "ref")
		if _, probs, err := Build(Options{Source: dir, Out: ref, NoCache: true, Preview: o.Preview}); err != nil || probs.HasErrors() {
			t.Fatalf("%s: reference build: %v\n%v", what, err, probs)
		}
		refTree, _ := readTree(ref)
		got, _ := readTree(out)
		if d := treeDiff(refTree, got); d != "" {
			t.Fatalf("%s: the rebuilt output differs from a build from scratch:\n%s", what, d)
		}
		want = got
	}
	page := filepath.Join(out, "units.html")
	rebuilt("a page of the output edited, same size and time", func() {
		if runtime.GOOS != "linux" {
			t.Log("(edited with a new time: only Linux keeps a change time no program sets back)")
		}
		st, _ := os.Stat(page)
		data, _ := os.ReadFile(page)
		data[len(data)-2] ^= 1
		writeKeepingTime(t, page, data, st.ModTime())
	}, Options{Force: true}) // a page edited by hand is the user's to give up
	upToDate("after the page was restored")
	rebuilt("a page of the output deleted", func() { os.Remove(page) }, Options{})
	// A file added to the output is the user's: a build keeps it.
	extra := filepath.Join(out, "2023", "extra.html")
	if err := os.WriteFile(extra, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if rep := build(Options{}); rep.UpToDate {
		t.Fatal("a file added to the output: the build was skipped")
	}
	if data, err := os.ReadFile(extra); err != nil || string(data) != "x" {
		t.Fatalf("the build did not keep the user's file: %q %v", data, err)
	}
	rebuilt("the user's file removed", func() { os.Remove(extra) }, Options{})
	upToDate("after the foreign file was removed")
	rebuilt("a notice edited", func() {
		p := filepath.Join(dir, "content", "about.md")
		data, _ := os.ReadFile(p)
		os.WriteFile(p, append(data, "\n本页于今日更新。\n"...), 0o644)
	}, Options{})
	rebuilt("a score of the draft year changed", func() {
		f, err := excelize.OpenFile(filepath.Join(dir, "data", "2024", "民主测评.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := f.GetCellValue("Sheet1", "E3"); v != "78.41" {
			t.Fatalf("Sheet1!E3 of the 2024 evaluation is %q; the test expects 78.41", v)
		}
		if err := f.SetCellValue("Sheet1", "E3", 78.42); err != nil {
			t.Fatal(err)
		}
		if err := f.Save(); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}, Options{})
	rebuilt("site.yaml edited", func() { editSite(t, dir, "\n", "\n# edited\n") }, Options{})
	rebuilt("a preview into the same folder", func() {}, Options{Preview: true})
	rebuilt("a build after the preview", func() {}, Options{})
	rebuilt("--no-cache", func() {}, Options{NoCache: true})
	upToDate("at the end")

	// The dashboard's build, with the cache the two share, leaves the
	// public site's stamp alone.
	if _, probs, err := Build(Options{Source: dir, Out: filepath.Join(t.TempDir(), "dashboard"), Audience: "internal"}); err != nil || probs.HasErrors() {
		t.Fatalf("internal build: %v\n%v", err, probs)
	}
	upToDate("after a build of the dashboard")

	// Another site inside this one (an example) builds beside it: its
	// cache and its output are not this site's inputs.
	inner := filepath.Join(dir, "examples", "small")
	innerBuild := func() {
		t.Helper()
		if _, probs, err := Build(Options{Source: dir, Out: filepath.Join(inner, "public"), NoCache: true}); err != nil || probs.HasErrors() {
			t.Fatalf("a build into a folder inside the site: %v\n%v", err, probs)
		}
		os.MkdirAll(filepath.Join(inner, CacheDir, "ab"), 0o755)
		os.WriteFile(filepath.Join(inner, CacheDir, "ab", "x.gob"), []byte(time.Now().String()), 0o644)
	}
	innerBuild()
	rebuilt("a new folder in the site", func() {}, Options{})
	innerBuild()
	upToDate("after a build into a folder inside the site")

	// What a killed build left beside the output is cleaned up by a full
	// build, not kept by one that does nothing.
	rebuilt("a killed build's temporary folder beside the output", func() {
		os.MkdirAll(filepath.Join(filepath.Dir(out), ".dutyreport-tmp-public-123"), 0o755)
	}, Options{})
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".dutyreport-tmp-*")); len(left) > 0 {
		t.Fatalf("left beside the output: %v", left)
	}
	upToDate("after the clean-up")

	// A site folder that changes during the build keeps no stamp: what
	// the build read is not what the folder holds.
	about := filepath.Join(dir, "content", "about.md")
	text, _ := os.ReadFile(about)
	os.WriteFile(about, append(text, "\n第一次改。\n"...), 0o644)
	rep, probs, err := Build(Options{Source: dir, Out: out, Progress: func(s Stage, _, _ int) {
		if s == StageAudit {
			os.WriteFile(about, append(text, "\n第二次改。\n"...), 0o644)
		}
	}})
	if err != nil || probs.HasErrors() || rep.UpToDate {
		t.Fatalf("a build after a change: %+v, %v, %v", rep, err, probs)
	}
	if rep := build(Options{}); rep.UpToDate {
		t.Fatal("the site changed during the last build, which kept a stamp: this build was skipped")
	}

	// Nor does one whose input was changed and put back while it read:
	// what it read is neither. (A change first, so that the build is a
	// full one; the site is listed between the first and the second report
	// of the read stage.)
	text, _ = os.ReadFile(about)
	text = append(text, "\n再改一次。\n"...)
	os.WriteFile(about, text, 0o644)
	reads := 0
	rep, probs, err = Build(Options{Source: dir, Out: out, Progress: func(s Stage, _, _ int) {
		switch {
		case s == StageRead:
			if reads++; reads == 2 {
				os.WriteFile(about, append(text, "\n一时之改。\n"...), 0o644)
			}
		case s == StageWrite:
			os.WriteFile(about, text, 0o644)
		}
	}})
	if reads != 2 || rep.UpToDate {
		t.Fatalf("the build reported the read stage %d times (want 2), up to date %v", reads, rep.UpToDate)
	}
	if err != nil || probs.HasErrors() {
		t.Fatalf("a build: %v, %v", err, probs)
	}
	if rep := build(Options{}); rep.UpToDate {
		t.Fatal("an input was changed and put back during the last build, which kept a stamp: this build was skipped")
	}
}

// writeKeepingTime writes data at name and sets its modification time back
// to mtime, as a careless tool might.
func writeKeepingTime(t *testing.T, name string, data []byte, mtime time.Time) {
	t.Helper()
	if err := os.WriteFile(name, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS == "linux" {
		if err := os.Chtimes(name, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
}
