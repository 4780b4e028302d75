package stamp

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// version changes whenever the stamp's format or meaning does.
const version = 1

// Stamp is what one build made from what: see the package comment.
type Stamp struct {
	Version int
	Key     string // the options and the tool (Key)
	Time    int64  // when the stamp was taken, in Unix nanoseconds
	Site    Files  // the site folder, but for what Skip leaves out
	Out     Files  // the output folder as the build left it
	Audit   string // the key of the leak audit that read every file of Out
	// Made gives, for the files of Out made from the site's model, the
	// digest of what each was made from: a build that would make one
	// from the same keeps it.
	Made map[string][sha256.Size]byte
	// Report is what the build reported (its pages, its warnings),
	// encoded by the caller, to be given back when nothing is done.
	Report []byte
}

// Files lists the files of a folder by slash-separated relative path.
type Files map[string]File

// File is one entry of a folder: its kind and size, its times and
// identity (for the quick comparison) and, for the site's files, the
// digest of its bytes (or of a link's target).
type File struct {
	Mode   uint32 // os.FileMode's type bits and permissions
	Size   int64
	Mtime  int64 // Unix nanoseconds
	Change int64 // the inode's change time where the system has one, else 0
	Inode  uint64
	Sum    [sha256.Size]byte
}

// Key digests the parts of a build's options that decide its output, with
// the running executable: a new version of the tool builds afresh. It is
// "" when the executable cannot be read: no stamp matches it.
func Key(parts ...string) string {
	if Executable() == "" {
		return ""
	}
	h := sha256.New()
	h.Write([]byte(Executable()))
	for _, p := range parts {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Path is where the stamp of the output folder out is kept in the cache
// folder dir: one per output folder, so the public site, the dashboard
// and a preview each keep theirs.
func Path(dir, out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(dir, "stamps", hex.EncodeToString(sum[:12])+".gob")
}

// IndexPath is where the last listing of the site folder is kept in the
// cache folder dir (as a Stamp with only its Site and Time): whichever
// build made it, the next reads only the files that changed since.
func IndexPath(dir string) string { return filepath.Join(dir, "stamps", "site.gob") }

// Load reads the stamp at name; nil when there is none or it cannot be
// read, which only means a full build.
func Load(name string) *Stamp {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	var s Stamp
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&s) != nil || s.Version != version {
		return nil
	}
	return &s
}

// Save writes the stamp at name through a temporary file, so that a
// killed build leaves the old stamp or the new one, never half of one.
func (s *Stamp) Save(name string) error {
	s.Version = version
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(s); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".stamp-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(buf.Bytes())
	if err = errors.Join(err, tmp.Close()); err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
	return err
}

// Remove deletes the stamp at name: the output folder is about to change
// in a way no stamp describes.
func Remove(name string) { _ = os.Remove(name) }

// Now is the time a build begins, as stamps keep it.
func Now() int64 { return time.Now().UnixNano() }

// IsDir reports whether the entry is a folder.
func (f File) IsDir() bool { return fs.FileMode(f.Mode).IsDir() }

// Racy reports whether some file of the stamp changed too close to its
// time for its times to tell, and so is read whenever it is compared: a
// stamp found good is saved again, later, to know them by their times.
// (In the output, the modification time tells; see ListOut.)
func (s *Stamp) Racy() bool {
	for _, f := range s.Site {
		if !f.IsDir() && (f.Mtime >= s.Time-racy || f.Change >= s.Time-racy) {
			return true
		}
	}
	for _, f := range s.Out {
		if !f.IsDir() && f.Mtime >= s.Time-racy {
			return true
		}
	}
	return false
}
