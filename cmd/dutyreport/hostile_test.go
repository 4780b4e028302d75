//go:build unix

package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/html"

	"dutyreport/generator/problem"
	"dutyreport/themes"
)

// The hostile-input regression suite of issue 26. Each case takes a site
// made and built by the tool itself, plants one hostile input, generated
// here and small on disk, and runs check and build in a child process (the
// test binary re-executed, see TestMain and childEnv), so that a crash, a
// hang or a gigabyte of memory is the child's, measured and bounded, and
// never the test's. Every case asserts:
//
//   - the exact exit code: 1 for an input refused, 0 where the input must
//     be handled and the build succeed, 2 for a command line refused;
//   - the problem expected, by its code's message, at the file planted;
//   - no Go stack dump on stderr ("goroutine "): a clerk gets a message,
//     never a crash;
//   - the previous site (public/) byte for byte as it was, and no
//     temporary build folder left beside it, after every refusal;
//   - a peak resident set of the child (getrusage's ru_maxrss) of at most
//     maxChildRSS, on Linux, where ru_maxrss is in KiB;
//   - an end within childTimeout: a hang is killed and fails the case.
//
// The child is run with --lang en, to match the English messages, and with
// --memory-limit safetyLimit: a case the build does not bound is then
// stopped at a gigabyte (exit 3, and a failure here) instead of at 3/4 of
// the machine's memory. The limit is four times maxChildRSS, so it never
// decides a case that stays within the bound.
//
// The suite is Unix only: symlinks to /dev/zero, named pipes and
// getrusage. A few cases pack hundreds of megabytes into a small workbook;
// they are marked heavy and skipped with -short.

const (
	// childEnv makes the test binary run the command line it is given
	// instead of the tests (see TestMain).
	childEnv     = "DUTYREPORT_TEST_MAIN"
	childTimeout = 60 * time.Second
	maxChildRSS  = 256 << 20 // bytes
	safetyLimit  = "1GiB"
	// hugeSize is the size of the sparse files: it costs nothing on disk
	// and would cost 3 GiB read whole.
	hugeSize = 3 << 30
	// evalFile is the data workbook the bombs replace: the democratic
	// evaluation of the published year, read by every public build.
	evalFile = "data/2023/民主测评.xlsx"
)

// scene is one case's folders: the site, made by copying the built
// template, and a folder beside it that is outside the site.
type scene struct {
	t       *testing.T
	dir     string // holds site/, outside/ and whatever else a case needs
	site    string
	outside string
}

func (s *scene) abs(rel string) string { return filepath.Join(s.site, filepath.FromSlash(rel)) }

func (s *scene) read(rel string) []byte {
	s.t.Helper()
	data, err := os.ReadFile(s.abs(rel))
	if err != nil {
		s.t.Fatal(err)
	}
	return data
}

func (s *scene) write(rel string, data []byte) {
	s.t.Helper()
	p := s.abs(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		s.t.Fatal(err)
	}
}

func (s *scene) remove(rel string) {
	s.t.Helper()
	if err := os.RemoveAll(s.abs(rel)); err != nil {
		s.t.Fatal(err)
	}
}

// moveOut moves the site's file or folder rel out of the site, to
// outside/<base>, and returns its new absolute path.
func (s *scene) moveOut(rel string) string {
	s.t.Helper()
	dst := filepath.Join(s.outside, filepath.Base(filepath.FromSlash(rel)))
	if err := os.Rename(s.abs(rel), dst); err != nil {
		s.t.Fatal(err)
	}
	return dst
}

// putOutside writes a file outside the site and returns its absolute path.
func (s *scene) putOutside(name string, data []byte) string {
	s.t.Helper()
	p := filepath.Join(s.outside, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		s.t.Fatal(err)
	}
	return p
}

// symlink makes rel a symlink to target, as given (absolute or relative).
func (s *scene) symlink(rel, target string) {
	s.t.Helper()
	p := s.abs(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		s.t.Fatal(err)
	}
}

// relTo gives target relative to the folder of the site's path rel, as a
// relative symlink at rel would name it.
func (s *scene) relTo(rel, target string) string {
	s.t.Helper()
	r, err := filepath.Rel(filepath.Dir(s.abs(rel)), target)
	if err != nil {
		s.t.Fatal(err)
	}
	return r
}

// sparse writes head at rel and extends the file to hugeSize with a hole.
func (s *scene) sparse(rel string, head []byte) {
	s.t.Helper()
	s.write(rel, head)
	if err := os.Truncate(s.abs(rel), hugeSize); err != nil {
		s.t.Fatal(err)
	}
	if st, err := os.Stat(s.abs(rel)); err != nil || st.Size() != hugeSize {
		s.t.Fatalf("sparse file %s: %v", rel, err)
	}
}

