package edition

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"go.yaml.in/yaml/v3"

	"dutyreport/generator/sitefs"
	"dutyreport/generator/write"
	"dutyreport/generator/yamlbudget"
)

// LockFile is the lock's name in the site folder.
const LockFile = "editions.lock"

// Lock is editions.lock: every published edition as it was last built.
type Lock struct {
	// SiteRevision counts the site-wide revisions (site.yaml revisions:)
	// that have been applied.
	SiteRevision int     `yaml:"site_revision"`
	Editions     []Entry `yaml:"editions"`
}

// Entry is one published edition in the lock.
type Entry struct {
	Year      int    `yaml:"year"`
	Revision  int    `yaml:"revision"`
	Published string `yaml:"published"`
	// Inputs maps each input file of the edition (the scheme, the year's
	// spreadsheets and Markdown) to its digest; Output every file under the
	// year's folder of the public site.
	Inputs map[string]string `yaml:"inputs"`
	Output map[string]string `yaml:"output"`
}

// Find gives the entry of year y, or nil.
func (l *Lock) Find(y int) *Entry {
	for i := range l.Editions {
		if l.Editions[i].Year == y {
			return &l.Editions[i]
		}
	}
	return nil
}

// set replaces or adds e, keeping the entries in year order.
func (l *Lock) set(e Entry) {
	if old := l.Find(e.Year); old != nil {
		*old = e
		return
	}
	l.Editions = append(l.Editions, e)
	slices.SortFunc(l.Editions, func(a, b Entry) int { return a.Year - b.Year })
}

const lockHeader = `# editions.lock: each published edition as it was published, written by
# dutyreport build. Commit it with the data. A build that would change a
# published edition fails unless site.yaml records an erratum for it (or a
# site-wide revision, for pages only). See the README, "Editions".
`

// MaxLockBytes bounds editions.lock, checked before it is read: a
// province's ten years of 3,000 units' pages is a few megabytes.
const MaxLockBytes = 64 << 20

// ReadLock reads the site's lock; a site without one has an empty lock.
// It is read through the site folder as a root (sitefs), and a lock with
// an alias (*name) is refused before it is decoded: builds write none, and
// one could stand for millions of entries.
func ReadLock(dir string) (*Lock, error) {
	root := sitefs.Open(dir)
	defer root.Close()
	data, err := root.ReadFile(LockFile, MaxLockBytes)
	if errors.Is(err, fs.ErrNotExist) {
		return &Lock{}, nil
	}
	restore := "(restore it from git: it is written by builds, not by hand)"
	if err != nil {
		return nil, fmt.Errorf("%s: %v %s", LockFile, err, restore)
	}
	var node yaml.Node
	if err := yaml.Unmarshal(data, &node); err != nil {
		return nil, fmt.Errorf("%s: %v %s", LockFile, err, restore)
	}
	if a := yamlbudget.Alias(&node); a != nil {
		return nil, fmt.Errorf("%s:%d: an alias *%s, which builds never write %s", LockFile, a.Line, a.Value, restore)
	}
	var l Lock
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&l); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %v %s", LockFile, err, restore)
	}
	return &l, nil
}

// Bytes gives the lock as written: the header, then YAML with map keys in
// sorted order, so that two builds write the same bytes.
func (l *Lock) Bytes() []byte {
	var b bytes.Buffer
	b.WriteString(lockHeader)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	_ = enc.Encode(l) // plain strings, ints and maps always encode
	_ = enc.Close()
	return b.Bytes()
}

// writeFile writes data to name whole (see write.Atomic), making its folder.
func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return write.Atomic(name, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
