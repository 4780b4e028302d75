package audit

import (
	"archive/zip"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"dutyreport/generator/fold"
)

// Zip files are read entry by entry, a zip inside a zip too, to these
// bounds; past them the file is an error, not a pass.
const (
	maxZipDepth  = 3        // a zip in a zip in a zip
	maxEntrySize = 64 << 20 // bytes, uncompressed
)

// File returns the hits in data, the content of the file name (its name
// only tells how to read it and is not scanned): the raw forms of Bytes,
// which find a name in any encoding, and what a reader takes in, read by
// the extension and folded as fold folds text: an HTML page's visible text
// (joined across inline elements and comments) and attribute values, CSV
// fields, an XML file's texts and attribute values decoded twice (a feed
// reader may), JSON and JavaScript strings unescaped, each entry of a zip file,
// and the whole text of any other file but a binary one. With Patterns it
// also finds numbers and addresses by their shape in the reader's text.
//
// Hits are sorted by offset and carry their line. An occurrence found by
// both scans is one hit, the raw one; a number both known and found by its
// shape is one hit too. The error is for a zip file that cannot be read to
// the end (damaged, nested too deep, an entry too large): the audit fails
// closed, and the hits found are still returned.
func (s *Scanner) File(name string, data []byte) ([]Hit, error) {
	r := readers.Get().(*reader)
	defer readers.Put(r)
	return s.file(name, data, r, 0)
}

func (s *Scanner) file(name string, data []byte, r *reader, depth int) ([]Hit, error) {
	hits := s.Bytes(name, data)
	var inZip []Hit
	var err error
	switch {
	case isZip(name, data):
		inZip, err = s.zip(name, data, r, depth)
		if err != nil && !strings.EqualFold(path.Ext(name), ".zip") && len(inZip) == 0 {
			// Not a zip after all (a file that only starts like one).
			err = nil
			hits = s.readToo(name, data, r, hits)
		}
	case len(data) > math.MaxInt32:
		err = errors.New("too large for the reader's scan")
	default:
		hits = s.readToo(name, data, r, hits)
	}
	hits = oneEach(hits)
	setLines(hits, data)
	hits = append(hits, inZip...)
	slices.SortFunc(hits, compareHits)
	return hits, err
}

// readToo adds to raw, the hits of the raw scan in data, those of the
// reader's scan. A raw hit that an allowed term covers in what a reader
// takes in is dropped: 南山 in 南山<em>鎮</em> is the town 南山镇, as the
// reader's scan sees it.
func (s *Scanner) readToo(name string, data []byte, r *reader, raw []Hit) []Hit {
	seen, allowed := s.read(name, data, r, len(raw) > 0)
	if len(allowed) > 0 {
		covered := coveredBy(allowed)
		raw = slices.DeleteFunc(raw, func(h Hit) bool { return covered(int(h.Offset), int(h.Offset)+h.Length) })
	}
	return append(raw, seen...)
}

// read returns the hits in what a reader takes in of data, with Offset
// and Length in data, and when asked the occurrences of allowed terms in
// it, in data's bytes too.
func (s *Scanner) read(name string, data []byte, r *reader, wantAllowed bool) ([]Hit, []span) {
	if bytes.IndexByte(data[:min(len(data), 8000)], 0) >= 0 {
		return nil, nil // binary, as find decides: the raw scan has read it
	}
	if utf8.Valid(data) {
		r.read(name, data)
		hits := s.seenHits(name, r)
		if !wantAllowed {
			return hits, nil
		}
		return hits, s.allowedSeen(r)
	}
	// Not UTF-8: a GBK export, read as what it shows, and each hit
	// placed back on the bytes of its characters.
	text, from, to := gb18030Text(data)
	if text == nil {
		return nil, nil
	}
	r.read(name, text)
	hits := s.seenHits(name, r)
	for i, h := range hits {
		start, end := from[h.Offset], to[int(h.Offset)+h.Length-1]
		hits[i].Offset, hits[i].Length = int64(start), int(end-start)
	}
	var allowed []span
	if wantAllowed {
		allowed = s.allowedSeen(r)
		for i, a := range allowed {
			allowed[i] = span{start: int(from[a.start]), end: int(to[a.end-1])}
		}
	}
	return hits, allowed
}

