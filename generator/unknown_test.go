package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dutyreport/generator/problem"
)

// privacyCodes lists the problems of the check for unknown names in probs.
func privacyCodes(probs problem.List) []string {
	var out []string
	for _, p := range probs {
		if p.Code == problem.PrivacyUnknownName || p.Code == problem.PrivacyUnlistedWhistleblower {
			out = append(out, p.Pos.String()+" "+p.Severity.String()+" "+string(p.Code)+" "+p.Found)
		}
	}
	return out
}

// Issue 19, part 4: the example sites name no one a register does not
// know, without a word of redaction.allow; nor does the adversarial
// privacy site, whose whistleblower and witness are the case's.
func TestPrivacyExamplesNameNoUnknownPerson(t *testing.T) {
	t.Parallel()
	for _, dir := range []string{exampleSite, filepath.Join(exampleSite, "examples", "jingzhou"), writePrivacySite(t)} {
		if got := privacyCodes(Check(Options{Source: dir})); len(got) > 0 {
			t.Errorf("%s: %s", dir, strings.Join(got, "\n\t"))
		}
	}
}

// An unknown name stops the check and the public build, which writes
// nothing; the dashboard, which names persons anyway, is built with a
// warning.
func TestPrivacyUnknownNameStopsThePublicBuildOnly(t *testing.T) {
	t.Parallel()
	dir := writePrivacySite(t)
	page := "# 致谢\n\n感谢王小明同志。\n"
	if err := os.WriteFile(filepath.Join(dir, "content", "thanks.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "content/thanks.md:3 error privacy.unknown-name 王某同志（3 个字）"
	if got := privacyCodes(Check(Options{Source: dir})); strings.Join(got, "\n") != want {
		t.Errorf("check: %q, want %q", got, want)
	}
	out := filepath.Join(dir, "public")
	_, probs, err := Build(Options{Source: dir, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	if got := privacyCodes(probs); !probs.HasErrors() || strings.Join(got, "\n") != want {
		t.Errorf("public build: %q, want %q", got, want)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the public build wrote %s: %v", out, err)
	}
	rep, probs, err := Build(Options{Source: dir, Out: filepath.Join(dir, "dashboard"), Audience: "internal"})
	if err != nil || probs.HasErrors() {
		t.Fatal(err, probs)
	}
	if got := privacyCodes(rep.Warnings); len(got) != 1 || !strings.Contains(got[0], "warning privacy.unknown-name") {
		t.Errorf("internal build: warnings %q, want the unknown name", got)
	}
}

// A witness the case does not list stops every audience's build: no
// audience may show a whistleblower or witness, and the masking removes
// only the listed ones.
func TestPrivacyUnlistedWitnessStopsEveryBuild(t *testing.T) {
	t.Parallel()
	dir := writePrivacySite(t)
	notice := filepath.Join(dir, "content", "notices", "1.md")
	data, err := os.ReadFile(notice)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(notice, append(data, "\n证人孙七在场。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, audience := range []string{"public", "internal"} {
		_, probs, err := Build(Options{Source: dir, Out: filepath.Join(dir, audience), Audience: audience})
		if err != nil {
			t.Fatal(err)
		}
		got := privacyCodes(probs)
		if len(got) != 1 || !strings.Contains(got[0], "error privacy.unlisted-whistleblower 证人孙某（2 个字）") {
			t.Errorf("%s: %q, want the unlisted witness as an error", audience, got)
		}
	}
}
