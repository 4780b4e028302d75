package config

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// site.yaml and the scheme are read through the site folder as a root
// (issue 26): a symlink out of the site, or to a device, and a scheme path
// out of the site, are config.not-a-file at their path and never read,
// while a symlink inside the site is followed. Every file outside holds a
// valid configuration, so had one been read there would be no problem.
func TestConfigReadOnlyInsideTheSite(t *testing.T) {
	const site = "title: t\nscheme: schemes/s.yaml\nyears: [{year: 2024}]\n"
	outside := t.TempDir()
	for name, data := range map[string]string{"site.yaml": site, "x.yaml": minimalScheme} {
		if err := os.WriteFile(filepath.Join(outside, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// link makes dir/name a symlink to target, after removing the file.
	link := func(t *testing.T, dir, name, target string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	// up climbs from dir/name to the root, for relative links out.
	up := func(dir, name string) string {
		rel, err := filepath.Rel(filepath.Dir(filepath.Join(dir, filepath.FromSlash(name))), outside)
		if err != nil {
			t.Fatal(err)
		}
		return rel
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		want  []string // position and code of each problem
	}{
		{"site.yaml links out, absolute", func(t *testing.T, dir string) {
			link(t, dir, "site.yaml", filepath.Join(outside, "site.yaml"))
		}, []string{"site.yaml config.not-a-file"}},
		{"site.yaml links out, relative", func(t *testing.T, dir string) {
			link(t, dir, "site.yaml", filepath.Join(up(dir, "site.yaml"), "site.yaml"))
		}, []string{"site.yaml config.not-a-file"}},
		{"site.yaml is a device", func(t *testing.T, dir string) {
			link(t, dir, "site.yaml", "/dev/zero")
		}, []string{"site.yaml config.not-a-file"}},
		{"the scheme links out, absolute", func(t *testing.T, dir string) {
			link(t, dir, "schemes/s.yaml", filepath.Join(outside, "x.yaml"))
		}, []string{"schemes/s.yaml config.not-a-file"}},
		{"the scheme links out, relative", func(t *testing.T, dir string) {
			link(t, dir, "schemes/s.yaml", filepath.Join(up(dir, "schemes/s.yaml"), "x.yaml"))
		}, []string{"schemes/s.yaml config.not-a-file"}},
		{"the scheme is a device", func(t *testing.T, dir string) {
			link(t, dir, "schemes/s.yaml", "/dev/zero")
		}, []string{"schemes/s.yaml config.not-a-file"}},
		{"the scheme is a folder", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "schemes", "s.yaml")
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
		}, []string{"schemes/s.yaml config.not-a-file"}},
		{"the schemes folder links out", func(t *testing.T, dir string) {
			if err := os.RemoveAll(filepath.Join(dir, "schemes")); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(outside, filepath.Join(dir, "schemes")); err != nil {
				t.Skip("no symlinks here:", err)
			}
			if err := os.Rename(filepath.Join(outside, "x.yaml"), filepath.Join(outside, "s.yaml")); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Rename(filepath.Join(outside, "s.yaml"), filepath.Join(outside, "x.yaml")) })
		}, []string{"schemes/s.yaml config.not-a-file"}},
		{"the scheme path climbs out", func(t *testing.T, dir string) {
			write(t, dir, "site.yaml", "title: t\nscheme: "+filepath.ToSlash(filepath.Join(up(dir, "site.yaml"), "x.yaml"))+"\nyears: [{year: 2024}]\n")
		}, []string{"site.yaml:2:9 config.not-a-file"}},
		{"the scheme path is ../x.yaml", func(t *testing.T, dir string) {
			write(t, dir, "site.yaml", "title: t\nscheme: ../x.yaml\nyears: [{year: 2024}]\n")
			write(t, filepath.Dir(dir), "x.yaml", minimalScheme)
		}, []string{"site.yaml:2:9 config.not-a-file"}},
		{"the scheme path is absolute", func(t *testing.T, dir string) {
			write(t, dir, "site.yaml", "title: t\nscheme: "+filepath.ToSlash(filepath.Join(outside, "x.yaml"))+"\nyears: [{year: 2024}]\n")
		}, []string{"site.yaml:2:9 config.not-a-file"}},
		{"symlinks inside the site are read", func(t *testing.T, dir string) {
			if err := os.MkdirAll(filepath.Join(dir, "real"), 0o755); err != nil {
				t.Fatal(err)
			}
			write(t, dir, "real/site.yaml", site)
			write(t, dir, "real/s.yaml", minimalScheme)
			link(t, dir, "site.yaml", filepath.Join("real", "site.yaml"))
			link(t, dir, "schemes/s.yaml", filepath.Join("..", "real", "s.yaml"))
		}, nil},
		// os.Root takes no absolute symlink, even one that leads into the
		// site: the site may be moved or copied, and the link would then
		// read another site's scheme.
		{"an absolute symlink into the site is refused", func(t *testing.T, dir string) {
			write(t, dir, "x.yaml", minimalScheme)
			link(t, dir, "schemes/s.yaml", filepath.Join(dir, "x.yaml"))
		}, []string{"schemes/s.yaml config.not-a-file"}},
		{"a missing scheme is still unreadable", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, "schemes", "s.yaml")); err != nil {
				t.Fatal(err)
			}
		}, []string{"schemes/s.yaml config.unreadable"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// Each site in a folder of its own, so that ../x.yaml is outside.
			dir := filepath.Join(t.TempDir(), "site")
			if err := os.MkdirAll(filepath.Join(dir, "schemes"), 0o755); err != nil {
				t.Fatal(err)
			}
			write(t, dir, "site.yaml", site)
			write(t, dir, "schemes/s.yaml", minimalScheme)
			tc.setup(t, dir)
			c, probs := Load(dir)
			var got []string
			for _, p := range probs {
				got = append(got, p.Pos.String()+" "+string(p.Code))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if tc.want == nil && (c.Site.Title != "t" || c.Scheme.Name != "s") {
				t.Errorf("the linked files should be read, got site %q, scheme %q", c.Site.Title, c.Scheme.Name)
			}
			if tc.want != nil && c.Scheme.Name != "" {
				t.Errorf("a file outside the site was read: scheme %q", c.Scheme.Name)
			}
		})
	}
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
