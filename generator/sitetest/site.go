package sitetest

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/rogpeppe/go-internal/txtar"
)

// WriteSite writes the files of a txtar archive into dir, making a site for
// a test: site.yaml, a scheme, content and data. txtar holds text and a
// workbook is binary, so a file NAME.xlsx.tsv (see ParseTSV) is written as
// the real workbook NAME.xlsx.
func WriteSite(dir, archive string) error {
	for _, f := range txtar.Parse([]byte(archive)).Files {
		name := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		if strings.HasSuffix(f.Name, ".xlsx.tsv") {
			sheets, err := ParseTSV(f.Name, string(f.Data))
			if err != nil {
				return err
			}
			if err := WriteWorkbook(strings.TrimSuffix(name, ".tsv"), sheets...); err != nil {
				return err
			}
			continue
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
