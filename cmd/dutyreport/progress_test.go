package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"dutyreport/generator"
	"dutyreport/generator/problem"
)

// TestProgressBar drives the terminal display with a clock that moves 0.2 s
// a step: each stage is drawn over the last, render with its bar and
// counts, and the line is cleared at the end.
func TestProgressBar(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, lang: problem.ZH, bar: true, now: ticking(200 * time.Millisecond)}
	r := p.report()
	r(generator.StageRead, 0, 0)
	r(generator.StageRender, 0, 0)
	r(generator.StageRender, 1, 3)
	r(generator.StageRender, 3, 3)
	p.finish()
	out := buf.String()
	for _, want := range []string{"\r\033[K读取输入 …", "\r\033[K生成网页 [##########....................] 1/3", "\r\033[K生成网页 [##############################] 3/3"} {
		if !strings.Contains(out, want) {
			t.Errorf("the display lacks %q:\n%q", want, out)
		}
	}
	if !strings.HasSuffix(out, "\r\033[K") {
		t.Errorf("the bar is not cleared at the end: %q", out)
	}
	if strings.Contains(out, "\n") {
		t.Errorf("the bar prints lines: %q", out)
	}
}

// TestProgressVerbose prints each stage's time, aligned in columns although
// Chinese characters take two, and the total.
func TestProgressVerbose(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, lang: problem.ZH, verbose: true, now: ticking(250 * time.Millisecond)}
	r := p.report()
	r(generator.StageRead, 0, 0)
	r(generator.StageScore, 0, 0)
	r(generator.StageAudit, 0, 0)
	p.finish()
	want := "读取输入           0.25 s\n计算得分           0.25 s\n隐私检查           0.25 s\n合计               0.75 s\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

// TestProgressOff: nothing is shown with --quiet, nor when stderr is not a
// terminal and --verbose was not asked.
func TestProgressOff(t *testing.T) {
	g := &globals{lang: "zh-CN", stderr: &bytes.Buffer{}}
	if newProgress(g, true, false) != nil || newProgress(g, false, false) != nil {
		t.Error("a display where none was asked for")
	}
	if newProgress(g, false, true) == nil {
		t.Error("--verbose shows nothing")
	}
	newProgress(g, true, false).finish() // nil-safe
}

// ticking is a clock that moves step at each reading.
func ticking(step time.Duration) func() time.Time {
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	return func() time.Time {
		clock = clock.Add(step)
		return clock
	}
}
