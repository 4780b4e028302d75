package deploy

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dutyreport/generator/config"
)

// TestNginxServesTheAudiences starts Debian's nginx on loopback with the
// configuration written for a site: the public site is served as it is,
// with the security headers; the dashboard is refused without credentials
// and served with them, never indexed; the user's files of the output
// folder (.git) are not served. `make test` installs nginx and sets
// DUTYREPORT_REQUIRE_NGINX, so that CI cannot skip it.
func TestNginxServesTheAudiences(t *testing.T) {
	nginx, err := exec.LookPath("nginx")
	if err != nil {
		nginx = "/usr/sbin/nginx"
		if _, err := os.Stat(nginx); err != nil {
			if os.Getenv("DUTYREPORT_REQUIRE_NGINX") != "" {
				t.Fatal("nginx is not installed: make nginx installs Debian's package")
			}
			t.Skip("nginx is not installed (make nginx)")
		}
	}
	dir := t.TempDir()
	pub, dash := filepath.Join(dir, "public"), filepath.Join(dir, "dashboard")
	for p, data := range map[string]string{
		filepath.Join(pub, "index.html"): "公开网站", filepath.Join(pub, ".git", "HEAD"): "ref: refs/heads/main",
		filepath.Join(dash, "index.html"): "内部版", filepath.Join(dir, "htpasswd"): "office:{PLAIN}secret\n",
	} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	files, err := Files(config.Deploy{ServerName: "localhost", Listen: addr, PublicRoot: pub, InternalRoot: dash,
		InternalPath: "/internal", Htpasswd: filepath.Join(dir, "htpasswd")})
	if err != nil {
		t.Fatal(err)
	}
	user := ""
	if os.Geteuid() == 0 {
		user = "user root;" // the workers read the test's folders
	}
	main := fmt.Sprintf(`%s
worker_processes 1;
daemon off;
pid %[2]s/nginx.pid;
error_log %[2]s/error.log;
events { worker_connections 32; }
http {
    access_log off;
    client_body_temp_path %[2]s/body;
    proxy_temp_path %[2]s/proxy;
    fastcgi_temp_path %[2]s/fastcgi;
    uwsgi_temp_path %[2]s/uwsgi;
    scgi_temp_path %[2]s/scgi;
    types { text/html html; }
    include %[2]s/dutyreport.conf;
}
`, user, dir)
	os.WriteFile(filepath.Join(dir, "main.conf"), []byte(main), 0o644)
	os.WriteFile(filepath.Join(dir, "dutyreport.conf"), files["nginx.conf"], 0o644)
	cmd := exec.Command(nginx, "-p", dir, "-c", filepath.Join(dir, "main.conf"))
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	get := func(path, user, pass string) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", "http://"+addr+path, nil)
		if user != "" {
			req.SetBasicAuth(user, pass)
		}
		var resp *http.Response
		for i := 0; i < 50; i++ { // until nginx listens
			if resp, err = http.DefaultClient.Do(req); err == nil {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
		if err != nil {
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("GET %s: %v\n%s", path, err, log)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp, string(body)
	}
	resp, body := get("/", "", "")
	if resp.StatusCode != 200 || !strings.Contains(body, "公开网站") {
		t.Errorf("the public site: %d %q", resp.StatusCode, body)
	}
	for _, h := range Headers {
		if got := resp.Header.Get(h[0]); got != h[1] {
			t.Errorf("the public site's %s is %q, want %q", h[0], got, h[1])
		}
	}
	if resp, _ := get("/.git/HEAD", "", ""); resp.StatusCode != 404 {
		t.Errorf("the output folder's .git is served: %d", resp.StatusCode)
	}
	if resp, body := get("/internal/", "", ""); resp.StatusCode != 401 || strings.Contains(body, "内部版") {
		t.Errorf("the dashboard without credentials: %d %q", resp.StatusCode, body)
	}
	if resp, _ := get("/internal/", "office", "wrong"); resp.StatusCode != 401 {
		t.Errorf("the dashboard with a wrong password: %d", resp.StatusCode)
	}
	resp, body = get("/internal/", "office", "secret")
	if resp.StatusCode != 200 || !strings.Contains(body, "内部版") || resp.Header.Get("X-Robots-Tag") != "noindex, nofollow" {
		t.Errorf("the dashboard with credentials: %d %q %v", resp.StatusCode, body, resp.Header)
	}
}
