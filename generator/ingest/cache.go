package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/sitefs"
	"dutyreport/generator/stamp"
)

// cache keeps what reading each input file gave, so that an unchanged file
// is never parsed twice: a rebuild after one ledger changed parses that
// ledger only. An entry is keyed by the digest of everything its reading
// depends on: the file's bytes, its path and sheets, the kind and year, and
// a salt made of the tool's own executable, site.yaml, the scheme and the
// units register. Any change to those is a new key, so an entry is never
// stale; entries no build used are removed at the end of the next.
type cache struct {
	dir    string
	salt   []byte
	files  *sitefs.Root // the site's files, read only through it
	mu     sync.Mutex
	used   map[string]bool
	stored []string // keys written by this build
}

// cacheEntry is what one file's reading gave besides its records, which
// follow it in the entry's file, written by the kind's records codec (see
// kinds). The records' origins point at the file's index in the build that
// stored them; loading points them at this build's.
type cacheEntry struct {
	Sheets   []string
	Marker   string
	Rejected map[string]bool
	Problems problem.List
}

// newCache opens the cache in dir for the site c, whose register is read
// from units (the file found, see findInput); nil for dir "", or when the
// running program cannot be read to key the entries by.
func newCache(dir string, c *config.Config, files *sitefs.Root, units string, sheets []string) *cache {
	if dir == "" || stamp.Executable() == "" {
		return nil
	}
	return &cache{dir: dir, files: files, salt: salt(c, files, units, sheets), used: map[string]bool{}}
}

// salt digests what every file's reading depends on besides the file.
func salt(c *config.Config, files *sitefs.Root, units string, sheets []string) []byte {
	h := sha256.New()
	fmt.Fprintf(h, "dutyreport ingest cache 3\n%s\n", stamp.Executable())
	for _, f := range []string{config.SiteFile, c.Site.Scheme} {
		hashInput(h, files, filepath.ToSlash(f))
	}
	fmt.Fprintf(h, "%q %q\n", units, sheets)
	hashInput(h, files, units)
	return h.Sum(nil)
}

// finish ends a build's use of the cache: if what the salt digests changed
// during the build, the entries written are dropped, since they may hold
// readings against the older files; then unused entries are removed.
func (c *cache) finish(cfg *config.Config, units string, sheets []string) {
	if !bytes.Equal(salt(cfg, c.files, units, sheets), c.salt) {
		for _, k := range c.stored {
			os.Remove(c.path(k))
			delete(c.used, k)
		}
	}
	c.prune()
}

// hashFile adds a file's bytes to h, or a marker that it is absent.
func hashFile(h io.Writer, name string) bool {
	f, err := os.Open(name)
	if err != nil {
		fmt.Fprintf(h, "absent %q\n", filepath.Base(name))
		return false
	}
	defer f.Close()
	_, err = io.Copy(h, f)
	return err == nil
}

// hashInput adds the bytes of the site's file rel to h, or a marker that
// it is absent or not a file to read (see sitefs.Root.Open).
func hashInput(h io.Writer, files *sitefs.Root, rel string) bool {
	f, err := files.Open(rel)
	if err != nil {
		fmt.Fprintf(h, "absent %q\n", path.Base(rel))
		return false
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || fi.Size() > maxFileBytes {
		return false // too large to digest; reading it reports why
	}
	_, err = io.Copy(h, f)
	return err == nil
}

// key gives the key of a job's file; ok is false when the file cannot be
// read, which is reported by reading it.
func (c *cache) key(cfg *config.Config, j job) (string, bool) {
	h := sha256.New()
	h.Write(c.salt)
	fmt.Fprintf(h, "%s %d %q %q\n", kinds[j.kind].name, j.year, j.rel, j.sheets)
	if !hashInput(h, c.files, j.rel) {
		return "", false
	}
	return hex.EncodeToString(h.Sum(nil)), true
}

func (c *cache) path(key string) string { return filepath.Join(c.dir, key[:2], key+".gob") }

// load gives the entry of key, if the cache has it, and reads its records
// into y with their origins at file f; y is left as it was when the cache
// does not have it.
func (c *cache) load(key string, recs records, y *record.Year, f uint16) (*cacheEntry, bool) {
	c.mu.Lock()
	c.used[key] = true
	c.mu.Unlock()
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	var e cacheEntry
	dec := gob.NewDecoder(bytes.NewReader(data))
	if dec.Decode(&e) != nil || recs.decode(dec, y, f) != nil {
		return nil, false
	}
	return &e, true
}

// store saves an entry and y's records of its kind; a cache that cannot be
// written only costs time.
func (c *cache) store(key string, e *cacheEntry, recs records, y *record.Year) {
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	if enc.Encode(e) != nil || recs.encode(enc, y) != nil {
		return
	}
	p := c.path(key)
	if os.MkdirAll(filepath.Dir(p), 0o755) != nil {
		return
	}
	tmp := p + ".tmp" + strconv.Itoa(os.Getpid())
	if os.WriteFile(tmp, buf.Bytes(), 0o644) != nil {
		os.Remove(tmp)
		return
	}
	if os.Rename(tmp, p) != nil {
		os.Remove(tmp)
		return
	}
	c.mu.Lock()
	c.stored = append(c.stored, key)
	c.mu.Unlock()
}

// prune removes the entries this build did not use.
func (c *cache) prune() {
	files, _ := filepath.Glob(filepath.Join(c.dir, "[0-9a-f][0-9a-f]", "*.gob")) // not stamps/
	for _, f := range files {
		if !c.used[strings.TrimSuffix(filepath.Base(f), ".gob")] {
			os.Remove(f)
		}
	}
}
