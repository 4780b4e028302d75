package generator

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"dutyreport/generator/write"
)

// TestFormatsBuildTheSame builds a one-year site three times: with its
// inputs as .xlsx, then with its evaluation and ledger as LibreOffice saved
// them as Excel 97-2003 .xls (make.sh in ingest/testdata/formats), and
// compares what the builds wrote, byte for byte: the format a clerk's
// office sends is no part of the published result. Only the year's
// manifest differs, where it names the files read and their digests.
func TestFormatsBuildTheSame(t *testing.T) {
	t.Parallel()
	fixtures := filepath.Join("ingest", "testdata", "formats")
	scheme, err := os.ReadFile(filepath.Join(exampleSite, "schemes", "shangnan.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	build := func(format string) map[string][]byte {
		dir := filepath.Join(t.TempDir(), "site")
		if err := os.CopyFS(dir, os.DirFS(filepath.Join(fixtures, "site"))); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, "schemes"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "schemes", "shangnan.yaml"), scheme, 0o644); err != nil {
			t.Fatal(err)
		}
		if format != "xlsx" {
			for _, name := range []string{"民主测评", "纪实台账"} {
				data, err := os.ReadFile(filepath.Join(fixtures, format, name+"."+format))
				if err != nil {
					t.Fatal(err)
				}
				os.Remove(filepath.Join(dir, "data", "2024", name+".xlsx"))
				if err := os.WriteFile(filepath.Join(dir, "data", "2024", name+"."+format), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		out := filepath.Join(t.TempDir(), "public")
		rep, probs, err := Build(Options{Source: dir, Out: out})
		if err != nil || probs.HasErrors() {
			t.Fatalf("%s: %v\n%v", format, err, probs)
		}
		if rep.Pages < 10 {
			t.Fatalf("%s: %d pages", format, rep.Pages)
		}
		return tree(t, out)
	}
	want := build("xlsx")
	for _, format := range []string{"xls", "ods"} {
		got := build(format)
		for _, p := range slices.Sorted(mapKeys(want, got)) {
			switch {
			case p == write.ManifestFile: // its digests are of the files compared here
			case filepath.Base(p) == "manifest.json":
				a, b := manifestInputs(t, want[p], format), manifestInputs(t, got[p], "")
				if a != b {
					t.Errorf("%s: %s:\n%s\nwant\n%s", format, p, b, a)
				}
			case !bytes.Equal(got[p], want[p]):
				t.Errorf("%s: %s differs from the .xlsx build's", format, p)
			}
		}
	}
}

// manifestInputs gives a manifest as JSON with the digests of the
// evaluation and ledger left out, and, when as is set, their paths given
// that extension: what the manifest of a build from those formats says.
func manifestInputs(t *testing.T, data []byte, as string) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	inputs, _ := m["inputs"].([]any)
	for _, in := range inputs {
		e := in.(map[string]any)
		p := e["path"].(string)
		for _, name := range []string{"民主测评", "纪实台账"} {
			if stem := "data/2024/" + name + "."; len(p) > len(stem) && p[:len(stem)] == stem {
				e["digest"] = "(its own)"
				if as != "" {
					e["path"] = stem + as
				}
			}
		}
	}
	out, _ := json.MarshalIndent(m, "", " ")
	return string(out)
}

// mapKeys gives the keys of both maps.
func mapKeys(a, b map[string][]byte) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range a {
			if !yield(k) {
				return
			}
		}
		for k := range b {
			if _, ok := a[k]; !ok && !yield(k) {
				return
			}
		}
	}
}
