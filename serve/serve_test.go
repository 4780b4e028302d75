package serve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"dutyreport/generator"
	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/sitetest"
	"dutyreport/generator/stamp"
)

// testSite is the site of cmd/dutyreport/testdata/script/
// build_failure_keeps_old_site.txtar with a content page; bad/ holds a
// broken evaluation (a letter O for a zero) and good/ the original.
const testSite = `
-- site.yaml --
footer: {operator: 测试县纪委监委}
title: 测试县
scheme: scheme.yaml
years:
  - {year: 2024, status: published, published: 2025-03-01}
-- scheme.yaml --
name: 测试方案
categories:
  - {id: town, name: 镇}
responsibilities:
  - {id: main, name: 主体责任}
tasks:
  - {code: A1, name: 年度计划, responsibility: main, points: 2}
components:
  - {id: main, name: 主体责任基础分, kind: ledger, responsibility: main, full: 70}
  - {id: social, name: 社会评价, kind: evaluation, full: 30}
total: [main, social]
bands:
  - {id: good, name: 好, min: 60}
  - {id: bad, name: 差}
groups:
  - {id: towns, name: 镇, categories: [town]}
-- content/about.md --
---
title: 关于本站
---
# 关于本站

初版说明文字。
-- data/单位名录.xlsx.tsv --
单位编码	单位名称	类别
T01	一镇	镇
-- data/2024/纪实台账.xlsx.tsv --
单位编码	责任类别	任务编号	应完成次数	实际完成次数
T01	主体责任	A1	1	1
-- data/2024/民主测评.xlsx.tsv --
单位编码	平均分
T01	73.33
-- good/民主测评.xlsx.tsv --
单位编码	平均分
T01	73.33
-- bad/民主测评.xlsx.tsv --
单位编码	平均分
T01	7O
-- changed/民主测评.xlsx.tsv --
单位编码	平均分
T01	80
`

// deadline bounds every wait for a rebuild: a build of the test site takes
// well under a second, so reaching it means the server missed a change.
const deadline = 20 * time.Second

// logBuffer is a Log written by the server's goroutines and read by the test.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// start writes the test site and serves it on a free loopback port.
func start(t *testing.T, before func(dir string)) (s *Server, dir string, log *logBuffer) {
	t.Helper()
	dir = t.TempDir()
	if err := sitetest.WriteSite(dir, testSite); err != nil {
		t.Fatal(err)
	}
	if before != nil {
		before(dir)
	}
	log = &logBuffer{}
	s, err := Start(Options{Build: generator.Options{Source: dir}, Addr: "127.0.0.1:0", Log: log, Debounce: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
		if _, err := os.Stat(s.tmp); !os.IsNotExist(err) {
			t.Errorf("the temporary folder %s is still there after Close", s.tmp)
		}
	})
	return s, dir, log
}

