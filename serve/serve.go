package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"dutyreport/generator"
	"dutyreport/generator/config"
	"dutyreport/generator/problem"
)

// Options say what to preview and where.
type Options struct {
	// Build says what to build: Source, Audience and NoCache as for a
	// build. Out and Preview are the server's: a fresh temporary folder,
	// and always a preview.
	Build generator.Options
	// Addr is where to listen, host:port; port 0 picks a free one. The
	// internal dashboard needs a loopback host (127.0.0.1, ::1 or localhost).
	Addr string
	// Lang is the language of the pages the server makes and of its log.
	Lang problem.Lang
	// Log is told each build's problems and a one-line summary; nil for none.
	Log io.Writer
	// Debounce is how long the inputs must stay quiet after a change before
	// the rebuild starts, so that saving a workbook (which Excel and WPS do
	// in several steps) builds once; zero means 150 ms.
	Debounce time.Duration
}

// Server builds a site into a temporary folder, serves that folder over HTTP
// and rebuilds it whenever an input changes. Start runs it; Close stops it
// and removes the folder.
type Server struct {
	o       Options
	tmp     string // the temporary folder, removed by Close
	out     string // the output folder, inside tmp; each build replaces it
	ln      net.Listener
	local   bool // listening on a loopback address: requests must name it
	http    *http.Server
	watch   *watcher
	changed chan struct{} // holds one change not yet built
	done    chan struct{} // closed by Close
	stopped chan struct{} // closed when the build loop has returned
	errc    chan error    // the HTTP server's failure, if any
	logMu   sync.Mutex
	once    sync.Once

	mu   sync.Mutex
	last result                 // the last build's outcome
	subs map[chan struct{}]bool // the event streams open, told of each build
}

// result is what one build gave.
type result struct {
	id    int // builds are counted from 1; a page knows the build it came from
	probs problem.List
	err   error // not the input's fault: a full disk, a bug
	pages int
	took  time.Duration
}

// failed reports whether the build wrote no site: the pages then show its
// problems instead of a stale site.
func (r result) failed() bool { return r.err != nil || r.probs.HasErrors() }

// AddrError is an address that cannot be listened on: not a loopback one,
// malformed, or taken. It is the command line's mistake.
type AddrError struct {
	Err  error
	Text problem.Text // what the clerk reads, in the catalogue
}

func (e *AddrError) Error() string { return e.Err.Error() }
func (e *AddrError) Unwrap() error { return e.Err }

// Start listens on o.Addr, builds the site once, and then serves it and
// rebuilds it on each change of its inputs until Close. A build that fails
// is no error of Start's: its problems are logged and shown in the pages.
func Start(o Options) (*Server, error) {
	if o.Lang == "" {
		o.Lang = problem.ZH
	}
	if o.Debounce <= 0 {
		o.Debounce = 150 * time.Millisecond
	}
	if o.Build.Audience == "" {
		o.Build.Audience = config.Public
	}
	if o.Build.Source == "" {
		o.Build.Source = "."
	}
	if err := checkAddr(o.Addr, o.Build.Audience); err != nil {
		return nil, err
	}
	source, err := filepath.Abs(o.Build.Source)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return nil, &AddrError{err, problem.T(problem.TAddrTaken, o.Addr, err.Error())}
	}
	tmp, err := os.MkdirTemp("", "dutyreport-serve-")
	if err != nil {
		ln.Close()
		return nil, err
	}
	host, _, _ := net.SplitHostPort(o.Addr)
	s := &Server{
		o: o, tmp: tmp, out: filepath.Join(tmp, "site"), ln: ln, local: loopback(host),
		changed: make(chan struct{}, 1), done: make(chan struct{}), stopped: make(chan struct{}),
		errc: make(chan error, 1), subs: map[chan struct{}]bool{},
	}
	s.o.Build.Out = s.out
	s.o.Build.Preview = true
	s.o.Build.Zip = ""
	// Watch before the first build, so that a change made while it runs
	// is built after it.
	if s.watch, err = newWatcher(source, s.changedInput, s.logf); err != nil {
		ln.Close()
		os.RemoveAll(tmp)
		return nil, err
	}
	s.watch.sync()
	go s.watch.run()
	s.build()
	go s.loop()
	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.errc <- err
		}
	}()
	return s, nil
}

