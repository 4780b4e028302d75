package serve

import (
	"bytes"
	"html/template"
	"strings"

	"dutyreport/generator/problem"
)

// reloadScript reloads the page when a build other than the one it came
// from has finished; its script tag carries that build's number. An
// EventSource reconnects by itself, and the number it gets first tells of
// a build missed meanwhile.
const reloadScript = `// dutyreport serve: reload the page when a build finishes.
(function () {
  "use strict";
  var me = document.currentScript;
  var built = me ? me.getAttribute("data-build") : null;
  if (!window.EventSource) { return; }
  var events = new EventSource("` + eventsPath + `");
  events.addEventListener("build", function (e) {
    if (e.data !== built) {
      events.close();
      location.reload();
    }
  });
})();
`

// scriptTag loads the reload script into a page of build id.
var scriptTag = template.Must(template.New("script").Parse(
	`<script src="` + scriptPath + `" data-build="{{.}}"></script>` + "\n"))

// inject puts extra before the page's last </body>, or at its end.
func inject(page, extra []byte) []byte {
	i := bytes.LastIndex(bytes.ToLower(page), []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(extra))
	out = append(out, page[:i]...)
	out = append(out, extra...)
	return append(out, page[i:]...)
}

// additions are what a page of a successful build gets: its warnings in a
// panel, if any, and the reload script.
func (s *Server) additions(r result, full bool) []byte {
	var b bytes.Buffer
	if len(r.probs) > 0 {
		w := wordsIn(s.o.Lang)
		d := panelData{Title: problem.T(w.panelTitle, len(r.probs)).In(s.o.Lang), Words: w}
		for _, p := range r.probs {
			stops := strings.HasPrefix(string(p.Code), "edition.")
			d.Stops = d.Stops || stops
			d.Items = append(d.Items, item{Text: problemText(p, s.o.Lang, full), Stops: stops})
		}
		_ = panel.Execute(&b, d) // a template of fixed data: it cannot fail
	}
	_ = scriptTag.Execute(&b, r.id)
	return b.Bytes()
}

// problemText words a problem for a page. A browser on another computer
// (the public preview on the office network) gets its place and what to do,
// not the value found nor the notes: a value of the case register may be a
// name or an ID number, which only the terminal shows then.
func problemText(p problem.Problem, lang problem.Lang, full bool) string {
	if full {
		return p.Format(lang)
	}
	p.Found, p.Notes = "", nil
	return p.Format(lang) + wordsIn(lang).seeTerminal
}

type item struct {
	Text  string
	Stops bool // dutyreport build would stop on it
	Warn  bool
}

type panelData struct {
	Title string
	Stops bool
	Items []item
	Words words
}

// panel shows a successful build's warnings in a corner of every page; a
// <details> folds it away without a script.
var panel = template.Must(template.New("panel").Parse(`<link rel="stylesheet" href="` + panelPath + `">
<div id="dutyreport-preview" role="status" lang="{{.Words.Lang}}">
<details open><summary><strong>{{.Title}}</strong></summary>
{{if .Stops}}<p>{{.Words.Stops}}</p>
{{end}}<ul>
{{range .Items}}<li>{{if .Stops}}<strong class="stop">{{$.Words.StopLabel}}</strong> {{end}}<pre>{{.Text}}</pre></li>
{{end}}</ul>
</details>
</div>
`))

// panelStyle styles the panel from a file of the server's own: a page's
// Content-Security-Policy refuses inline styles, and allows the site's
// own origin.
const panelStyle = `#dutyreport-preview{position:fixed;z-index:2147483647;right:1em;bottom:1em;max-width:min(42em,calc(100vw - 2em));max-height:50vh;overflow:auto;background:#fff8e1;color:#222;border:2px solid #b26a00;border-radius:4px;padding:.4em .8em;font:14px/1.5 sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.3);text-align:left}
#dutyreport-preview p,#dutyreport-preview ul{margin:.3em 0}
#dutyreport-preview ul{padding-left:1.2em}
#dutyreport-preview .stop{color:#a00}
#dutyreport-preview pre{white-space:pre-wrap;margin:0;font:inherit}
`

type failureData struct {
	Words    words
	Title    string
	Items    []item
	Internal string
	Build    int
}

// failure is the page every HTML request gets while the last build failed.
var failure = template.Must(template.New("failure").Parse(`<!DOCTYPE html>
<html lang="{{.Words.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font:16px/1.6 sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#222}
h1{color:#a00;font-size:1.5em}
li{margin:.6em 0}
pre{white-space:pre-wrap;margin:0;font:inherit}
.warning{color:#6a4a00}
.muted{color:#666;font-size:.9em}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p>{{.Words.Lead}}</p>
<ol id="problems">
{{range .Items}}<li{{if .Warn}} class="warning"{{end}}><pre>{{.Text}}</pre></li>
{{end}}</ol>
{{if .Internal}}<pre>{{.Internal}}</pre>
{{end}}<p class="muted">{{.Words.Foot}}</p>
<script src="` + scriptPath + `" data-build="{{.Build}}"></script>
</body>
</html>
`))

// failurePage lists every problem of a failed build as the command line
// prints them.
func failurePage(lang problem.Lang, r result, full bool) []byte {
	w := wordsIn(lang)
	errs := len(r.probs.Errors())
	title := problem.T(w.failTitle, errs, len(r.probs)-errs).In(lang)
	d := failureData{Words: w, Title: title, Build: r.id}
	for _, p := range r.probs {
		d.Items = append(d.Items, item{Text: problemText(p, lang, full), Warn: p.Severity == problem.Warning})
	}
	if r.err != nil {
		d.Internal = internalText(lang, r.err)
	}
	var b bytes.Buffer
	_ = failure.Execute(&b, d)
	return b.Bytes()
}

var missing = template.Must(template.New("missing").Parse(`<!DOCTYPE html>
<html lang="{{.Words.Lang}}">
<head>
<meta charset="utf-8">
<title>404</title>
</head>
<body>
<h1>404</h1>
<p>{{.Words.Missing}}<code>{{.Path}}</code></p>
<script src="` + scriptPath + `" data-build="{{.Build}}"></script>
</body>
</html>
`))

// notFoundPage says a page is not in the site, and reloads when a build
// may have made it.
func notFoundPage(lang problem.Lang, p string, build int) []byte {
	var b bytes.Buffer
	_ = missing.Execute(&b, struct {
		Words words
		Path  string
		Build int
	}{wordsIn(lang), p, build})
	return b.Bytes()
}

// words are the texts of the server's own pages and panel.
type words struct {
	Lang, Lead, Foot, Stops, StopLabel, Missing string
	panelTitle, failTitle                       problem.TextID // of the counts
	seeTerminal                                 string         // after a problem shown in part
}

// wordsIn gives the words of the server's pages in lang, from the catalogue.
func wordsIn(lang problem.Lang) words {
	in := func(id problem.TextID) string { return problem.T(id).In(lang) }
	return words{
		Lang: string(lang), Lead: in(problem.TServeLead), Foot: in(problem.TServeFoot), Stops: in(problem.TServeStops),
		StopLabel: in(problem.TServeStopLabel), Missing: in(problem.TServeMissing), seeTerminal: in(problem.TServeSeeTerminal),
		panelTitle: problem.TServePanelTitle, failTitle: problem.TServeFailTitle,
	}
}
