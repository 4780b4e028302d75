package render

import (
	"bytes"
	"fmt"
	"strconv"

	"dutyreport/generator/diff"
)

// DiffSection is one part of a diff in words: a heading and its lines.
type DiffSection struct {
	Title string
	Lines []string
}

// DiffTitle names the comparison: "2023年相对于2022年的变化".
func (t *Theme) DiffTitle(d *diff.Diff) string {
	return fmt.Sprintf(t.String("changes_title"), t.edition(d.To), t.edition(d.From))
}

func (t *Theme) edition(l diff.Label) string {
	if l.Revision > 0 {
		return fmt.Sprintf(t.String("edition_revision"), strconv.Itoa(l.Year), strconv.Itoa(l.Revision))
	}
	return fmt.Sprintf(t.String("edition_year"), strconv.Itoa(l.Year))
}

// DiffSections words a diff in the theme's language, one section per kind
// of change that has any, in a fixed order. The changes page, and the text
// and Markdown of `dutyreport diff`, are all made from it.
func (t *Theme) DiffSections(d *diff.Diff) []DiffSection {
	paren := func(s string) string { return fmt.Sprintf(t.String("paren"), s) }
	unit := func(name, code string) string { return name + paren(code) }
	colon := t.String("colon")
	var out []DiffSection
	add := func(key string, lines []string) {
		if len(lines) > 0 {
			out = append(out, DiffSection{Title: fmt.Sprintf(t.String(key), strconv.Itoa(len(lines))), Lines: lines})
		}
	}
	var lines []string
	for _, m := range d.Moves {
		lines = append(lines, fmt.Sprintf("%s%s%s%d → %d%s", m.Name, paren(m.Code+t.String("comma")+m.Group), colon, m.From, m.To, paren(fmt.Sprintf("%+d", m.By))))
	}
	add("changes_moves", lines)
	lines = nil
	for _, b := range d.Bands {
		lines = append(lines, unit(b.Name, b.Code)+colon+b.From+" → "+b.To)
	}
	add("changes_bands", lines)
	for _, part := range []struct {
		key string
		cs  []diff.Consequence
	}{{"changes_gained", d.Gained}, {"changes_lost", d.Lost}} {
		lines = nil
		for _, c := range part.cs {
			lines = append(lines, unit(c.Name, c.Code)+colon+c.Consequence)
		}
		add(part.key, lines)
	}
	for _, part := range []struct {
		key string
		ns  []diff.Notice
	}{{"changes_notices_added", d.NoticesAdded}, {"changes_notices_removed", d.NoticesRemoved}} {
		lines = nil
		for _, n := range part.ns {
			lines = append(lines, n.Number+" "+n.Title+paren(n.Unit))
		}
		add(part.key, lines)
	}
	for _, part := range []struct {
		key string
		us  []diff.UnitChange
	}{{"changes_created", d.Created}, {"changes_renamed", d.Renamed}, {"changes_merged", d.Merged}, {"changes_dropped", d.Dropped}} {
		lines = nil
		for _, u := range part.us {
			switch {
			case u.OldName != "":
				lines = append(lines, u.OldName+" → "+unit(u.Name, u.Code))
			case u.Into != "":
				lines = append(lines, unit(u.Name, u.Code)+" → "+unit(u.IntoName, u.Into))
			default:
				lines = append(lines, unit(u.Name, u.Code))
			}
		}
		add(part.key, lines)
	}
	return out
}

// DiffText writes a diff as plain text, or as Markdown, for reviewers and
// for pasting into a report.
func (t *Theme) DiffText(d *diff.Diff, markdown bool) []byte {
	var b bytes.Buffer
	title, head, item := "%s\n", "\n%s\n", "  %s\n"
	if markdown {
		title, head, item = "# %s\n", "\n## %s\n\n", "- %s\n"
	}
	fmt.Fprintf(&b, title, t.DiffTitle(d))
	sections := t.DiffSections(d)
	if len(sections) == 0 {
		fmt.Fprintf(&b, head, t.String("changes_none"))
	}
	for _, s := range sections {
		fmt.Fprintf(&b, head, s.Title)
		for _, l := range s.Lines {
			fmt.Fprintf(&b, item, l)
		}
	}
	return b.Bytes()
}
