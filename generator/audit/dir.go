package audit

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
)

// ErrNotRegular is wrapped by Dir's error for each symlink, device, pipe or
// socket under the root. Dir scans its name but neither follows nor reads
// it: a web server might follow a link to content the audit never saw, so
// the build must fail rather than pass it.
var ErrNotRegular = errors.New("not a regular file or folder; not scanned")

// Dir scans every file and folder name under root, at any depth, hidden
// ones included, and the content of every regular file as File does. Hits
// are sorted by file, name hits first, then offset. The error, if any, joins one error per
// path that could not be read or is not regular (see ErrNotRegular), in walk
// order and with needles masked in the paths; the hits in everything else
// are still returned.
func (s *Scanner) Dir(root string) ([]Hit, error) { return s.DirBut(root, nil) }

// DirBut scans root as Dir does, but for the contents of the files audited
// says were audited already (by the same scanner, with the same bytes at
// the same path): a rebuild reads only what it wrote. Every name is still
// scanned.
func (s *Scanner) DirBut(root string, audited func(rel string) bool) ([]Hit, error) {
	type file struct {
		path  string // for os.ReadFile
		rel   string
		shown string
		size  int64
	}
	var files []file
	var hits []Hit
	var errs []error
	shown := map[string]string{".": ""} // folder → its path with needles masked
	walkErr := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if p == root {
			if err == nil && !d.IsDir() {
				return errors.New("not a folder")
			}
			return err
		}
		rel, relErr := filepath.Rel(root, p)
		if relErr != nil {
			return relErr
		}
		rel = filepath.ToSlash(rel)
		if err != nil {
			// WalkDir's second call for a folder it could not list; the
			// first call scanned its name.
			errs = append(errs, pathError(shown[rel], err))
			return nil
		}
		parent, name := path.Split(rel)
		show := shown[path.Clean(parent)]
		if show != "" {
			show += "/"
		}
		inName, masked := s.nameHits(name)
		show += masked
		for _, h := range inName {
			h.File, h.Offset, h.shown = rel, int64(len(parent))+h.Offset, show
			hits = append(hits, h)
		}
		switch {
		case d.IsDir():
			shown[rel] = show
		case d.Type().IsRegular() && audited != nil && audited(rel):
		case d.Type().IsRegular():
			var size int64
			if info, err := d.Info(); err == nil {
				size = info.Size()
			}
			files = append(files, file{p, rel, show, size})
		default:
			errs = append(errs, fmt.Errorf("audit: %s: %w", show, ErrNotRegular))
		}
		return nil
	})
	if walkErr != nil {
		return nil, pathError(root, walkErr)
	}

	// Scan contents on every core; each file's hits go to its own slot, so
	// the result does not depend on scheduling.
	found := make([][]Hit, len(files))
	readErrs := make([]error, len(files))
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			r := readers.Get().(*reader)
			defer readers.Put(r)
			for i := range work {
				data, err := os.ReadFile(files[i].path)
				if err != nil {
					readErrs[i] = pathError(files[i].shown, err)
					continue
				}
				found[i], err = s.file(files[i].rel, data, r, 0)
				if err != nil {
					readErrs[i] = fmt.Errorf("audit: %s: %w", files[i].shown, err)
				}
				for j := range found[i] {
					found[i][j].shown = files[i].shown
				}
			}
		})
	}
	// The largest first, so that no core is left with a big script
	// while the others wait.
	bySize := make([]int, len(files))
	for i := range bySize {
		bySize[i] = i
	}
	slices.SortStableFunc(bySize, func(a, b int) int { return cmp.Compare(files[b].size, files[a].size) })
	for _, i := range bySize {
		work <- i
	}
	close(work)
	wg.Wait()

	for i := range files {
		hits = append(hits, found[i]...)
		if readErrs[i] != nil {
			errs = append(errs, readErrs[i])
		}
	}
	slices.SortFunc(hits, compareHits)
	return hits, errors.Join(errs...)
}

// pathError rewords err with shown as its path: an *fs.PathError carries
// the unmasked path, which would put a name in the log.
func pathError(shown string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("audit: %s: %s: %w", shown, pe.Op, pe.Err)
	}
	return fmt.Errorf("audit: %s: %w", shown, err)
}
