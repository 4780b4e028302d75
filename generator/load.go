package generator

import (
	"errors"
	"io/fs"

	"dutyreport/generator/config"
	"dutyreport/generator/content"
	"dutyreport/generator/ingest"
	"dutyreport/generator/notices"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/render"
	"dutyreport/generator/scoring"
	"dutyreport/generator/sitefs"
	"dutyreport/themes"
)

// load runs config, ingest, content, notices and scoring. Content needs nothing
// else and is always read; the rest stops after config when the
// configuration has errors, since no input can be read without it.
func load(source, cacheDir string, progress Progress, reading func(string, bool)) (inputs, problem.List) {
	var in inputs
	progress.at(StageRead)
	var cprobs problem.List
	done := make(chan struct{})
	go func() {
		in.content, cprobs = content.Read(source)
		close(done)
	}()
	cfg, probs := config.Load(source)
	if probs.HasErrors() {
		<-done
		probs.Append(cprobs)
		probs.Sort()
		return in, probs
	}
	in.cfg = cfg
	data, iprobs := ingest.ReadWith(cfg, ingest.Options{CacheDir: cacheDir, Reading: reading})
	in.data = data
	<-done
	probs.Append(iprobs)
	probs.Append(cprobs)
	probs.Append(samples(cfg, in.data, in.content))
	// The cases are joined before scoring: a case can cost its unit points
	// and bring a consequence rule to bear (seed 004 §16).
	n, nprobs := notices.Build(cfg, in.data, in.content)
	in.notices = n
	probs.Append(nprobs)
	probs.Append(notices.Unknown(cfg, in.data, in.content, n))
	progress.at(StageScore)
	for i := range in.data.Years {
		y := &in.data.Years[i]
		var cases []record.Case
		for _, c := range n.Of(y.Year) {
			cases = append(cases, c.Case)
		}
		res, sprobs := scoring.Year(scoring.Input{Scheme: &cfg.Scheme, Register: in.data.Register, Files: in.data.Files, Year: y, Cases: cases}, in.results)
		probs.Append(sprobs)
		in.results = append(in.results, res)
	}
	probs.Sort()
	return in, probs
}

// loadTheme loads the site's theme in layers, as Hugo looks them up: the
// site's own layouts/, i18n/ and assets/, then themes/<name>/ in the site,
// then, for the default theme, the one built into the tool.
//
// The site's files are read through the site folder as a root (sitefs): a
// symlink that leads out of the site, or to a device or a pipe, is
// render.not-a-file at its path and never read, and a file past
// render.MaxFileBytes is render.too-large. The root
// stays open while the theme is used: assets are read as they are written.
func loadTheme(cfg *config.Config) (*render.Theme, problem.List) {
	var probs problem.List
	name := cfg.Site.Theme
	root := sitefs.Open(cfg.Dir)
	if err := root.Err(); err != nil {
		probs.Add(problem.Problem{Pos: problem.Position{File: config.SiteFile}, Code: problem.ConfigUnreadable, Found: err.Error()})
		return nil, probs
	}
	site := root.FS(render.MaxFileBytes)
	layers := []render.Layer{{FS: render.Only(site, "layouts", "i18n", "assets"), Prefix: ""}}
	dir := "themes/" + name
	st, err := fs.Stat(site, dir)
	switch {
	case err == nil && st.IsDir() && fs.ValidPath(dir):
		sub, _ := fs.Sub(site, dir) // dir is valid: no error
		layers = append(layers, render.Layer{FS: sub, Prefix: dir + "/"})
	case errors.Is(err, sitefs.ErrNotAFile):
		probs.Add(problem.Problem{Pos: problem.Position{File: dir}, Code: problem.RenderNotAFile, Found: name})
		return nil, probs
	case name != "default":
		probs.Add(problem.Problem{Pos: problem.Position{File: config.SiteFile}, Code: problem.ConfigBadValue,
			Found: "theme: " + name, Expected: problem.T(problem.TThemeFolder, name)})
		return nil, probs
	}
	if name == "default" {
		layers = append(layers, render.Layer{FS: themes.Default(), Prefix: "themes/default/"})
	}
	lang, _ := problem.ParseLang(cfg.Site.Locale)
	return render.LoadLayers(layers, string(lang))
}
