package write

import (
	"errors"
	"io"
	"os"
	"path/filepath"
)

// Atomic writes the file name through a temporary file beside it, filled
// by fill, made 0644 and renamed into place: a failed or killed run leaves
// the previous file whole, or none.
func Atomic(name string, fill func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(name), TempPrefix+filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	err = errors.Join(fill(tmp), tmp.Chmod(0o644))
	if err = errors.Join(err, tmp.Close()); err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		_ = os.Remove(tmp.Name())
	}
	return err
}
