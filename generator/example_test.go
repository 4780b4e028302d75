package generator

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/view"
)

// The example site (the repository root) is built once per test binary for
// each audience, loaded once and rendered in memory once for each
// audience, and shared by every test that only reads it (STYLE.md §8: it
// took some 16 builds before, most of the package's time). A test that
// needs another site, a changed copy or a build of its own (two builds
// compared) still makes its own.
//
// What the helpers return is shared: a test must not change it. The maps
// of files are copies (a test may delete from them), their contents are
// not.

// sharedOnce is the result of one piece of work done once for the whole
// test binary, or why it failed: every test that asks for it fails then.
type sharedOnce[T any] struct {
	once sync.Once
	v    T
	err  string
}

func (s *sharedOnce[T]) get(t testing.TB, work func() (T, string)) T {
	t.Helper()
	s.once.Do(func() { s.v, s.err = work() })
	if s.err != "" {
		t.Fatal(s.err)
	}
	return s.v
}

var (
	// exampleOut holds the shared builds, one folder per audience; it
	// outlives the test that made it and is removed by TestMain.
	exampleOut     string
	exampleOutOnce sync.Once
	exampleBuilds  = map[string]*sharedOnce[map[string][]byte]{config.Public: {}, config.Internal: {}}
	exampleLoaded  sharedOnce[inputs]
	exampleRenders = map[string]*sharedOnce[renderedSite]{config.Public: {}, config.Internal: {}}
)

func TestMain(m *testing.M) {
	code := m.Run()
	if exampleOut != "" {
		os.RemoveAll(exampleOut)
	}
	os.Exit(code)
}

// exampleTree gives every file of one audience's build of the example
// site, as buildExample makes it, keyed by slash path. It is built once.
func exampleTree(t testing.TB, audience string) map[string][]byte {
	t.Helper()
	b, ok := exampleBuilds[audience]
	if !ok {
		t.Fatalf("no shared build for the audience %q", audience)
	}
	files := b.get(t, func() (map[string][]byte, string) {
		exampleOutOnce.Do(func() { exampleOut, _ = os.MkdirTemp("", "dutyreport-example-") })
		if exampleOut == "" {
			return nil, "no temp folder for the example's builds"
		}
		out := filepath.Join(exampleOut, audience)
		_, probs, err := Build(Options{Source: exampleSite, Out: out, Audience: audience})
		if err != nil {
			return nil, fmt.Sprintf("building the example site (%s): %v", audience, err)
		}
		if probs.HasErrors() {
			return nil, fmt.Sprintf("the example site has problems (%s):\n%v", audience, probs)
		}
		files, err := readTree(out)
		if err != nil {
			return nil, err.Error()
		}
		return files, ""
	})
	return maps.Clone(files)
}

// exampleInputs gives the example site loaded as a build loads it, without
// the cache and the archived editions, once. Change a copy of what it points to, never
// the inputs themselves.
func exampleInputs(t testing.TB) inputs {
	t.Helper()
	return exampleLoaded.get(t, func() (inputs, string) {
		in, probs := load(exampleSite, "", nil, nil)
		if probs.HasErrors() {
			return in, fmt.Sprintf("the example site has problems:\n%v", probs)
		}
		return in, ""
	})
}

// renderedSite is one audience's view of the example and its files
// rendered in memory.
type renderedSite struct {
	site  *view.Site
	files map[string][]byte
}

// exampleRender gives renderExample of the shared inputs for one audience,
// rendered once.
func exampleRender(t *testing.T, audience string) (*view.Site, map[string][]byte) {
	t.Helper()
	r, ok := exampleRenders[audience]
	if !ok {
		t.Fatalf("no shared render for the audience %q", audience)
	}
	in := exampleInputs(t)
	got := r.get(t, func() (renderedSite, string) {
		site, files, err := renderSite(in, audience)
		if err != nil {
			return renderedSite{}, fmt.Sprintf("rendering the example (%s): %v", audience, err)
		}
		return renderedSite{site, files}, ""
	})
	return got.site, maps.Clone(got.files)
}