// get fetches a URL with a real client over loopback.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// waitFor polls until ok holds, failing the test at the deadline.
func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	end := time.Now().Add(deadline)
	for !ok() {
		if time.Now().After(end) {
			t.Fatalf("after %v: still not %s", deadline, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// copyWorkbook puts the workbook from/民主测评.xlsx (written from the
// txtar's .xlsx.tsv) in place of data/2024/民主测评.xlsx, written beside it
// and renamed, as a spreadsheet program saves.
func copyWorkbook(t *testing.T, dir, from string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, from, "民主测评.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(dir, "data", "2024", "保存中.tmp")
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, "data", "2024", "民主测评.xlsx")); err != nil {
		t.Fatal(err)
	}
}

func TestServeRebuildsOnChangeAndShowsProblems(t *testing.T) {
	s, dir, log := start(t, nil)
	page := s.URL() + "about.html"

	status, body := get(t, page)
	if status != http.StatusOK || !strings.Contains(body, "初版说明文字") {
		t.Fatalf("GET about.html: %d\n%s", status, body)
	}
	if !strings.Contains(body, `<script src="/_dutyreport/reload.js" data-build="1"></script>`+"\n</body>\n</html>") {
		t.Errorf("the page has no reload script before </body>:\n%s", body)
	}
	if status, body := get(t, s.URL()); status != http.StatusOK || !strings.Contains(body, "reload.js") {
		t.Errorf("GET /: %d, want the index page with the reload script", status)
	}

	// The author edits the page.
	about := filepath.Join(dir, "content", "about.md")
	src, _ := os.ReadFile(about)
	if err := os.WriteFile(about, bytes.Replace(src, []byte("初版说明文字"), []byte("修订后的说明"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "showing the edited page", func() bool {
		_, body := get(t, page)
		return strings.Contains(body, "修订后的说明")
	})
	if disk, _ := os.ReadFile(filepath.Join(s.out, "about.html")); bytes.Contains(disk, []byte("_dutyreport")) {
		t.Error("the reload script was written into the file on disk")
	}

	// The clerk types a letter O for a zero: every page lists the problem.
	copyWorkbook(t, dir, "bad")
	waitFor(t, "showing the error page", func() bool {
		status, _ := get(t, page)
		return status == http.StatusInternalServerError
	})
	want := generator.Check(generator.Options{Source: dir}).Errors()
	if len(want) == 0 {
		t.Fatal("the broken site has no errors")
	}
	for _, url := range []string{page, s.URL(), s.URL() + "2024/index.html", s.URL() + "no-such-page.html"} {
		status, body := get(t, url)
		if status != http.StatusInternalServerError {
			t.Errorf("GET %s while the build fails: %d, want 500", url, status)
		}
		if !strings.Contains(body, "data/2024/民主测评.xlsx!Sheet1!B2") {
			t.Errorf("GET %s: the error page does not name the cell:\n%s", url, body)
		}
		for _, p := range want {
			if !strings.Contains(body, html.EscapeString(p.Format(problem.ZH))) {
				t.Errorf("GET %s: the error page lacks the problem as the CLI prints it: %s", url, p.Format(problem.ZH))
			}
		}
		if !strings.Contains(body, "/_dutyreport/reload.js") {
			t.Errorf("GET %s: the error page has no reload script", url)
		}
	}
	// A browser on another computer (the public preview on the office
	// network) gets the place, not the value found: a value may be a name.
	req := httptest.NewRequest("GET", "/about.html", nil) // from 192.0.2.1
	req.Host = "127.0.0.1"
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if body := rec.Body.String(); !strings.Contains(body, "data/2024/民主测评.xlsx!Sheet1!B2") || strings.Contains(body, want[0].Found) ||
		!strings.Contains(body, "读到的值只在运行 dutyreport serve 的电脑上显示") {
		t.Errorf("the error page for another computer shows the value found %q, or not its place:\n%s", want[0].Found, body)
	}
	if !strings.Contains(log.String(), "data/2024/民主测评.xlsx!Sheet1!B2") || !strings.Contains(log.String(), "生成失败：1 个错误") {
		t.Errorf("the log does not report the failed build:\n%s", log.String())
	}

	// Fixed: the site is back, with the edit.
	copyWorkbook(t, dir, "good")
	waitFor(t, "showing the site again", func() bool {
		status, body := get(t, page)
		return status == http.StatusOK && strings.Contains(body, "修订后的说明")
	})
	if !strings.Contains(log.String(), "已生成预览：") {
		t.Errorf("the log has no summary of a good build:\n%s", log.String())
	}
}

func TestEventsTellOfEachBuild(t *testing.T) {
	s, dir, _ := start(t, nil)
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.URL()+"_dutyreport/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("Content-Type %q", ct)
	}
	lines := bufio.NewScanner(resp.Body)
	next := func() string { // the data of the next event
		t.Helper()
		for lines.Scan() {
			if d, ok := strings.CutPrefix(lines.Text(), "data: "); ok {
				return d
			}
		}
		t.Fatalf("the event stream ended: %v", lines.Err())
		return ""
	}
	if got := next(); got != "1" {
		t.Fatalf("first event %q, want build 1", got)
	}
	// A file in a folder created after the start is watched too.
	if err := os.MkdirAll(filepath.Join(dir, "content", "notices"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got := next(); got != "2" {
		t.Fatalf("after creating a folder, event %q, want build 2", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "notices", "README.txt"), []byte("草稿"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := next(); got != "3" {
		t.Fatalf("after a change in the new folder, event %q, want build 3", got)
	}
	// Close ends the open stream rather than waiting for the page to go,
	// and forgets the stamp of the preview's folder, which goes with it.
	kept := stamp.Path(filepath.Join(dir, generator.CacheDir), s.out)
	if _, err := os.Stat(kept); err != nil {
		t.Fatalf("no stamp of the preview's builds: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(kept); err == nil {
		t.Error("the preview's stamp outlived its folder")
	}
	for lines.Scan() {
		if strings.HasPrefix(lines.Text(), "data: ") {
			t.Errorf("an event after Close: %s", lines.Text())
		}
	}
	if ctx.Err() != nil {
		t.Error("the event stream outlived Close until the deadline")
	}
}

// TestScriptIsServed checks the reload script comes from the server itself.
func TestScriptIsServed(t *testing.T) {
	s, _, _ := start(t, nil)
	status, body := get(t, s.URL()+"_dutyreport/reload.js")
	if status != http.StatusOK || !strings.Contains(body, `new EventSource("/_dutyreport/events")`) {
		t.Fatalf("GET reload.js: %d\n%s", status, body)
	}
	if status, _ := get(t, s.URL()+"_dutyreport/other"); status != http.StatusNotFound {
		t.Errorf("GET /_dutyreport/other: %d, want 404", status)
	}
}

// raw sends a request line as written, over a plain connection, so that no
// client cleans the path first, and returns the response.
func raw(t *testing.T, s *Server, method, target, host string) (int, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", s.ln.Addr().String(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", method, target, host)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestRequestsOutsideTheSiteAreRefused(t *testing.T) {
	s, dir, _ := start(t, nil)
	host := s.ln.Addr().String()
	// Symlinks in the output folder, to a file and a folder outside it.
	if err := os.Symlink(filepath.Join(dir, "site.yaml"), filepath.Join(s.out, "leak.yaml")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := os.Symlink(dir, filepath.Join(s.out, "up")); err != nil {
		t.Fatal(err)
	}
	if status, body := raw(t, s, "GET", "/about.html", host); status != http.StatusOK || !strings.Contains(body, "初版说明文字") {
		t.Fatalf("GET /about.html by hand: %d; the raw requests below prove nothing", status)
	}
	for _, target := range []string{
		"/../site.yaml",
		"/%2e%2e/site.yaml",
		"/%2E%2E/site.yaml",
		"/..%2fsite.yaml",
		"/..%2Fsite.yaml",
		"/a/..\\..\\site.yaml",
		"/a/%5c..%5csite.yaml",
		"/./../site.yaml",
		"/2024/../../site.yaml",
		"//etc/passwd",
		"/%2fetc/passwd",
		"/site.yaml%00.html",
		"/leak.yaml",
		"/up/site.yaml",
		"/up/scheme.yaml",
		"/C:/Windows/win.ini",
	} {
		status, body := raw(t, s, "GET", target, host)
		if status != http.StatusBadRequest && status != http.StatusForbidden && status != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 400, 403 or 404", target, status)
		}
		if strings.Contains(body, "scheme: scheme.yaml") || strings.Contains(body, "responsibilities:") || strings.Contains(body, "root:") {
			t.Errorf("GET %s: the response holds a file from outside the site:\n%s", target, body)
		}
	}
	// Only GET and HEAD, and only for this computer's names.
	if status, _ := raw(t, s, "POST", "/about.html", host); status != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d, want 405", status)
	}
	if status, body := raw(t, s, "HEAD", "/about.html", host); status != http.StatusOK || body != "" {
		t.Errorf("HEAD: %d with a body of %d bytes", status, len(body))
	}
	for _, other := range []string{"attacker.example:80", "attacker.example", "127.0.0.1.attacker.example"} {
		if status, _ := raw(t, s, "GET", "/about.html", other); status != http.StatusForbidden {
			t.Errorf("GET with Host %s: %d, want 403", other, status)
		}
	}
	if status, _ := raw(t, s, "GET", "/about.html", "localhost"); status != http.StatusOK {
		t.Errorf("GET with Host localhost: %d, want 200", status)
	}
	// A folder serves its index.html; without the slash it redirects.
	if status, body := raw(t, s, "GET", "/2024/", host); status != http.StatusOK || !strings.Contains(body, "reload.js") {
		t.Errorf("GET /2024/: %d", status)
	}
	if status, _ := raw(t, s, "GET", "/2024", host); status != http.StatusFound {
		t.Errorf("GET /2024: %d, want a redirect to /2024/", status)
	}
	if status, _ := raw(t, s, "GET", "/no-such-file.csv", host); status != http.StatusNotFound {
		t.Errorf("GET an unknown file: %d, want 404", status)
	}
}

func TestEditionChangeIsAWarningPanel(t *testing.T) {
	var lock []byte
	s, dir, log := start(t, func(dir string) {
		// Published once: editions.lock records 2024 r1.
		_, probs, err := generator.Build(generator.Options{Source: dir})
		if err != nil || probs.HasErrors() {
			t.Fatalf("the first build: %v %v", err, probs)
		}
		var rerr error
		if lock, rerr = os.ReadFile(filepath.Join(dir, "editions.lock")); rerr != nil {
			t.Fatal(rerr)
		}
	})
	page := s.URL() + "2024/index.html"
	if _, body := get(t, page); strings.Contains(body, "dutyreport-preview") {
		t.Fatalf("an unchanged site shows a warning panel:\n%s", body)
	}
	// A published evaluation changes without an erratum: a build would
	// stop; the preview shows the pages with the warning.
	copyWorkbook(t, dir, "changed")
	waitFor(t, "showing the warning panel", func() bool {
		_, body := get(t, page)
		return strings.Contains(body, "dutyreport-preview")
	})
	status, body := get(t, page)
	if status != http.StatusOK {
		t.Errorf("status %d, want 200: a warning does not stop the preview", status)
	}
	for _, want := range []string{"build 将停止：", "dutyreport build 停止", "已发布年度的内容将被改变", "data/2024/民主测评.xlsx"} {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q:\n%s", want, body)
		}
	}
	if now, _ := os.ReadFile(filepath.Join(dir, "editions.lock")); !bytes.Equal(now, lock) {
		t.Error("the preview changed editions.lock")
	}
	if !strings.Contains(log.String(), "警告：已发布年度的内容将被改变") {
		t.Errorf("the log lacks the warning:\n%s", log.String())
	}
}

func TestOnlyInputsTriggerBuilds(t *testing.T) {
	dir := t.TempDir()
	if err := sitetest.WriteSite(dir, testSite); err != nil {
		t.Fatal(err)
	}
	w, err := newWatcher(dir, func() {}, func(problem.Text) {})
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	w.sync()
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"site.yaml", true},
		{"scheme.yaml", true}, // named by site.yaml, in the site folder
		{"editions.lock", true},
		{"data/2024/民主测评.xlsx", true},
		{"data/2024/民主测评.csv", true},
		{"content/about.md", true},
		{"themes/default/layouts/base.html", true},
		{"layouts/unit.html", true},
		{"i18n/zh-CN.yaml", true},
		{"assets/style.css", true},
		{"README.md", false},
		{"notes.txt", false},
		{"data/2024/~$民主测评.xlsx", false},
		{"data/2024/.~lock.民主测评.xlsx#", false},
		{"content/.about.md.swp", false},
		{"content/about.md~", false},
		{"content/.#about.md", false},
		{"content/4913", false},
		{".dutyreport-cache/ab/cd", false},
		{"public/index.html", false},
		{"dashboard/index.html", false},
		{".dutyreport-tmp-public-123/index.html", false},
	} {
		ev := fsnotify.Event{Name: filepath.Join(dir, filepath.FromSlash(tc.name)), Op: fsnotify.Write}
		if got := w.matters(ev); got != tc.want {
			t.Errorf("a change of %s matters: %v, want %v", tc.name, got, tc.want)
		}
	}
	// site.yaml gone for a moment (a checkout, an editor saving by rename):
	// the inputs still matter once it is back.
	if err := os.Rename(filepath.Join(dir, "site.yaml"), filepath.Join(dir, "site.yaml.away")); err != nil {
		t.Fatal(err)
	}
	w.sync()
	if err := os.Rename(filepath.Join(dir, "site.yaml.away"), filepath.Join(dir, "site.yaml")); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"site.yaml", "content/about.md"} {
		if !w.matters(fsnotify.Event{Name: filepath.Join(dir, filepath.FromSlash(name)), Op: fsnotify.Write}) {
			t.Errorf("after site.yaml was missing, a change of %s no longer matters", name)
		}
	}
}

func TestSitePath(t *testing.T) {
	for _, tc := range []struct {
		target, name string
		folder, ok   bool
	}{
		{"/", ".", true, true},
		{"/index.html", "index.html", false, true},
		{"/2024/", "2024", true, true},
		{"/2024/units/T01.html?x=1", "2024/units/T01.html", false, true},
		{"/%E5%8D%95%E4%BD%8D.html", "单位.html", false, true},
		{"/../x", "", false, false},
		{"/a/../x", "", false, false},
		{"/a/./x", "", false, false},
		{"/a//x", "", false, false},
		{"//x", "", false, false},
		{"/%2e%2e/x", "", false, false},
		{"/a%2fb", "", false, false},
		{"/a\\b", "", false, false},
		{"/a%5cb", "", false, false},
		{"/a%00b", "", false, false},
		{"/c:/x", "", false, false},
	} {
		r, err := http.ReadRequest(bufio.NewReader(strings.NewReader("GET " + tc.target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")))
		if err != nil {
			t.Errorf("%s: %v", tc.target, err)
			continue
		}
		name, folder, ok := sitePath(r)
		if name != tc.name || folder != tc.folder || ok != tc.ok {
			t.Errorf("sitePath(%s) = %q, %v, %v; want %q, %v, %v", tc.target, name, folder, ok, tc.name, tc.folder, tc.ok)
		}
	}
}

// TestCheckAddr: the public site may be previewed on the office network, the
// dashboard, which names persons, on this computer only.
func TestCheckAddr(t *testing.T) {
	for _, tc := range []struct {
		addr, audience string
		ok             bool
	}{
		{"127.0.0.1:8080", config.Internal, true},
		{"[::1]:0", config.Internal, true},
		{"localhost:8080", config.Internal, true},
		{"0.0.0.0:8080", config.Internal, false},
		{"192.168.1.20:8080", config.Internal, false},
		{"0.0.0.0:8080", config.Public, true},
		{"8080", config.Public, false},
	} {
		if err := checkAddr(tc.addr, tc.audience); (err == nil) != tc.ok {
			t.Errorf("checkAddr(%q, %s): %v, want ok=%v", tc.addr, tc.audience, err, tc.ok)
		}
	}
}