// fifo makes rel a named pipe that no one ever writes: opened for reading
// as a file, it blocks for good.
func (s *scene) fifo(rel string) {
	s.t.Helper()
	s.remove(rel)
	if err := os.MkdirAll(filepath.Dir(s.abs(rel)), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := syscall.Mkfifo(s.abs(rel), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// useTheme points site.yaml at the theme name.
func (s *scene) useTheme(name string) {
	s.t.Helper()
	s.write("site.yaml", append(s.read("site.yaml"), "\ntheme: "+name+"\n"...))
}

// defaultTheme copies the tool's own default theme (or one file of it)
// out of the site, to outside/<name>, and returns its path: a complete,
// valid theme that a build following a link to it would use.
func (s *scene) defaultTheme(file, name string) string {
	s.t.Helper()
	dst := filepath.Join(s.outside, name)
	if file == "" {
		if err := os.CopyFS(dst, themes.Default()); err != nil {
			s.t.Fatal(err)
		}
		return dst
	}
	data, err := fs.ReadFile(themes.Default(), file)
	if err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		s.t.Fatal(err)
	}
	return dst
}

// expect is what a case's stderr must hold: a problem of one of codes at
// file (its position starting with file, then ':', '!' or the end).
type expect struct {
	file    string
	codes   []problem.Code
	warning bool // a warning, not an error
}

// hostileCase is one hostile input.
type hostileCase struct {
	name  string
	why   string // for the log: the class of the issue it stands for
	heavy bool   // packs or reads hundreds of megabytes: skipped with -short
	plant func(s *scene)
	exit  int // of build, and of check unless noCheck
	want  expect
	// safePage, for an external link: the build may instead succeed (exit
	// 0) when this page of public/ then holds no live link to evil.example.
	safePage string
	// out, for --out: build into this folder of the scene, no check.
	out string
}

// TestHostileInputs runs one subtest per hostile input of issue 26. The
// classes, and why each matters:
//
//   - symlink-*: a symlink in the site that leads out of it (by an absolute
//     or a relative path) or to a device. Followed, it publishes a file the
//     clerk never gave the build (content/passwd.md → /etc/passwd), and a
//     device makes the build read forever or run out of memory. Each
//     location has its own reader (config, content, notices, ingest, the
//     theme's layers), and a folder link is as dangerous as a file link.
//     The targets out of the site are valid inputs, so only confinement
//     refuses them.
//   - fifo-*: a named pipe that no one writes blocks a reader that opens
//     it as a file: the build must refuse it, not hang.
//   - sparse-*: a sparse regular file of 3 GiB costs nothing on disk; read
//     whole, it costs 3 GiB of memory. Each reader must check the size
//     before it allocates.
//   - yaml-*: alias bombs, the classic billion laughs and a wide two-level
//     fan-out of about 20 KB, which once took a gigabyte and crashed the
//     build, in each YAML the site holds.
//   - xlsx-*, csv-*: workbooks packed small that unpack to gigabytes of
//     spaces, a 100 MB cell, millions of shared strings or hundreds of MB
//     of shared-string text, and a CSV of one endless line: each must be
//     refused while it streams, before the memory is spent.
//   - link-*: an external link disguised (entities, a tab, case, a
//     protocol-relative or reference link, an image): the URL check must
//     read it as the browser will, or the published site links out.
//   - odd-*: sheet structure Excel never writes (row r="-5", r="1e23", a
//     shared-string index beyond the table): read on, with a warning at
//     its place, and the build succeeds.
//   - out-not-a-build: --out pointing at a folder of foreign files, which
//     a build would replace whole: refused, the folder untouched.
func TestHostileInputs(t *testing.T) {
	t.Parallel() // beside TestScripts; the other tests of the package run first
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	template := makeTemplate(t)
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.heavy && testing.Short() {
				t.Skip("heavy: packs or reads hundreds of megabytes")
			}
			t.Parallel()
			runHostileCase(t, template, tc)
		})
	}
}

// makeTemplate makes and builds a site with the tool, in process, once:
// each case starts from a copy of it, a site with its previous build in
// public/.
func makeTemplate(t *testing.T) string {
	t.Helper()
	site := filepath.Join(t.TempDir(), "site")
	var out, errs bytes.Buffer
	if code := run([]string{"new", site, "--year", "2024"}, &out, &errs); code != 0 {
		t.Fatalf("new: exit %d\n%s", code, errs.String())
	}
	if code := run([]string{"build", "--source", site, "--quiet"}, &out, &errs); code != 0 {
		t.Fatalf("build: exit %d\n%s", code, errs.String())
	}
	if _, err := os.Stat(filepath.Join(site, "public", "index.html")); err != nil {
		t.Fatal(err)
	}
	return site
}