// allowedSeen gives the occurrences of allowed terms in the reader's texts
// folded, at the bytes of the text read.
func (s *Scanner) allowedSeen(r *reader) []span {
	km := s.seen
	if km.m == nil || !s.anyAllowed {
		return nil
	}
	r.end()
	var allowed []span
	find := func(text string, at func(i, j int) (int, int)) {
		scanText(km.m, text, maxGap, func(i, j int, pat int32) {
			if slices.Contains(km.by[pat], -1) {
				if start, end := at(i, j); end > start {
					allowed = append(allowed, span{start: start, end: end})
				}
			}
		})
	}
	if len(r.buf) > 0 {
		t := fold.Of(string(r.buf))
		find(t.S, func(i, j int) (int, int) {
			if i, j = t.Source(i, j); j > i {
				return int(r.from[i]), int(r.to[j-1])
			}
			return 0, 0
		})
	}
	if p := &r.plain; len(p.s) > 0 {
		find(string(p.s), func(i, j int) (int, int) { return int(p.from[i]), int(p.to[j-1]) })
	}
	return allowed
}

// seenHits folds the reader's texts and finds the needles in them, and with
// Patterns the numbers and addresses, but those an allowed term covers.
func (s *Scanner) seenHits(file string, r *reader) []Hit {
	r.end()
	var hits []Hit
	add := func(start, end int, needle Needle, form string) {
		hits = append(hits, Hit{File: file, Offset: int64(start), Length: end - start, Needle: needle, Form: form})
	}
	if len(r.buf) > 0 {
		t := fold.Of(string(r.buf))
		s.findSeen(s.seen, t.S, func(i, j int, n Needle) {
			if i, j = t.Source(i, j); j > i {
				add(int(r.from[i]), int(r.to[j-1]), n, formAt(r.runs, i))
			}
		})
	}
	if p := &r.plain; len(p.s) > 0 {
		s.findSeen(s.plain, string(p.s), func(i, j int, n Needle) {
			add(int(p.from[i]), int(p.to[j-1]), n, formAt(p.runs, i))
		})
	}
	return hits
}

// findSeen calls found with each needle km finds, and with Patterns each
// number and address, at text[i:j] in folded text, but those an allowed
// term covers.
func (s *Scanner) findSeen(km keyMachine, text string, found func(i, j int, n Needle)) {
	type occurrence struct {
		start, end int
		needle     Needle
	}
	var hits []occurrence
	if km.m != nil {
		scanText(km.m, text, maxGap, func(start, end int, pat int32) {
			for _, who := range km.by[pat] {
				if who >= 0 {
					hits = append(hits, occurrence{start, end, s.needles[who]})
				}
			}
		})
	}
	if s.patterns {
		findPatterns(text, func(start, end int, kind, digits string) {
			if !s.allowedNo[digits] {
				hits = append(hits, occurrence{start, end, Needle{Text: digits, Kind: kind}})
			}
		})
	}
	if len(hits) == 0 {
		return
	}
	// As in find, allowed terms only once there is something to clear.
	covered := func(int, int) bool { return false }
	var allowed []span
	if km := s.seen; km.m != nil {
		// The whole machine: a number found by its shape may lie in
		// any allowed term.
		scanText(km.m, text, maxGap, func(start, end int, pat int32) {
			if slices.Contains(km.by[pat], -1) {
				allowed = append(allowed, span{start: start, end: end})
			}
		})
	}
	if len(allowed) > 0 {
		covered = coveredBy(allowed)
	}
	for _, h := range hits {
		if !covered(h.start, h.end) {
			found(h.start, h.end, h.needle)
		}
	}
}

// oneEach keeps one hit of each occurrence: a hit of the reader's scan is
// dropped when a raw hit, or one of the reader's kept before it, of the
// same kind and folded text overlaps it. Raw hits always stay.
func oneEach(hits []Hit) []Hit {
	if len(hits) < 2 {
		return hits
	}
	slices.SortStableFunc(hits, func(a, b Hit) int {
		return cmp.Or(-compareBool(isRaw(a.Form), isRaw(b.Form)), cmp.Compare(a.Offset, b.Offset),
			cmp.Compare(a.Length, b.Length), strings.Compare(a.Form, b.Form))
	})
	type key struct{ kind, text string }
	kept := map[key][]Hit{}
	out := hits[:0]
	for _, h := range hits {
		k := key{h.Needle.Kind, sameKey(h.Needle.Text)}
		if !isRaw(h.Form) && slices.ContainsFunc(kept[k], func(o Hit) bool {
			return o.InName == h.InName && o.Offset < h.Offset+int64(h.Length) && h.Offset < o.Offset+int64(o.Length)
		}) {
			continue
		}
		kept[k] = append(kept[k], h)
		out = append(out, h)
	}
	return out
}

