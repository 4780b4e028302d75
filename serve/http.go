package serve

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"strings"
	"time"
)

// reserved starts the server's own paths; no site file is served under it.
const reserved = "_dutyreport/"

// The server's own paths: the reload script, the warnings panel's style
// sheet and the build events.
const (
	scriptPath = "/" + reserved + "reload.js"
	panelPath  = "/" + reserved + "panel.css"
	eventsPath = "/" + reserved + "events"
)

// ServeHTTP answers GET and HEAD with the site's files, the HTML pages with
// the reload script added, or the last build's problems while it failed.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// The site changes under the browser: never keep a copy.
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	host, _, err := net.SplitHostPort(r.Host)
	if err != nil { // no port: the scheme's own, as on port 80
		host = strings.TrimSuffix(strings.TrimPrefix(r.Host, "["), "]")
	}
	if s.local && !loopback(host) {
		// Another site's page reaching here through DNS rebinding.
		http.Error(w, "403 forbidden: the preview answers requests for 127.0.0.1, ::1 or localhost only", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, folder, ok := sitePath(r)
	if !ok {
		http.Error(w, "400 bad request: the path leads outside the site", http.StatusBadRequest)
		return
	}
	switch {
	case r.URL.Path == scriptPath:
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		http.ServeContent(w, r, "reload.js", time.Time{}, strings.NewReader(reloadScript))
		return
	case r.URL.Path == panelPath:
		h.Set("Content-Type", "text/css; charset=utf-8")
		http.ServeContent(w, r, "panel.css", time.Time{}, strings.NewReader(panelStyle))
		return
	case r.URL.Path == eventsPath:
		s.events(w, r)
		return
	case strings.HasPrefix(name, reserved):
		http.NotFound(w, r)
		return
	}
	s.serveFile(w, r, name, folder)
}

// sitePath gives the file a request names, slash-separated and relative to
// the output folder ("." for its top), and whether the path ended with a
// slash. ok is false for a path that could name anything outside: one with
// a dot segment, an empty segment, a backslash, a NUL, a colon, or an
// encoded dot, slash or backslash, which no page of the site links to.
func sitePath(r *http.Request) (name string, folder, ok bool) {
	raw := strings.ToLower(r.URL.EscapedPath())
	for _, enc := range []string{"%2e", "%2f", "%5c", "%00"} {
		if strings.Contains(raw, enc) {
			return "", false, false
		}
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00:") {
		return "", false, false
	}
	name = p[1:]
	if name == "" {
		return ".", true, true
	}
	if strings.HasSuffix(name, "/") {
		name, folder = name[:len(name)-1], true
	}
	// fs.ValidPath refuses "..", ".", empty segments and a leading slash.
	if !fs.ValidPath(name) || name == "." {
		return "", false, false
	}
	return name, folder, true
}

// isPage reports whether a request asks for an HTML page: a folder's
// index.html or an .html file.
func isPage(name string, folder bool) bool {
	return folder || strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm")
}

// serveFile serves one file of the output folder, opened through os.Root
// so that no path, and no symlink in the folder, reaches outside it.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, name string, folder bool) {
	last := s.current()
	if last.failed() && isPage(name, folder) {
		s.errorPage(w, r, last)
		return
	}
	root, err := os.OpenRoot(s.out)
	if err != nil { // no build has succeeded yet
		s.notFound(w, r, name, folder, last)
		return
	}
	defer root.Close()
	f, st, err := open(root, name)
	if err != nil {
		s.notFound(w, r, name, folder, last)
		return
	}
	defer f.Close()
	if st.IsDir() {
		if !folder {
			// Pages link relatively: /2024 must be /2024/ for its links.
			target := path.Base(name) + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusFound)
			return
		}
		f.Close()
		name = path.Join(name, "index.html")
		if f, st, err = open(root, name); err != nil || st.IsDir() {
			s.notFound(w, r, name, folder, last)
			return
		}
		defer f.Close()
	} else if folder {
		s.notFound(w, r, name, folder, last)
		return
	}
	if !isPage(name, false) {
		http.ServeContent(w, r, name, st.ModTime(), f)
		return
	}
	page, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, "500 "+err.Error(), http.StatusInternalServerError)
		return
	}
	// No modification time: the page's additions change with each build
	// while the file may not.
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(inject(page, s.additions(last, fromHere(r)))))
}

// open opens a regular file or a folder of the root; anything else
// (a device, a socket, a symlink leading out) is as good as missing.
func open(root *os.Root, name string) (*os.File, os.FileInfo, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		err = fs.ErrNotExist
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// notFound answers 404; for a page, with the reload script, so that it
// shows once a build makes it.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, name string, folder bool, last result) {
	if !isPage(name, folder) {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(notFoundPage(s.o.Lang, r.URL.Path, last.id))
	}
}

// errorPage answers a page with the failed build's problems, status 500.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, last result) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	if r.Method != http.MethodHead {
		w.Write(failurePage(s.o.Lang, last, fromHere(r)))
	}
}

// events is a stream of Server-Sent Events: the number of the last build
// at once, then again after each build. A page compares it with the build
// it came from and reloads when they differ.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "500 streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan struct{}, 1)
	s.mu.Lock()
	s.subs[ch] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodHead {
		return
	}
	// retry: reconnect soon after the server comes back.
	if _, err := fmt.Fprint(w, "retry: 1000\n\n"); err != nil {
		return
	}
	for {
		if _, err := fmt.Fprintf(w, "event: build\ndata: %d\n\n", s.current().id); err != nil {
			return
		}
		flusher.Flush()
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case <-ch:
		}
	}
}

// fromHere reports whether the request comes from this computer, which may
// read every problem in full.
func fromHere(r *http.Request) bool {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	return err == nil && loopback(host)
}