func runHostileCase(t *testing.T, template string, tc hostileCase) {
	dir := t.TempDir()
	s := &scene{t: t, dir: dir, site: filepath.Join(dir, "site"), outside: filepath.Join(dir, "outside")}
	if err := os.CopyFS(s.site, os.DirFS(template)); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(s.outside, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Log(tc.why)
	public := s.abs("public")
	before := hashTree(t, public)
	tc.plant(s)
	outBefore := ""
	if tc.out != "" {
		outBefore = hashTree(t, filepath.Join(dir, tc.out))
	}

	var cmds [][]string
	if tc.out == "" {
		cmds = append(cmds, []string{"check", "--source", s.site})
	}
	build := []string{"build", "--source", s.site}
	if tc.out != "" {
		build = append(build, "--out", filepath.Join(dir, tc.out))
	}
	cmds = append(cmds, build)

	for _, args := range cmds {
		// Each command finds the site as the previous build left it: what
		// check stored in the build cache would spare build the reading.
		resetCache(t, template, s.site)
		res := runChild(t, args...)
		first, _, _ := strings.Cut(res.stderr, "\n")
		t.Logf("%s: exit %d, peak RSS %s, %v; stderr: %s", args[0], res.exit, rssString(res.maxRSS), res.took.Round(time.Millisecond), first)
		fail := func(format string, a ...any) {
			t.Helper()
			t.Errorf("%s: "+format+"\n--- stderr (head) ---\n%s", append(append([]any{args[0]}, a...), head(res.stderr))...)
		}
		if res.timedOut {
			fail("did not end within %v: killed (a hang)", childTimeout)
		}
		exitOK := res.exit == tc.exit
		safe := false
		if !exitOK && res.exit == 0 && tc.safePage != "" {
			// Not refused: then the page must not link out.
			if live := liveLinks(t, filepath.Join(public, filepath.FromSlash(tc.safePage)), "evil.example"); len(live) > 0 {
				fail("exit 0 and %s publishes a live link out of the site: %q", tc.safePage, live)
			} else {
				exitOK, safe = true, true
			}
		}
		if !exitOK {
			fail("exit %d, want %d", res.exit, tc.exit)
		}
		if strings.Contains(res.stderr, "goroutine ") {
			fail("stderr holds a Go stack dump")
		}
		if res.maxRSS > maxChildRSS {
			fail("peak RSS %s, more than %s", rssString(res.maxRSS), rssString(maxChildRSS))
		}
		if tc.want.file != "" && !safe && !hasProblem(res.stderr, tc.want) {
			fail("stderr names no %s at %s", describe(tc.want), tc.want.file)
		}
		if tc.out != "" && !strings.Contains(res.stderr, "holds files but no earlier build") {
			fail("stderr does not say the folder holds files but no earlier build")
		}
		// A refusal, and any check, leaves the previous site as it was.
		if args[0] == "check" || res.exit != 0 || tc.exit != 0 && !safe {
			if after := hashTree(t, public); after != before {
				fail("the previous site changed (public/ %s before, %s after)", before[:12], after[:12])
			}
			if tc.out != "" {
				if after := hashTree(t, filepath.Join(dir, tc.out)); after != outBefore {
					fail("the --out folder changed")
				}
			}
			if left := leftovers(t, s.site); len(left) > 0 {
				fail("temporary build folders left in the site: %q", left)
			}
		}
	}
}

// cacheDir is the build cache a build keeps in the site folder.
const cacheDir = ".dutyreport-cache"

// resetCache puts the template's build cache back in the site.
func resetCache(t *testing.T, template, site string) {
	t.Helper()
	if err := os.RemoveAll(filepath.Join(site, cacheDir)); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(template, cacheDir)
	if _, err := os.Stat(src); err != nil {
		return // no cache in this version of the tool
	}
	if err := os.CopyFS(filepath.Join(site, cacheDir), os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

// childResult is how a child ended.
type childResult struct {
	exit     int // -1 when killed by a signal
	stderr   string
	maxRSS   int64 // bytes; 0 where unknown
	timedOut bool
	took     time.Duration
}

// runChild runs dutyreport with args (and --lang en --memory-limit
// safetyLimit) in a child process: the test binary, told by childEnv to
// run the command line rather than the tests.
//
// The peak RSS is an overestimate by the test process's own resident set
// (some 35-50 MiB): Go starts a child sharing the parent's memory until it
// execs (CLONE_VM|CLONE_VFORK), and Linux keeps that high-water mark in
// the child's ru_maxrss across exec. The bound is checked conservatively.
func runChild(t *testing.T, args ...string) childResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), childTimeout)
	defer cancel()
	args = append(args, "--lang", "en", "--memory-limit", safetyLimit)
	cmd := exec.CommandContext(ctx, os.Args[0], args...)
	cmd.Env = append(os.Environ(), childEnv+"=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	err := cmd.Run()
	res := childResult{took: time.Since(start), stderr: stderr.String(), timedOut: ctx.Err() != nil}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
	case cmd.ProcessState == nil:
		t.Fatalf("%v: %v", args, err)
	}
	res.exit = cmd.ProcessState.ExitCode()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		res.stderr += fmt.Sprintf("\n[killed by signal %v]", ws.Signal())
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && runtime.GOOS == "linux" {
		res.maxRSS = int64(ru.Maxrss) << 10 // KiB on Linux
	}
	return res
}

// hasProblem reports whether stderr has a line of a problem of w: at
// w.file, with one of w's codes' messages (English), a warning if w is.
func hasProblem(stderr string, w expect) bool {
	for _, line := range strings.Split(stderr, "\n") {
		rest, ok := strings.CutPrefix(line, w.file)
		if !ok || rest != "" && !strings.ContainsAny(rest[:1], ":!") {
			continue
		}
		if w.warning != strings.Contains(line, ": warning: ") {
			continue
		}
		for _, c := range w.codes {
			if msg := c.Message(problem.EN); msg != string(c) && strings.Contains(line, msg) {
				return true
			}
		}
	}
	return false
}

// describe names the codes of w, with their messages, or says a code is
// not (yet) in the catalog.
func describe(w expect) string {
	var parts []string
	for _, c := range w.codes {
		msg := c.Message(problem.EN)
		if msg == string(c) {
			parts = append(parts, string(c)+" (a code not in the catalog)")
			continue
		}
		parts = append(parts, fmt.Sprintf("%s (%q)", c, msg))
	}
	kind := "error"
	if w.warning {
		kind = "warning"
	}
	return kind + " " + strings.Join(parts, " or ")
}

