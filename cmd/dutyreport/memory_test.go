package main

import (
	"bytes"
	"math"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"dutyreport/generator"
	"dutyreport/generator/problem"
)

// TestWatchdog feeds the watchdog a live heap that grows past the limit:
// it exits 3 with one line naming the stage the build had reported, and
// no stack dump.
func TestWatchdog(t *testing.T) {
	for _, tc := range []struct {
		lang problem.Lang
		want string
	}{
		{problem.ZH, "dutyreport：内部错误：内存不足（读取输入时）（已用 1.5 GiB，上限 1.0 GiB）"},
		{problem.EN, "dutyreport: internal error: out of memory while reading the inputs (1.5 GiB in use, limit 1.0 GiB)"},
	} {
		var live atomic.Uint64
		var buf bytes.Buffer
		exited := make(chan int, 1)
		d := &watchdog{limit: 1 << 30, interval: time.Millisecond, sample: live.Load, exit: func(c int) { exited <- c }, w: &buf, lang: tc.lang}
		var told []generator.Stage
		report := d.track(func(s generator.Stage, done, total int) { told = append(told, s) })
		d.start()
		report(generator.StageRead, 0, 0)
		live.Store(1 << 29) // under the limit: nothing happens
		time.Sleep(20 * time.Millisecond)
		select {
		case c := <-exited:
			t.Fatalf("exit %d under the limit: %s", c, buf.String())
		default:
		}
		live.Store(3 << 29)
		select {
		case c := <-exited:
			if c != exitInternal {
				t.Errorf("exit code %d, want %d", c, exitInternal)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("the watchdog did not stop the command")
		}
		d.Stop()
		out := buf.String()
		if !strings.HasPrefix(out, tc.want) || strings.Count(out, "\n") != 1 || strings.Contains(out, "goroutine") {
			t.Errorf("message %q, want one line starting %q", out, tc.want)
		}
		if len(told) != 1 || told[0] != generator.StageRead {
			t.Errorf("the progress display was told %v, want the read stage", told)
		}
	}
}

// TestWatchdogNamesTheFiles: out of memory while spreadsheets are read,
// the message names the files being read, not only the stage.
func TestWatchdogNamesTheFiles(t *testing.T) {
	for _, tc := range []struct {
		lang problem.Lang
		want string
	}{
		{problem.ZH, "dutyreport：内部错误：内存不足（读取 data/2024/民主测评.xlsx、data/2024/纪实台账.xlsx 时）"},
		{problem.EN, "dutyreport: internal error: out of memory while reading data/2024/民主测评.xlsx, data/2024/纪实台账.xlsx ("},
	} {
		var buf bytes.Buffer
		exited := make(chan int, 1)
		d := &watchdog{limit: 1 << 30, interval: time.Millisecond, sample: func() uint64 { return 0 }, exit: func(c int) { exited <- c }, w: &buf, lang: tc.lang}
		report, reading := d.track(nil), d.Reading()
		report(generator.StageRead, 0, 0)
		reading("data/2024/单位名录.xlsx", true)
		reading("data/2024/单位名录.xlsx", false)
		reading("data/2024/纪实台账.xlsx", true)
		reading("data/2024/民主测评.xlsx", true)
		d.fail(3 << 29)
		if c := <-exited; c != exitInternal || !strings.HasPrefix(buf.String(), tc.want) {
			t.Errorf("exit %d, message %q; want %d and %q", c, buf.String(), exitInternal, tc.want)
		}
	}
	var nilDog *watchdog
	if nilDog.Reading() != nil {
		t.Error("a nil watchdog made a Reading callback")
	}
}

// TestWatchdogStops: a command that ends stops its watchdog; a nil one
// (--memory-limit off) is a no-op that passes the progress callback on.
func TestWatchdogStops(t *testing.T) {
	d := &watchdog{limit: 1, interval: time.Hour, sample: func() uint64 { return 2 }, exit: func(int) { t.Error("exit") }}
	d.start()
	d.Stop()
	d.Stop()
	var nilDog *watchdog
	nilDog.Stop()
	if nilDog.track(nil) != nil {
		t.Error("a nil watchdog made a progress callback")
	}
	if startWatchdog(math.MaxInt64, nil, problem.ZH) != nil {
		t.Error("--memory-limit off started a watchdog")
	}
}

func TestParseMemoryLimit(t *testing.T) {
	for in, want := range map[string]int64{"2GiB": 2 << 30, "512MiB": 512 << 20, "1MiB": 1 << 20, "1.5GiB": 3 << 29, "4096": 4096, "100B": 100, "1TiB": 1 << 40, "off": math.MaxInt64} {
		if got, err := parseMemoryLimit(in); err != nil || got != want {
			t.Errorf("parseMemoryLimit(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "2GB", "2 GiB", "-1MiB", "0", "1e9", "lots", "0x10", "1_000", "NaN", "Inf"} {
		if _, err := parseMemoryLimit(in); err == nil {
			t.Errorf("parseMemoryLimit(%q) accepted", in)
		}
	}
	if d := defaultMemoryLimit(); d < 64<<20 {
		t.Errorf("default memory limit %d is implausibly small", d)
	}
}
