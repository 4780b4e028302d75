package write

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// ManifestFile lists, in an output folder, every file the build that made
// it wrote, with its SHA-256: what is not listed is the user's (a .git
// folder, .htaccess, web.config, CNAME, the CMS's files) and is kept; a
// listed file whose bytes differ was edited by hand.
const ManifestFile = ".dutyreport-files"

// Survey is what an output folder holds besides the previous build's own.
type Survey struct {
	// Foreign are the user's entries, slash-separated: a file, a symlink,
	// or a folder none of whose contents a build made (kept whole).
	Foreign []string
	// Edited are the previous build's files whose bytes changed since.
	Edited []string
	// Kept are the previous build's files as it left them, each with
	// its digest, size and time when surveyed: a build that writes the
	// same bytes links the file without reading it again (see Known).
	Kept map[string]Known
}

// Known is a file of the output folder whose bytes were read and digested.
type Known struct {
	Sum   [sha256.Size]byte
	Size  int64
	Mtime int64 // Unix nanoseconds
}

// SurveyOut reads the output folder out against its manifest. Without a
// manifest, a folder an earlier version of the tool built (made) keeps
// only its dot entries (.git, .htaccess), the rest being the build's; any
// other folder is all the user's.
func SurveyOut(out string, made bool) (Survey, error) {
	var s Survey
	listed, ok, err := readManifest(out)
	if err != nil {
		return s, err
	}
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, err
	}
	if !ok {
		for _, e := range entries {
			if name := e.Name(); !made || (strings.HasPrefix(name, ".") && !strings.HasPrefix(name, ".dutyreport")) {
				s.Foreign = append(s.Foreign, name)
			}
		}
		return s, nil
	}
	ours := map[string]bool{} // the folders holding a listed file
	for p := range listed {
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			ours[d] = true
		}
	}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == "." || rel == ManifestFile:
			return nil
		case d.IsDir() && ours[rel]:
			return nil
		case d.IsDir():
			s.Foreign = append(s.Foreign, rel)
			return filepath.SkipDir
		case listed[rel] == "":
			s.Foreign = append(s.Foreign, rel)
		case d.Type().IsRegular():
			info, err := d.Info()
			if err != nil {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sum := sha256.Sum256(data)
			if hex.EncodeToString(sum[:]) != listed[rel] {
				s.Edited = append(s.Edited, rel)
			} else {
				if s.Kept == nil {
					s.Kept = map[string]Known{}
				}
				s.Kept[rel] = Known{Sum: sum, Size: info.Size(), Mtime: info.ModTime().UnixNano()}
			}
		default: // a listed file that became a link or a folder: edited
			s.Edited = append(s.Edited, rel)
		}
		return nil
	})
	slices.Sort(s.Foreign)
	slices.Sort(s.Edited)
	return s, err
}

// readManifest reads out's manifest: each listed file's hex digest.
func readManifest(out string) (map[string]string, bool, error) {
	data, err := os.ReadFile(filepath.Join(out, ManifestFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	all, err := ParseSums(data)
	listed := map[string]string{}
	for p, sums := range all {
		if fs.ValidPath(p) {
			listed[p] = sums[len(sums)-1]
		}
	}
	return listed, true, err
}

// ParseSums reads a list of digests as sha256sum writes it ("hex  path" a
// line), each path's digests in their order: the output folder's manifest,
// the templates' (generator/template.go).
func ParseSums(data []byte) (map[string][]string, error) {
	sums := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if sum, p, ok := strings.Cut(sc.Text(), "  "); ok {
			sums[p] = append(sums[p], sum)
		}
	}
	return sums, sc.Err()
}

// Carry puts the user's entries of the output folder into the staged site,
// as they are: files hard-linked (copied where links cannot be made),
// folders made anew with their contents, symlinks made again. The swap
// then keeps them, and a build killed before it leaves the originals
// where they were. An entry at a path the build wrote is the build's.
func (t *Tree) Carry(foreign []string) error {
	for _, rel := range foreign {
		if t.seen[rel] {
			continue
		}
		src := filepath.Join(t.out, filepath.FromSlash(rel))
		dst := filepath.Join(t.tmp, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := carry(src, dst); err != nil {
			return fmt.Errorf("keeping %s: %w", rel, err)
		}
	}
	return nil
}

func carry(src, dst string) error {
	st, err := os.Lstat(src)
	if err != nil {
		return err
	}
	switch {
	case st.Mode()&fs.ModeSymlink != 0:
		target, err := os.Readlink(src)
		if err != nil {
			return err
		}
		return os.Symlink(target, dst)
	case st.IsDir():
		if err := os.Mkdir(dst, st.Mode().Perm()); err != nil && !errors.Is(err, fs.ErrExist) {
			return err
		}
		entries, err := os.ReadDir(src)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := carry(filepath.Join(src, e.Name()), filepath.Join(dst, e.Name())); err != nil {
				return err
			}
		}
		return nil
	case st.Mode().IsRegular():
		if os.Link(src, dst) == nil {
			return nil
		}
		data, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, st.Mode().Perm())
	}
	return nil // a pipe or a device: not the site's to keep
}

// manifest lists the files the build wrote, sorted, with their digests.
func (t *Tree) manifest() []byte {
	paths := make([]string, 0, len(t.sums))
	for p := range t.sums {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var b bytes.Buffer
	for _, p := range paths {
		sum := t.sums[p]
		b.WriteString(hex.EncodeToString(sum[:]) + "  " + p + "\n")
	}
	return b.Bytes()
}