// hashTree is a sha256 over the sorted relative paths, modes and contents
// (a symlink's target) of everything under dir; "absent" when there is
// no dir.
func hashTree(t *testing.T, dir string) string {
	t.Helper()
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		return "absent" + strings.Repeat(" ", 12)
	}
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%q %v\n", filepath.ToSlash(rel), info.Mode())
		switch {
		case info.Mode().IsRegular():
			f, err := os.Open(p)
			if err != nil {
				return err
			}
			defer f.Close()
			fmt.Fprintf(h, "%d\n", info.Size())
			if _, err := io.Copy(h, f); err != nil {
				return err
			}
		case info.Mode()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "-> %q\n", target)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// leftovers lists the temporary build folders a build left in the site.
func leftovers(t *testing.T, site string) []string {
	t.Helper()
	entries, err := os.ReadDir(site)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".dutyreport-tmp-") {
			left = append(left, e.Name())
		}
	}
	return left
}

// liveLinks lists the URLs of page's attributes that a browser would
// follow or load out of the site to a host containing host: attribute
// values decoded, tabs and line breaks dropped, control characters and
// spaces trimmed, a backslash taken for a slash, as the URL parser of a
// browser does.
func liveLinks(t *testing.T, page, host string) []string {
	t.Helper()
	data, err := os.ReadFile(page)
	if err != nil {
		t.Errorf("reading the published page: %v", err)
		return nil
	}
	scheme := regexp.MustCompile(`^[a-z][a-z0-9+.-]*:`)
	var live []string
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return live
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		for _, a := range z.Token().Attr {
			switch strings.ToLower(a.Key) {
			case "href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href", "background", "cite":
			default:
				continue
			}
			u := strings.Map(func(r rune) rune {
				switch r {
				case '\t', '\n', '\r':
					return -1
				case '\\':
					return '/'
				}
				return r
			}, a.Val)
			u = strings.ToLower(strings.TrimFunc(u, func(r rune) bool { return r <= ' ' }))
			if (strings.HasPrefix(u, "//") || scheme.MatchString(u)) && strings.Contains(u, host) {
				live = append(live, a.Val)
			}
		}
	}
}

// head gives the first lines of a child's stderr, for a failure message.
func head(s string) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > 12 {
		lines = append(lines[:12], fmt.Sprintf("… (%d more lines)\n", len(lines)-12))
	}
	out := strings.Join(lines, "")
	if len(out) > 3000 {
		out = out[:3000] + "…\n"
	}
	return out
}

func rssString(n int64) string {
	if n == 0 {
		return "unknown"
	}
	return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
}

// Problem codes, as the catalog names them (problem/codes.go): written as
// strings, the stable names of STYLE.md, so that the suite says which code
// it expects even of one the catalog does not have yet.
const (
	configNotAFile      problem.Code = "config.not-a-file"
	configTooLarge      problem.Code = "config.too-large"
	configUnreadable    problem.Code = "config.unreadable"
	contentNotAFile     problem.Code = "content.not-a-file"
	contentTooLarge     problem.Code = "content.too-large"
	contentFrontMatter  problem.Code = "content.front-matter"
	contentExternalLink problem.Code = "content.external-link"
	ingestNotAFile      problem.Code = "ingest.not-a-file"
	ingestTooLarge      problem.Code = "ingest.too-large"
	ingestUnreadable    problem.Code = "ingest.unreadable"
	ingestOddStructure  problem.Code = "ingest.odd-structure"
	renderNotAFile      problem.Code = "render.not-a-file"
	renderTooLarge      problem.Code = "render.too-large"
	renderTemplate      problem.Code = "render.template"
)

func refused(file string, codes ...problem.Code) expect {
	return expect{file: file, codes: codes}
}

// hostileCases lists every case of the suite.
func hostileCases() []hostileCase {
	var cases []hostileCase
	cases = append(cases, symlinkCases()...)
	cases = append(cases, fifoCases()...)
	cases = append(cases, sparseCases()...)
	cases = append(cases, yamlCases()...)
	cases = append(cases, bombCases()...)
	cases = append(cases, linkCases()...)
	cases = append(cases, oddCases()...)
	cases = append(cases, hostileCase{
		name: "out-not-a-build",
		why:  "--out over a web root of foreign files would delete them",
		plant: func(s *scene) {
			w := filepath.Join(s.dir, "webroot")
			if err := os.MkdirAll(filepath.Join(w, "assets"), 0o755); err != nil {
				s.t.Fatal(err)
			}
			for name, body := range map[string]string{
				"index.html":          "<!DOCTYPE html><title>县政府门户</title>\n",
				"other.txt":           "the county's own file\n",
				"assets/portal.css":   "body { color: navy }\n",
				"assets/portal-x.txt": "more of the county's files\n",
			} {
				if err := os.WriteFile(filepath.Join(w, filepath.FromSlash(name)), []byte(body), 0o644); err != nil {
					s.t.Fatal(err)
				}
			}
		},
		out:  "webroot",
		exit: 2,
	})
	return cases
}

