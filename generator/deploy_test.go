package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dutyreport/generator/config"
)

// TestInternalBuildWritesDeploy: an internal build writes the servers'
// configuration into the site's deploy/ folder from site.yaml's deploy
// keys (the public build writes none), and a next build with nothing
// changed is still up to date: deploy/ is the build's, not an input.
func TestInternalBuildWritesDeploy(t *testing.T) {
	t.Parallel()
	dir := footerSite(t, "footer: {operator: 测试县纪委监委}\ndeploy: {server_name: kaohe.example.gov.cn, internal_path: /neibu/, htpasswd: /etc/nginx/kaohe.htpasswd}")
	if _, probs, err := Build(Options{Source: dir}); err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	if _, err := os.Stat(filepath.Join(dir, DeployDir)); err == nil {
		t.Error("a public build wrote deploy/")
	}
	internal := Options{Source: dir, Audience: config.Internal}
	if _, probs, err := Build(internal); err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	conf, err := os.ReadFile(filepath.Join(dir, DeployDir, "nginx.conf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"server_name kaohe.example.gov.cn;", "location /neibu/ {", "auth_basic_user_file /etc/nginx/kaohe.htpasswd;", `add_header X-Robots-Tag "noindex, nofollow" always;`, "autoindex off;"} {
		if !strings.Contains(string(conf), want) {
			t.Errorf("nginx.conf lacks %q", want)
		}
	}
	iis, err := os.ReadFile(filepath.Join(dir, DeployDir, "dashboard.web.config"))
	if err != nil || !strings.Contains(string(iis), `<windowsAuthentication enabled="true" />`) || !strings.Contains(string(iis), `<anonymousAuthentication enabled="false" />`) {
		t.Errorf("the dashboard's web.config: %v\n%s", err, iis)
	}
	if rep, _, err := Build(internal); err != nil || !rep.UpToDate {
		t.Errorf("the next internal build is not up to date: %+v %v", rep, err)
	}
}
