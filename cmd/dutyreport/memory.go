package main

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"regexp"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"dutyreport/generator"
	"dutyreport/generator/problem"
)

// Running out of memory is an internal error (exit 3, a one-line message),
// never a Go crash with a stack dump and exit 2. Go cannot recover from a
// failed allocation, so the command sets a soft memory limit
// (debug.SetMemoryLimit), which makes the collector work harder as the heap
// nears it, and a watchdog stops the command when the live heap (what the
// last collection kept) is over the limit: past that point the collector
// can free nothing more and the process would grow until the system kills
// it. The limit comes from --memory-limit, else from GOMEMLIMIT, else
// defaultMemoryLimit.

// defaultMemoryLimit is 3/4 of the memory the process may use: the smaller
// of the machine's physical memory and its cgroup's limit (a container's
// cap); 4 GiB where neither can be read.
func defaultMemoryLimit() int64 {
	avail := int64(math.MaxInt64)
	if n, ok := memTotal(); ok {
		avail = n
	}
	if n, ok := cgroupLimit(); ok && n < avail {
		avail = n
	}
	if avail == math.MaxInt64 {
		return 4 << 30
	}
	return avail / 4 * 3
}

// memTotal reads MemTotal of /proc/meminfo (Linux).
func memTotal() (int64, bool) {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "MemTotal:" {
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			return kb << 10, err == nil && kb > 0
		}
	}
	return 0, false
}

// cgroupLimit reads the memory limit of the process's cgroup (v2, then v1);
// false where there is none.
func cgroupLimit() (int64, bool) {
	for _, f := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
		// "max" (v2) or a huge number (v1's "no limit") is no limit.
		if err == nil && n > 0 && n < 1<<60 {
			return n, true
		}
	}
	return 0, false
}

// parseMemoryLimit reads --memory-limit in GOMEMLIMIT's syntax: a number
// of bytes with an optional unit B, KiB, MiB, GiB or TiB (2GiB, 512MiB), or
// off for none (returned as math.MaxInt64, Go's "no limit").
func parseMemoryLimit(s string) (int64, error) {
	if s == "off" {
		return math.MaxInt64, nil
	}
	num, mult := s, int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			num, mult = strings.TrimSuffix(s, u.suffix), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(num, 64)
	if !sizeNumber.MatchString(num) || err != nil || n <= 0 || n*float64(mult) >= math.MaxInt64 {
		return 0, errorf(problem.TBadMemoryLimit, s)
	}
	return int64(n * float64(mult)), nil
}

var sizeNumber = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

// memoryLimit decides the command's limit: the flag when given, else
// GOMEMLIMIT (which the Go runtime has already applied), else the default.
func memoryLimit(flag string, flagGiven bool) (int64, error) {
	switch {
	case flagGiven:
		return parseMemoryLimit(flag)
	case os.Getenv("GOMEMLIMIT") != "":
		return debug.SetMemoryLimit(-1), nil
	}
	return defaultMemoryLimit(), nil
}

// liveHeap is the watchdog's sampler: the bytes of heap objects the last
// garbage collection marked live (0 before the first).
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// watchdog stops the command, exit code 3, when the live heap is over the
// limit. It knows the stage of the build from the build's progress
// callback (see track), to say what was being done.
type watchdog struct {
	limit    int64
	interval time.Duration
	sample   func() uint64 // liveHeap, or a fake in tests
	exit     func(code int)
	w        io.Writer
	lang     problem.Lang

	stage    atomic.Value // generator.Stage
	mu       sync.Mutex
	files    map[string]int // the input files being read, from Reading
	stop     chan struct{}
	done     chan struct{}
	once     sync.Once
	previous int64 // the memory limit before start, restored by Stop
}

// startWatchdog sets the soft memory limit and starts watching; nil when
// the limit is off. Stop ends it.
func startWatchdog(limit int64, w io.Writer, lang problem.Lang) *watchdog {
	if limit == math.MaxInt64 {
		return nil
	}
	d := &watchdog{limit: limit, interval: 50 * time.Millisecond, sample: liveHeap, exit: os.Exit, w: w, lang: lang}
	d.previous = debug.SetMemoryLimit(limit)
	d.start()
	return d
}

func (d *watchdog) start() {
	d.stop, d.done = make(chan struct{}), make(chan struct{})
	go d.watch()
}

func (d *watchdog) watch() {
	defer close(d.done)
	t := time.NewTicker(d.interval)
	defer t.Stop()
	for {
		select {
		case <-d.stop:
			return
		case <-t.C:
			if live := d.sample(); live > uint64(d.limit) {
				d.fail(live)
				return
			}
		}
	}
}

// fail prints the one-line internal error and exits: nothing can be freed
// any more, and going on would end in a crash.
func (d *watchdog) fail(live uint64) {
	s, _ := d.stage.Load().(generator.Stage)
	files := d.reading()
	var while problem.Text
	switch {
	case len(files) > 0:
		while = problem.T(problem.TWhileReading, problem.Joined(files))
	case s != "":
		while = problem.T(problem.TWhileStage, stageText(s))
	}
	fmt.Fprintln(d.w, problem.T(problem.TOutOfMemory, while, size(int64(live)), size(d.limit)).In(d.lang))
	d.exit(exitInternal)
}

// Reading is the build's Reading callback: the watchdog keeps the files
// being read, to name them. A nil watchdog gives nil.
func (d *watchdog) Reading() func(file string, on bool) {
	if d == nil {
		return nil
	}
	return func(file string, on bool) {
		d.mu.Lock()
		defer d.mu.Unlock()
		if d.files == nil {
			d.files = map[string]int{}
		}
		if on {
			d.files[file]++
		} else if d.files[file]--; d.files[file] <= 0 {
			delete(d.files, file)
		}
	}
}

// reading lists the files being read, sorted.
func (d *watchdog) reading() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Sorted(maps.Keys(d.files))
}

// track wraps a build's progress callback so the watchdog knows the stage;
// next may be nil. A nil watchdog returns next.
func (d *watchdog) track(next generator.Progress) generator.Progress {
	if d == nil {
		return next
	}
	return func(s generator.Stage, done, total int) {
		d.stage.Store(s)
		if next != nil {
			next(s, done, total)
		}
	}
}

// Stop ends the watch and restores the memory limit (for a command run
// within a test); a nil watchdog does nothing.
func (d *watchdog) Stop() {
	if d == nil {
		return
	}
	d.once.Do(func() {
		close(d.stop)
		<-d.done
		if d.previous != 0 {
			debug.SetMemoryLimit(d.previous)
		}
	})
}

// size formats bytes for the message: 1.5 GiB, 300 MiB.
func size(n int64) string {
	switch {
	case n >= 1<<30:
		return strconv.FormatFloat(float64(n)/(1<<30), 'f', 1, 64) + " GiB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " B"
}