// symlinkCases: each place the build reads, a symlink to a valid input
// out of the site by an absolute and by a relative path, and to /dev/zero.
func symlinkCases() []hostileCase {
	type place struct {
		name string
		rel  string       // the link in the site
		code problem.Code // of the refusal
		// prepare readies the site and returns the valid input out of the
		// site the link is to point at.
		prepare func(s *scene) string
		// zero readies the site for a link to /dev/zero.
		zero func(s *scene)
	}
	moveOut := func(rel string) func(s *scene) string { return func(s *scene) string { return s.moveOut(rel) } }
	remove := func(rel string) func(s *scene) { return func(s *scene) { s.remove(rel) } }
	nothing := func(s *scene) {}
	places := []place{
		{"content-md", "content/passwd.md", contentNotAFile,
			func(s *scene) string {
				return s.putOutside("passwd.md", []byte("---\ntitle: 外部文件\n---\n站点以外的文件内容。\n"))
			}, nothing},
		{"notice-md", "content/notices/2023-9.md", contentNotAFile,
			func(s *scene) string {
				n := bytes.Replace(s.read("content/notices/2023-1.md"), []byte("〔2023〕1号"), []byte("〔2023〕9号"), 1)
				return s.putOutside("2023-9.md", n)
			}, nothing},
		{"data-xlsx", evalFile, ingestNotAFile, moveOut(evalFile), remove(evalFile)},
		{"site-yaml", "site.yaml", configNotAFile, moveOut("site.yaml"), remove("site.yaml")},
		{"scheme", "schemes/shangnan.yaml", configNotAFile, moveOut("schemes/shangnan.yaml"), remove("schemes/shangnan.yaml")},
		{"layout", "layouts/units.html", renderNotAFile,
			func(s *scene) string { return s.defaultTheme("layouts/units.html", "units.html") }, nothing},
		{"i18n", "i18n/zh-CN.yaml", renderNotAFile,
			func(s *scene) string { return s.defaultTheme("i18n/zh-CN.yaml", "zh-CN.yaml") }, nothing},
		{"asset", "assets/style.css", renderNotAFile,
			func(s *scene) string { return s.defaultTheme("assets/style.css", "style.css") }, nothing},
		{"theme-folder", "themes/shared", renderNotAFile,
			func(s *scene) string { s.useTheme("shared"); return s.defaultTheme("", "shared") },
			func(s *scene) { s.useTheme("shared") }},
		{"content-folder", "content/years", contentNotAFile, moveOut("content/years"), remove("content/years")},
	}
	var cases []hostileCase
	for _, p := range places {
		cases = append(cases,
			hostileCase{
				name: "symlink-absolute-" + p.name,
				why:  "a symlink out of the site is never read, let alone published",
				plant: func(s *scene) {
					s.symlink(p.rel, p.prepare(s))
				},
				exit: 1, want: refused(p.rel, p.code),
			},
			hostileCase{
				name: "symlink-relative-" + p.name,
				why:  "a relative symlink out of the site (../..) is as far out as an absolute one",
				plant: func(s *scene) {
					s.symlink(p.rel, s.relTo(p.rel, p.prepare(s)))
				},
				exit: 1, want: refused(p.rel, p.code),
			},
			hostileCase{
				name: "symlink-devzero-" + p.name,
				why:  "a symlink to a device would be read forever or into all memory",
				plant: func(s *scene) {
					p.zero(s)
					s.symlink(p.rel, "/dev/zero")
				},
				exit: 1, want: refused(p.rel, p.code),
			},
		)
	}
	return cases
}

// fifoCases: a named pipe no one writes, where a file is read.
func fifoCases() []hostileCase {
	return []hostileCase{
		{name: "fifo-data", why: "a pipe as a workbook must not hang the build",
			plant: func(s *scene) { s.fifo(evalFile) }, exit: 1, want: refused(evalFile, ingestNotAFile)},
		{name: "fifo-content", why: "a pipe as a page must not hang the build",
			plant: func(s *scene) { s.fifo("content/pipe.md") }, exit: 1, want: refused("content/pipe.md", contentNotAFile)},
		{name: "fifo-notice", why: "a pipe as a notice must not hang the build",
			plant: func(s *scene) { s.fifo("content/notices/2023-9.md") }, exit: 1, want: refused("content/notices/2023-9.md", contentNotAFile)},
		{name: "fifo-site-yaml", why: "a pipe as site.yaml must not hang the build",
			plant: func(s *scene) { s.fifo("site.yaml") }, exit: 1, want: refused("site.yaml", configNotAFile)},
	}
}