// URL is the address of the site, such as http://127.0.0.1:8080/.
func (s *Server) URL() string { return "http://" + s.ln.Addr().String() + "/" }

// Err delivers the HTTP server's failure, should it stop by itself.
func (s *Server) Err() <-chan error { return s.errc }

// Close stops watching and serving, lets a build under way finish, and
// removes the temporary folder. Open pages keep their content; their event
// streams end.
func (s *Server) Close() error {
	var err error
	s.once.Do(func() {
		close(s.done)
		err = s.watch.close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err = errors.Join(err, s.http.Shutdown(ctx))
		<-s.stopped
		generator.Forget(s.o.Build)
		err = errors.Join(err, os.RemoveAll(s.tmp))
	})
	return err
}

// changedInput is the watcher's news of a change; changes that come while
// one is waiting, or while a build runs, make one more build in all.
func (s *Server) changedInput() {
	select {
	case s.changed <- struct{}{}:
	default:
	}
}

// loop rebuilds after each burst of changes, one build at a time.
func (s *Server) loop() {
	defer close(s.stopped)
	for {
		select {
		case <-s.done:
			return
		case <-s.changed:
		}
		quiet := time.NewTimer(s.o.Debounce)
		for waiting := true; waiting; {
			select {
			case <-s.done:
				quiet.Stop()
				return
			case <-s.changed:
				quiet.Reset(s.o.Debounce)
			case <-quiet.C:
				waiting = false
			}
		}
		s.build()
		// site.yaml may name other inputs now, or a new folder may exist.
		s.watch.sync()
	}
}

// build runs one build, keeps its outcome for the pages, tells the open
// pages and logs the outcome.
func (s *Server) build() {
	start := time.Now()
	rep, probs, err := generator.Build(s.o.Build)
	r := result{probs: probs, err: err, pages: rep.Pages, took: time.Since(start)}
	s.mu.Lock()
	r.id = s.last.id + 1
	s.last = r
	for ch := range s.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
	s.mu.Unlock()
	s.report(r)
}

// current is the last build's outcome.
func (s *Server) current() result {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

// report logs a build as the command line prints problems, then a summary.
func (s *Server) report(r result) {
	if s.o.Log == nil {
		return
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	w := s.o.Log
	for _, p := range r.probs {
		fmt.Fprintln(w, p.Format(s.o.Lang))
	}
	if r.err != nil {
		fmt.Fprintln(w, internalText(s.o.Lang, r.err))
	}
	errs := len(r.probs.Errors())
	warns := len(r.probs) - errs
	clock, secs := time.Now().Format("15:04:05"), fmt.Sprintf("%.2f", r.took.Seconds())
	summary := problem.T(problem.TServeBuilt, clock, r.pages, warns, secs)
	if r.failed() {
		summary = problem.T(problem.TServeFailed, clock, errs, warns, secs)
	}
	fmt.Fprintln(w, summary.In(s.o.Lang))
}

// logf logs a line of the server's own, such as a watcher's failure.
func (s *Server) logf(t problem.Text) {
	if s.o.Log == nil {
		return
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintln(s.o.Log, t.In(s.o.Lang))
}

// internalText words an error that is not the input's fault.
func internalText(lang problem.Lang, err error) string {
	return problem.T(problem.TServeInternal, err).In(lang)
}

// checkAddr accepts host:port. The internal dashboard, with every person's
// name in it, is previewed on this computer only (a loopback host); the
// public site may be previewed on the office network (0.0.0.0:8080), since
// it shows what is to be published anyway.
func checkAddr(addr, audience string) *AddrError {
	fail := func(id problem.TextID) *AddrError {
		t := problem.T(id, addr)
		return &AddrError{errors.New(t.In(problem.EN)), t}
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fail(problem.TAddrForm)
	}
	if !loopback(host) && audience == config.Internal {
		return fail(problem.TAddrLoopback)
	}
	return nil
}

// loopback reports whether host names this computer.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
