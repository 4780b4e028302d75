package sitetest

import (
	"strings"
	"testing"

	"dutyreport/generator/fold"
)

func TestDisguisesAreDistinctAndFoldBack(t *testing.T) {
	for _, s := range []string{"张三", "欧阳明远", "买买提·艾力", "张小明", "110105198001011230", "110105800101123",
		"13812345678", "0914-2321234", "6222021234567890123", "zhangsan@example.com"} {
		ds := Disguises(s)
		if ds[0] != (Disguise{"plain", s}) {
			t.Errorf("%s: first disguise %v, want the plain text", s, ds[0])
		}
		labels, texts := map[string]bool{}, map[string]bool{}
		for _, d := range ds {
			if labels[d.Label] || texts[d.Text] {
				t.Errorf("%s: disguise %q (%q) given twice", s, d.Label, d.Text)
			}
			labels[d.Label], texts[d.Text] = true, true
			// Those that fold has no markup to see through must fold
			// back to the plain text's key.
			switch d.Label {
			case "traditional", "look-alike", "full-width", "full-width-at", "full-width-letters", "upper-case",
				"zero-width", "thin-space", "soft-hyphen", "word-joiner", "bom", "hangul-filler", "decimal-refs",
				"hex-refs", "half-ref", "nbsp-entity", "percent", "dot-omitted", "dot-full-stop", "dot-hyphen", "dot-katakana":
				want := strings.NewReplacer("-", "", " ", "").Replace(fold.Key(s))
				if got := strings.NewReplacer("-", "", " ", "").Replace(fold.Key(d.Text)); got != want {
					t.Errorf("%s: %s disguise %q folds to %q, want %q", s, d.Label, d.Text, got, want)
				}
			}
		}
		t.Logf("%s: %d disguises", s, len(ds))
	}
	if l := lookAlike("买买提·艾力"); l == "买买提·艾力" {
		t.Errorf("no look-alike for 买买提·艾力 (力 has the Kangxi radical ⼒)")
	}
}
