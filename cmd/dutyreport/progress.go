package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
	"golang.org/x/text/width"

	"dutyreport/generator"
	"dutyreport/generator/problem"
)

// stageNames word the build's stages for the progress display.
var stageNames = map[generator.Stage]problem.TextID{
	generator.StageRead:     problem.TStageRead,
	generator.StageScore:    problem.TStageScore,
	generator.StageRender:   problem.TStageRender,
	generator.StageEditions: problem.TStageEditions,
	generator.StageAudit:    problem.TStageAudit,
	generator.StageWrite:    problem.TStageWrite,
}

// progress shows where a build is, on stderr. On a terminal it redraws one
// line (the stage, and a bar with counts where the stage counts); with
// --verbose it prints each stage's time instead, on a line of its own.
// In CI (CI set) or with --quiet it shows nothing; nor where stderr is not
// a terminal, unless --verbose asks.
type progress struct {
	w          io.Writer
	lang       problem.Lang
	bar        bool
	verbose    bool
	stage      generator.Stage
	start      time.Time
	stageStart time.Time
	lastDraw   time.Time
	drawn      bool
	now        func() time.Time
}

// newProgress returns the display for a command, nil when it shows nothing.
func newProgress(g *globals, quiet, verbose bool) *progress {
	if quiet {
		return nil
	}
	f, isFile := g.stderr.(*os.File)
	bar := isFile && term.IsTerminal(int(f.Fd())) && os.Getenv("CI") == "" && !verbose
	if !bar && !verbose {
		return nil
	}
	return &progress{w: g.stderr, lang: g.language(), bar: bar, verbose: verbose, now: time.Now}
}

// report is the generator.Progress of the display; nil for none.
func (p *progress) report() generator.Progress {
	if p == nil {
		return nil
	}
	return p.step
}

func (p *progress) name(s generator.Stage) string { return stageName(s, p.lang) }

// stageName words a stage in the language of messages.
func stageName(s generator.Stage, l problem.Lang) string { return stageText(s).In(l) }

// stageText is a stage's name in the catalogue; the zero Text for none.
func stageText(s generator.Stage) problem.Text {
	id, ok := stageNames[s]
	if !ok {
		return problem.Text{}
	}
	return problem.T(id)
}

func (p *progress) step(s generator.Stage, done, total int) {
	now := p.now()
	if p.start.IsZero() {
		p.start = now
	}
	if s != p.stage {
		p.endStage(now)
		p.stage, p.stageStart = s, now
		p.lastDraw = time.Time{}
	}
	if !p.bar || now.Sub(p.lastDraw) < 100*time.Millisecond && done != total {
		return
	}
	p.lastDraw = now
	line := p.name(s) + " …"
	if total > 0 {
		const width = 30
		full := min(done*width/total, width)
		line = fmt.Sprintf("%s [%s%s] %d/%d", p.name(s), strings.Repeat("#", full), strings.Repeat(".", width-full), done, total)
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.drawn = true
}

// endStage prints the time of the stage that ends, with --verbose.
func (p *progress) endStage(now time.Time) {
	if p.verbose && p.stage != "" {
		fmt.Fprintf(p.w, "%s %6.2f s\n", pad(p.name(p.stage), 16), now.Sub(p.stageStart).Seconds())
	}
}

// finish ends the display: it clears the bar, and with --verbose prints the
// last stage's time and the total.
func (p *progress) finish() {
	if p == nil || p.start.IsZero() {
		return
	}
	now := p.now()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
	p.endStage(now)
	if p.verbose {
		fmt.Fprintf(p.w, "%s %6.2f s\n", pad(problem.T(problem.TTotal).In(p.lang), 16), now.Sub(p.start).Seconds())
	}
	p.stage = ""
}

// pad fills s with spaces to n columns of a terminal, where a Chinese
// character takes two.
func pad(s string, n int) string {
	cols := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			cols += 2
		default:
			cols++
		}
	}
	return s + strings.Repeat(" ", max(n-cols, 1))
}