// isRaw reports a form of the raw scan.
func isRaw(form string) bool {
	switch form {
	case FormRaw, FormSpaced, FormHTMLDecimal, FormHTMLHex, FormJSONEscape, FormPercent, FormGB18030:
		return true
	}
	return false
}

// setLines sets the line of each hit in data, but in a name.
func setLines(hits []Hit, data []byte) {
	slices.SortFunc(hits, func(a, b Hit) int { return cmp.Compare(a.Offset, b.Offset) })
	line, at := 1, 0
	for i := range hits {
		if hits[i].InName {
			continue
		}
		off := min(int(hits[i].Offset), len(data))
		line += bytes.Count(data[at:off], []byte{'\n'})
		at = off
		hits[i].Line = line
	}
}

// isZip reports a zip file by its name or its first bytes (xlsx and docx
// files are zips).
func isZip(name string, data []byte) bool {
	return strings.EqualFold(path.Ext(name), ".zip") || bytes.HasPrefix(data, []byte("PK\x03\x04"))
}

// zip returns the hits in each entry of the zip file name, and in each
// entry's name. A hit's Form is FormZip and the entry's name, with the
// needles in it masked (an inner zip's entry after a "!"); its Offset and
// Line are in the entry, or in the entry's name with Line 0.
func (s *Scanner) zip(name string, data []byte, r *reader, depth int) ([]Hit, error) {
	if depth >= maxZipDepth {
		return nil, fmt.Errorf("a zip file nested %d deep: not scanned", depth+1)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, err
	}
	var hits []Hit
	var errs []error
	for _, f := range zr.File {
		inName, shown := s.nameHits(f.Name)
		for _, h := range inName {
			h.File, h.InName, h.Form = name, false, FormZip+shown
			hits = append(hits, h)
		}
		content, err := readEntry(f)
		if err != nil {
			errs = append(errs, fmt.Errorf("entry %s: %w", shown, err))
			continue
		}
		inner, err := s.file(f.Name, content, r, depth+1)
		if err != nil {
			errs = append(errs, fmt.Errorf("entry %s: %w", shown, err))
		}
		for _, h := range inner {
			form := FormZip + shown
			if rest, ok := strings.CutPrefix(h.Form, FormZip); ok {
				form += "!" + rest
			}
			h.File, h.Form, h.shown = name, form, ""
			hits = append(hits, h)
		}
	}
	return hits, errors.Join(errs...)
}

// readEntry reads a zip entry whole, up to maxEntrySize.
func readEntry(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > maxEntrySize {
		return nil, fmt.Errorf("%d bytes: too large to scan", f.UncompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxEntrySize+1))
	if err == nil && len(data) > maxEntrySize {
		err = fmt.Errorf("more than %d bytes: too large to scan", maxEntrySize)
	}
	return data, err
}

// nameHits returns the hits in a file, folder or entry name, with offsets
// in it and InName set, and the name with them masked.
func (s *Scanner) nameHits(name string) ([]Hit, string) {
	var hits []Hit
	for _, o := range s.find([]byte(name)) {
		hits = append(hits, Hit{Offset: int64(o.start), Length: o.end - o.start, InName: true, Needle: s.needles[o.needle], Form: o.form})
	}
	r := readers.Get().(*reader)
	r.reset()
	r.begin(FormText)
	r.raw([]byte(name), 0)
	for _, h := range s.seenHits("", r) {
		h.InName = true
		hits = append(hits, h)
	}
	readers.Put(r)
	hits = oneEach(hits)
	if len(hits) == 0 {
		return nil, name
	}
	spans := make([]span, len(hits))
	for i, h := range hits {
		spans[i] = span{int(h.Offset), int(h.Offset) + h.Length, h.Needle.Text}
	}
	return hits, maskSpans(name, spans)
}