// sparseCases: a sparse regular file of 3 GiB, its real head kept, where
// each kind of input is read.
func sparseCases() []hostileCase {
	type place struct {
		name, rel string
		codes     []problem.Code
		head      func(s *scene) []byte
	}
	own := func(rel string) func(s *scene) []byte { return func(s *scene) []byte { return s.read(rel) } }
	theme := func(file string) func(s *scene) []byte {
		return func(s *scene) []byte {
			data, err := fs.ReadFile(themes.Default(), file)
			if err != nil {
				s.t.Fatal(err)
			}
			return data
		}
	}
	places := []place{
		{"site-yaml", "site.yaml", []problem.Code{configTooLarge, configUnreadable}, own("site.yaml")},
		{"scheme", "schemes/shangnan.yaml", []problem.Code{configTooLarge, configUnreadable}, own("schemes/shangnan.yaml")},
		{"content-md", "content/about.md", []problem.Code{contentTooLarge}, own("content/about.md")},
		{"notice-md", "content/notices/2023-1.md", []problem.Code{contentTooLarge}, own("content/notices/2023-1.md")},
		{"layout", "layouts/units.html", []problem.Code{renderTooLarge}, theme("layouts/units.html")},
		{"i18n", "i18n/zh-CN.yaml", []problem.Code{renderTooLarge}, theme("i18n/zh-CN.yaml")},
		{"asset", "assets/style.css", []problem.Code{renderTooLarge}, theme("assets/style.css")},
		{"data-xlsx", evalFile, []problem.Code{ingestTooLarge, ingestUnreadable}, own(evalFile)},
	}
	var cases []hostileCase
	for _, p := range places {
		cases = append(cases, hostileCase{
			name: "sparse-" + p.name,
			why:  "a 3 GiB file costs nothing on disk and 3 GiB read whole: the size is checked first",
			plant: func(s *scene) {
				s.sparse(p.rel, p.head(s))
			},
			exit: 1, want: refused(p.rel, p.codes...),
		})
	}
	// A CSV exported in place of the workbook (ingest reads 民主测评.csv
	// when 民主测评.xlsx is absent): its header and a row, then 3 GiB.
	csv := strings.TrimSuffix(evalFile, ".xlsx") + ".csv"
	cases = append(cases, hostileCase{
		name: "sparse-data-csv",
		why:  "a 3 GiB CSV costs nothing on disk and 3 GiB read whole",
		plant: func(s *scene) {
			s.remove(evalFile)
			s.sparse(csv, []byte("单位编码,单位名称,有效票数,平均分\nT01,城关镇,67,90.5\n"))
		},
		exit: 1, want: refused(csv, ingestTooLarge, ingestUnreadable),
	})
	return cases
}

// billionLaughs is the classic bomb: nine lists of nine aliases to the list
// before, 9^9 values expanded, in 400 bytes.
const billionLaughs = `a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
`

// fanOut is the number of aliases at each of the two levels of the wide
// fan-outs: about 20 KB of YAML, 1,400 × 1,400 mappings (some 14 million
// values) expanded. The 11.8 KB took 1.08 GB; 22 KB crashed.
const fanOut = 1400

// fanOutSite is a site.yaml whose one year holds fanOut errata, aliases of
// the first, and is aliased fanOut times: the keys are site.yaml's own, so
// that only a budget on the expansion refuses it.
func fanOutSite() []byte {
	return []byte("title: 示例县\ncounty: 示例县\nscheme: schemes/shangnan.yaml\nsample: true\nyears:\n  - &y\n    year: 2023\n    status: published\n    published: 2024-03-20\n    errata:\n" +
		"      - &e {date: 2024-01-01, what: x, why: y}\n" + strings.Repeat("      - *e\n", fanOut) +
		strings.Repeat("  - *y\n", fanOut))
}

// fanOutScheme puts a category with fanOut aliases of one alias name,
// aliased fanOut times, at the head of the scheme's categories.
func fanOutScheme(scheme []byte) []byte {
	bomb := "categories:\n  - &c\n    id: village\n    name: 村\n    aliases:\n      - &s 行政村\n" +
		strings.Repeat("      - *s\n", fanOut) + strings.Repeat("  - *c\n", fanOut)
	return bytes.Replace(scheme, []byte("categories:\n"), []byte(bomb), 1)
}

// fanOutNotice is a notice whose subject is handled fanOut times, aliased
// fanOut times.
func fanOutNotice() []byte {
	return []byte("---\nnumber: 示纪问〔2023〕9号\ntitle: 通报\ndate: 2023-09-12\nunit: T04\nsubjects:\n  - &s\n    kind: 领导干部\n    name: 王小明\n    handling:\n      - &h 诫勉谈话\n" +
		strings.Repeat("      - *h\n", fanOut) + strings.Repeat("  - *s\n", fanOut) + "---\n2023年的通报。\n")
}

// fanOutStrings is UI strings with the same two-level fan-out.
func fanOutStrings() []byte {
	return []byte("row: &r\n  - &s 字\n" + strings.Repeat("  - *s\n", fanOut) + "table:\n" + strings.Repeat("  - *r\n", fanOut))
}

// yamlCases: alias bombs in each YAML the site holds.
func yamlCases() []hostileCase {
	const notice = "content/notices/2023-9.md"
	laughsNotice := "---\nnumber: 示纪问〔2023〕9号\n" + billionLaughs + "subjects: [*i]\n---\n2023年的通报。\n"
	why := "alias expansion is bounded before it is spent"
	return []hostileCase{
		{name: "yaml-laughs-site-yaml", why: why,
			plant: func(s *scene) { s.write("site.yaml", append([]byte(billionLaughs), s.read("site.yaml")...)) },
			exit:  1, want: refused("site.yaml", configTooLarge)},
		{name: "yaml-fanout-site-yaml", why: why,
			plant: func(s *scene) { s.write("site.yaml", fanOutSite()) },
			exit:  1, want: refused("site.yaml", configTooLarge)},
		{name: "yaml-laughs-scheme", why: why,
			plant: func(s *scene) {
				s.write("schemes/shangnan.yaml", append([]byte(billionLaughs), s.read("schemes/shangnan.yaml")...))
			},
			exit: 1, want: refused("schemes/shangnan.yaml", configTooLarge)},
		{name: "yaml-fanout-scheme", why: why,
			plant: func(s *scene) { s.write("schemes/shangnan.yaml", fanOutScheme(s.read("schemes/shangnan.yaml"))) },
			exit:  1, want: refused("schemes/shangnan.yaml", configTooLarge)},
		{name: "yaml-laughs-front-matter", why: why,
			plant: func(s *scene) { s.write(notice, []byte(laughsNotice)) },
			exit:  1, want: refused(notice, contentFrontMatter)},
		{name: "yaml-fanout-front-matter", why: why,
			plant: func(s *scene) { s.write(notice, fanOutNotice()) },
			exit:  1, want: refused(notice, contentFrontMatter)},
		{name: "yaml-laughs-i18n", why: why,
			plant: func(s *scene) { s.write("i18n/zh-CN.yaml", []byte(billionLaughs)) },
			exit:  1, want: refused("i18n/zh-CN.yaml", renderTooLarge)},
		{name: "yaml-fanout-i18n", why: why,
			plant: func(s *scene) { s.write("i18n/zh-CN.yaml", fanOutStrings()) },
			exit:  1, want: refused("i18n/zh-CN.yaml", renderTooLarge)},
	}
}

