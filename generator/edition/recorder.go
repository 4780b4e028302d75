package edition

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"dutyreport/generator/sitefs"
)

// Recorder gathers, while a site is written, the digest of every file
// under each year's folder, and of its exports (the files of its data
// folder itself) for the manifest. It keeps no file's bytes: a province's
// exports are read back from the written site only when they are archived.
// It is safe for concurrent use: a build's workers note their files side by
// side.
type Recorder struct {
	mu      sync.Mutex // guards the maps; never held while digesting
	output  map[int]map[string]string
	exports map[int]map[string]string
	inputs  map[int]map[string]string // set by Manifest
}

func NewRecorder() *Recorder {
	return &Recorder{output: map[int]map[string]string{}, exports: map[int]map[string]string{}, inputs: map[int]map[string]string{}}
}

// Add notes one written file, p relative to the site's root.
func (r *Recorder) Add(p string, data []byte) {
	if recorded(p) {
		r.note(p, Digest(data))
	}
}

// AddSum notes a file kept from the last build by the sha256 of its
// bytes, which the build knows without reading it.
func (r *Recorder) AddSum(p string, sum [sha256.Size]byte) {
	if recorded(p) {
		r.note(p, "sha256:"+hex.EncodeToString(sum[:]))
	}
}

// recorded reports whether p is under a year's folder, whose files are
// digested for the editions.
func recorded(p string) bool {
	dir, _, ok := strings.Cut(p, "/")
	_, err := strconv.Atoi(dir)
	return ok && err == nil && len(dir) == 4
}

func (r *Recorder) note(p, d string) {
	dir, rest, _ := strings.Cut(p, "/")
	year, _ := strconv.Atoi(dir)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.output[year] == nil {
		r.output[year], r.exports[year] = map[string]string{}, map[string]string{}
	}
	r.output[year][p] = d
	if name, ok := strings.CutPrefix(rest, "data/"); ok && !strings.Contains(name, "/") {
		r.exports[year][name] = d
	}
}

// Manifest completes m, whose year, revision, errata and scheme are set,
// with the digests of the edition's input files (paths in the site folder
// dir; one that is absent is an optional input the year does without) and
// of its exports written so far, and gives it as written. It is made last
// of a year's exports.
func (r *Recorder) Manifest(dir string, m Manifest, inputs []string) ([]byte, error) {
	ins, err := digestInputs(dir, inputs)
	if err != nil {
		return nil, err
	}
	m.Scheme.Digest = ins[m.Scheme.File]
	m.Inputs = Files(ins)
	r.mu.Lock()
	r.inputs[m.Year] = ins
	m.Exports = Files(r.exports[m.Year])
	r.mu.Unlock()
	return m.JSON(), nil
}

// Edition completes e, a published edition of the build, with what was
// recorded of it, once the site is written (the maps it gives are the
// Recorder's own); its exports are read back from staged, the site as
// written, only when they are asked for.
func (r *Recorder) Edition(e Edition, staged string) Edition {
	r.mu.Lock()
	e.Inputs, e.Output = r.inputs[e.Year], r.output[e.Year]
	names := r.exports[e.Year]
	r.mu.Unlock()
	e.Exports = func() (map[string][]byte, error) {
		out := map[string][]byte{}
		for name := range names {
			data, err := os.ReadFile(filepath.Join(staged, strconv.Itoa(e.Year), "data", name))
			if err != nil {
				return nil, err
			}
			out[name] = data
		}
		return out, nil
	}
	return e
}

// digestInputs digests the files at paths in the site folder dir, read
// through it (sitefs) and as they stream.
func digestInputs(dir string, paths []string) (map[string]string, error) {
	out := map[string]string{}
	root := sitefs.Open(dir)
	defer root.Close()
	for _, p := range paths {
		f, err := root.Open(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		d, err := DigestOf(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out[filepath.ToSlash(p)] = d
	}
	return out, nil
}

// FileIn reads files of a built site in dir, for the lock's messages.
func FileIn(dir string) func(p string) ([]byte, bool) {
	return func(p string) ([]byte, bool) {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		return data, err == nil
	}
}
