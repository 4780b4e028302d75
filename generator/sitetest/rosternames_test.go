package sitetest

import (
	"slices"
	"testing"
	"time"
	"unicode/utf8"

	"dutyreport/generator/redact"
)

// substrings gives every substring of at least two characters of name,
// name itself included.
func substrings(name string) []string {
	rs := []rune(name)
	var out []string
	for i := range rs {
		for j := i + 2; j <= len(rs); j++ {
			out = append(out, string(rs[i:j]))
		}
	}
	return out
}

// TestRosterNames checks the whole enumeration: every name once, none part
// of another, none equal to, part of or containing a name the case
// registers, the content or the example's roster can draw, and each read
// with the surname it was made with.
func TestRosterNames(t *testing.T) {
	t.Parallel()
	// The names drawn elsewhere: the case registers' and the example
	// roster's (surnames × givenNames, 欧阳 + givenNames), the content's.
	drawable := map[string]bool{twiceHeld: true}
	for _, n := range contentNames {
		drawable[n] = true
	}
	for _, g := range givenNames {
		drawable[compoundSurname+g] = true
		for _, s := range surnames {
			drawable[s+g] = true
		}
	}
	partOfDrawable := map[string]bool{}
	for n := range drawable {
		for _, sub := range substrings(n) {
			partOfDrawable[sub] = true
		}
	}

	compounds := redact.DefaultCompoundSurnames()
	total := rosterNames()
	seen := make(map[string]bool, total)
	for k := range total {
		surname, given, ok := rosterName(k)
		if !ok {
			t.Fatalf("rosterName(%d) is past the end; rosterNames() = %d", k, total)
		}
		name := surname + given
		if seen[name] {
			t.Fatalf("rosterName(%d) = %s, made before", k, name)
		}
		seen[name] = true
		if utf8.RuneCountInString(given) != 2 {
			t.Fatalf("rosterName(%d) = %s + %s: given name not two characters", k, surname, given)
		}
		if partOfDrawable[name] {
			t.Fatalf("rosterName(%d) = %s is, or is part of, a name drawn elsewhere", k, name)
		}
		for _, sub := range substrings(name) {
			if drawable[sub] {
				t.Fatalf("rosterName(%d) = %s contains %s, a name drawn elsewhere", k, name, sub)
			}
		}
		// The masking reads the surname the name was made with: 王某, not
		// a compound surname made of a surname and a given-name character.
		if len([]rune(surname)) == 1 {
			if first2 := string([]rune(name)[:2]); slices.Contains(compounds, first2) {
				t.Fatalf("rosterName(%d) = %s starts with the compound surname %s", k, name, first2)
			}
		} else if !slices.Contains(compounds, surname) {
			t.Fatalf("rosterName(%d) = %s: %s is not a compound surname the masking knows", k, name, surname)
		}
	}
	if _, _, ok := rosterName(total); ok {
		t.Errorf("rosterName(%d) makes a name past rosterNames()", total)
	}
	// None part of another: names of one length are distinct, so only the
	// longer ones can contain a shorter one.
	for name := range seen {
		rs := []rune(name)
		for i := range rs {
			for j := i + 1; j <= len(rs); j++ {
				if sub := string(rs[i:j]); (i > 0 || j < len(rs)) && seen[sub] {
					t.Fatalf("%s contains %s", name, sub)
				}
			}
		}
	}
}

// TestLargeRoster writes the roster of the 1,000,000-row ledger's county
// (11,236 towns, 56,180 posts), which once never finished: the draw
// retried at random, checking each name against every name drawn before,
// until none was left. It must now take a moment, and give every post a
// name of its own that no other contains.
func TestLargeRoster(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("writes a roster of 56,000 posts")
	}
	cfg, err := loadSite("../..")
	if err != nil {
		t.Fatal(err)
	}
	c, err := newCounty("合成省", &cfg.Scheme, provinceLast, manyTowns(&cfg.Scheme, 1_000_000))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.addYear(provinceLast); err != nil {
		t.Fatal(err)
	}
	cases := map[int][]exampleCase{provinceLast: c.cases(provinceLast, c.best(c.years[0]))}
	start := time.Now()
	rosters, err := c.rosters(cases)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	posts := rosters[provinceLast]
	if want := len(c.units) * slots; len(posts) != want {
		t.Fatalf("%d posts; want %d (%d towns × %d)", len(posts), want, len(c.units), slots)
	}
	names := map[string]bool{}
	for _, p := range posts {
		if names[p.name] {
			t.Fatalf("%s holds two posts", p.name)
		}
		names[p.name] = true
	}
	for name := range names {
		for _, sub := range substrings(name) {
			if sub != name && names[sub] {
				t.Fatalf("%s contains %s, another post's holder", name, sub)
			}
		}
	}
	if took > 10*time.Second {
		t.Errorf("the roster of %d posts took %s", len(posts), took)
	}
	t.Logf("%d posts in %s", len(posts), took.Round(time.Millisecond))
}
