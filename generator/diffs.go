package generator

import (
	"fmt"
	"strconv"
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/diff"
	"dutyreport/generator/problem"
	"dutyreport/generator/render"
	"dutyreport/generator/view"
)

// Diff compares two years of the site as an audience sees them (in public,
// with the notices' names masked), for `dutyreport diff`. The theme words
// the result in the site's language. A year the audience lacks is a
// usage error that lists the years it has.
func Diff(o Options, from, to int) (*diff.Diff, *render.Theme, problem.List, error) {
	if o.Audience == "" {
		o.Audience = config.Public
	}
	in, probs := load(o.Source, o.cacheDir())
	if probs.HasErrors() {
		return nil, nil, probs, nil
	}
	probs = probs.Errors() // warnings are the build's to print
	theme, tprobs := loadTheme(in.cfg)
	if tprobs.HasErrors() {
		return nil, nil, tprobs, nil
	}
	site := in.view(o.Audience)
	years := map[int]*view.Year{}
	var have []string
	for _, y := range site.Years {
		years[y.Year] = y
		have = append(have, strconv.Itoa(y.Year))
	}
	for _, y := range []int{from, to} {
		if years[y] == nil {
			return nil, nil, probs, &UsageError{fmt.Sprintf("the %s site has no year %d; it has %s", o.Audience, y, strings.Join(have, ", "))}
		}
	}
	return diff.Compare(view.Edition(years[from]), view.Edition(years[to])), theme, probs, nil
}
