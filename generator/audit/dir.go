package audit

import (
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
// ones included, and the content of every regular file. Hits are sorted by
// file, name hits first, then offset. The error, if any, joins one error per
// path that could not be read or is not regular (see ErrNotRegular), in walk
// order and with needles masked in the paths; the hits in everything else
// are still returned.
func (s *Scanner) Dir(root string) ([]Hit, error) {
	type file struct {
		path  string // for os.ReadFile
		rel   string
		shown string
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
		var spans []span
		first := len(hits)
		for _, o := range s.find([]byte(name)) {
			spans = append(spans, span{o.start, o.end, s.needles[o.needle].Text})
			hits = append(hits, Hit{
				File:   rel,
				Offset: int64(len(parent) + o.start),
				Length: o.end - o.start,
				InName: true,
				Needle: s.needles[o.needle],
				Form:   o.form,
			})
		}
		show += maskSpans(name, spans)
		for i := first; i < len(hits); i++ {
			hits[i].shown = show
		}
		switch {
		case d.IsDir():
			shown[rel] = show
		case d.Type().IsRegular():
			files = append(files, file{p, rel, show})
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
			for i := range work {
				data, err := os.ReadFile(files[i].path)
				if err != nil {
					readErrs[i] = pathError(files[i].shown, err)
					continue
				}
				found[i] = s.Bytes(files[i].rel, data)
				for j := range found[i] {
					found[i][j].shown = files[i].shown
				}
			}
		})
	}
	for i := range files {
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