// repeat writes n bytes of b to w.
func repeat(w io.Writer, b byte, n int64) error {
	chunk := bytes.Repeat([]byte{b}, 1<<20)
	for n > 0 {
		k := min(n, int64(len(chunk)))
		if _, err := w.Write(chunk[:k]); err != nil {
			return err
		}
		n -= k
	}
	return nil
}

// rewriteWorkbook rewrites the site's workbook rel with its part (e.g.
// xl/worksheets/sheet1.xml) replaced by what body writes, streamed into
// the archive as it is packed: a part of gigabytes makes a workbook of
// megabytes. body gets the part's old bytes.
func rewriteWorkbook(s *scene, rel, part string, body func(w io.Writer, old []byte) error) {
	s.t.Helper()
	src, err := zip.OpenReader(s.abs(rel))
	if err != nil {
		s.t.Fatal(err)
	}
	defer src.Close()
	tmp := s.abs(rel) + ".new"
	f, err := os.Create(tmp)
	if err != nil {
		s.t.Fatal(err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	zw := zip.NewWriter(bw)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	found := false
	for _, zf := range src.File {
		if zf.Name != part {
			if err := zw.Copy(zf); err != nil {
				s.t.Fatal(err)
			}
			continue
		}
		found = true
		rc, err := zf.Open()
		if err != nil {
			s.t.Fatal(err)
		}
		old, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			s.t.Fatal(err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: part, Method: zip.Deflate})
		if err != nil {
			s.t.Fatal(err)
		}
		if err := body(w, old); err != nil {
			s.t.Fatal(err)
		}
	}
	if !found {
		s.t.Fatalf("%s has no part %s", rel, part)
	}
	if err := zw.Close(); err != nil {
		s.t.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		s.t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		s.t.Fatal(err)
	}
	st, err := os.Stat(tmp)
	if err != nil {
		s.t.Fatal(err)
	}
	if st.Size() > 8<<20 {
		s.t.Fatalf("the bomb should be small packed, is %d bytes", st.Size())
	}
	s.t.Logf("%s: %d bytes packed", rel, st.Size())
	if err := os.Rename(tmp, s.abs(rel)); err != nil {
		s.t.Fatal(err)
	}
}

// sheetBomb replaces the sheet's rows by open, n bytes of fill, close.
func sheetBomb(open string, fill byte, n int64, close string) func(s *scene) {
	return func(s *scene) {
		rewriteWorkbook(s, evalFile, "xl/worksheets/sheet1.xml", func(w io.Writer, old []byte) error {
			prefix, _, ok := bytes.Cut(old, []byte("<sheetData>"))
			if !ok {
				return errors.New("no <sheetData> in the sheet")
			}
			io.WriteString(w, string(prefix)+"<sheetData>"+open)
			if err := repeat(w, fill, n); err != nil {
				return err
			}
			_, err := io.WriteString(w, close+"</sheetData></worksheet>")
			return err
		})
	}
}

const sstHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
	`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`

// sstBomb replaces the shared-string table by n strings of size bytes of x.
func sstBomb(n, size int) func(s *scene) {
	return func(s *scene) {
		rewriteWorkbook(s, evalFile, "xl/sharedStrings.xml", func(w io.Writer, _ []byte) error {
			fmt.Fprintf(w, sstHead, n, n)
			if size == 1 {
				si := []byte(strings.Repeat("<si><t>x</t></si>", 4096))
				for left := n; left > 0; left -= 4096 {
					if _, err := w.Write(si[:min(left, 4096)*len("<si><t>x</t></si>")]); err != nil {
						return err
					}
				}
			} else {
				for range n {
					io.WriteString(w, "<si><t>")
					if err := repeat(w, 'x', int64(size)); err != nil {
						return err
					}
					io.WriteString(w, "</t></si>")
				}
			}
			_, err := io.WriteString(w, "</sst>")
			return err
		})
	}
}

// bombCases: workbooks packed small that unpack to far more than any real
// export, and a CSV of one endless line.
func bombCases() []hostileCase {
	why := "a reading limit fires while the bytes stream, before the memory is spent"
	csv := strings.TrimSuffix(evalFile, ".xlsx") + ".csv"
	return []hostileCase{
		{name: "xlsx-3GiB-of-spaces", why: why, heavy: true,
			plant: sheetBomb(`<row r="1">`, ' ', hugeSize, `</row>`),
			exit:  1, want: refused(evalFile, ingestTooLarge)},
		{name: "xlsx-100MB-cell", why: why,
			plant: sheetBomb(`<row r="1"><c r="A1"><v>`, '1', 100e6, `</v></c></row>`),
			exit:  1, want: refused(evalFile, ingestTooLarge)},
		{name: "xlsx-100MB-inline-string", why: why,
			plant: sheetBomb(`<row r="1"><c r="A1" t="inlineStr"><is><t>`, 'x', 100e6, `</t></is></c></row>`),
			exit:  1, want: refused(evalFile, ingestTooLarge)},
		// Five million strings: more than the table's limit of strings, each
		// a few bytes packed; held as Go strings, each costs 16 bytes and more.
		{name: "xlsx-sst-millions-of-strings", why: why, heavy: true,
			plant: sstBomb(5_000_000, 1),
			exit:  1, want: refused(evalFile, ingestTooLarge)},
		// 300 strings of a million bytes: each within a cell's limit, all of
		// them 300 MB of text.
		{name: "xlsx-sst-300MB-of-text", why: why, heavy: true,
			plant: sstBomb(300, 1_000_000),
			exit:  1, want: refused(evalFile, ingestTooLarge)},
		// One line of 8 MiB, eight times the line limit, in a CSV of that
		// size (written out: a hole would be NUL bytes, not text).
		{name: "csv-endless-line", why: why,
			plant: func(s *scene) {
				s.remove(evalFile)
				f, err := os.Create(s.abs(csv))
				if err != nil {
					s.t.Fatal(err)
				}
				bw := bufio.NewWriter(f)
				bw.WriteString("单位编码,单位名称,有效票数,平均分\nT01,城关镇,67,9")
				if err := repeat(bw, '9', 8<<20); err != nil {
					s.t.Fatal(err)
				}
				if err := bw.Flush(); err != nil {
					s.t.Fatal(err)
				}
				if err := f.Close(); err != nil {
					s.t.Fatal(err)
				}
			},
			exit: 1, want: refused(csv, ingestTooLarge)},
	}
}

// linkCases: an external link the way a browser reads it but a naive
// check does not. Each must be refused, or published as no live link.
func linkCases() []hostileCase {
	const page, notice = "content/about.md", "content/notices/2023-1.md"
	const pageOut, noticeOut = "about.html", "2023/notices/2023-1.html"
	link := func(name, file, out, md string) hostileCase {
		return hostileCase{
			name: "link-" + name,
			why:  "every URL check runs on the URL as the browser will read it",
			plant: func(s *scene) {
				s.write(file, append(s.read(file), "\n\n"+md+"\n"...))
			},
			exit: 1, want: refused(file, contentExternalLink), safePage: out,
		}
	}
	return []hostileCase{
		link("entity-colon-page", page, pageOut, `[x](https&#58;//evil.example/q)`),
		link("entity-colon-notice", notice, noticeOut, `[x](https&#58;//evil.example/q)`),
		link("hex-entity-colon", page, pageOut, `[x](https&#x3A;//evil.example/q)`),
		link("named-entity-colon", page, pageOut, `[x](https&colon;//evil.example/q)`),
		link("entity-tab-in-scheme", page, pageOut, `[x](ht&#9;tps://evil.example/q)`),
		link("upper-case-scheme", page, pageOut, `[x](HTTPS://EVIL.EXAMPLE/q)`),
		link("protocol-relative", page, pageOut, `[x](//evil.example/q)`),
		link("entity-slashes", page, pageOut, `[x](&#47;&#47;evil.example/q)`),
		link("reference-entity", page, pageOut, "[x][r]\n\n[r]: https&#58;//evil.example/q"),
		link("image-entity", page, pageOut, `![x](https&#58;//evil.example/q.png)`),
	}
}

// oddCases: sheet structure Excel never writes, read on with a warning.
func oddCases() []hostileCase {
	odd := func(name string, edit func(sheet []byte) []byte) hostileCase {
		return hostileCase{
			name: "odd-" + name,
			why:  "suspicious structure is a warning at its place, and the build goes on",
			plant: func(s *scene) {
				rewriteWorkbook(s, evalFile, "xl/worksheets/sheet1.xml", func(w io.Writer, old []byte) error {
					edited := edit(old)
					if bytes.Equal(edited, old) {
						return errors.New("the sheet was not changed: its last row is not as expected")
					}
					_, err := w.Write(edited)
					return err
				})
			},
			exit: 0, want: expect{file: evalFile, codes: []problem.Code{ingestOddStructure}, warning: true},
		}
	}
	// The last row, 11, numbered otherwise: read as the row after 10, it is
	// row 11 again, and the numbers are as before.
	renumber := func(r string) func([]byte) []byte {
		return func(b []byte) []byte {
			return bytes.Replace(b, []byte(`<row r="11">`), []byte(`<row r="`+r+`">`), 1)
		}
	}
	return []hostileCase{
		odd("row-minus-5", renumber("-5")),
		odd("row-1e23", renumber("1e23")),
		odd("shared-string-out-of-range", func(b []byte) []byte {
			return bytes.Replace(b, []byte(`<v>56.5</v></c></row>`), []byte(`<v>56.5</v></c><c r="E11" t="s"><v>99999</v></c></row>`), 1)
		}),
	}
}
