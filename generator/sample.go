package generator

import (
	"dutyreport/generator/config"
	"dutyreport/generator/content"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// samples reports each input that is still the sample of `dutyreport new`
// in a site that does not say it shows sample data (site.yaml's sample:
// true): a workbook marked sample, a Markdown page or notice or the scheme
// with sample: true. Deleting sample: true from site.yaml with the sample
// still in place would otherwise publish the sample as the county's
// results, and freeze it as an edition. Every such file is named at once.
func samples(cfg *config.Config, data *record.Data, cont *content.Content) problem.List {
	var probs problem.List
	if cfg.Site.Sample {
		return probs
	}
	add := func(pos problem.Position) { probs.Add(problem.Problem{Pos: pos, Code: problem.InputSample}) }
	if cfg.Scheme.Sample {
		add(problem.Position{File: cfg.Site.Scheme})
	}
	if data != nil {
		for _, f := range data.Files {
			if f.Marker == record.MarkerSample {
				add(problem.Position{File: f.Path})
			}
		}
	}
	if cont != nil {
		for _, pages := range [][]content.Page{cont.Pages, cont.Years} {
			for _, p := range pages {
				if p.Meta.Sample {
					add(problem.Position{File: p.File})
				}
			}
		}
		for _, n := range cont.Notices {
			if n.Meta.Sample {
				add(n.Pos.Of(n.File, "sample"))
			}
		}
	}
	probs.Sort()
	return probs
}
