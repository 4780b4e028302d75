package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"dutyreport/generator/blank"
	"dutyreport/generator/config"
	"dutyreport/generator/ingest"
	"dutyreport/generator/problem"
	"dutyreport/generator/write"
)

// TemplateOptions say which blank workbooks to make.
type TemplateOptions struct {
	Source string // the site folder
	Out    string // the output folder; "" for templates/YEAR in the site folder
	Year   int
	// PerUnit writes the ledger as one workbook per unit.
	PerUnit bool
}

// TemplateReport says what Template wrote.
type TemplateReport struct {
	Out     string       // the output folder
	Books   []blank.Book // what was written, in order (Data included)
	Removed []string     // templates of an earlier run no longer made, removed
	// DataDir is where the year's returned files go: the folder of its
	// ledger in site.yaml, relative to the site folder (data/2025).
	DataDir string
	// Ledger is the year's ledger file as site.yaml names it (data/2025/纪实台账.xlsx).
	Ledger string
}

// TemplateManifest is the file in a templates folder that lists each
// template written there with the SHA-256 of its bytes (as sha256sum
// writes them). A later run writes over a file only when it is listed and
// unchanged: a unit's returned file put there is never lost.
const TemplateManifest = ".dutyreport-template"

// Template makes the blank workbooks of a year (package blank) from the
// site's scheme and units register and writes them into the output folder.
// A year not in site.yaml, or an output folder holding files it did not
// make (or made and since changed), is a UsageError; problems of the
// configuration or the register come back as the list, and nothing is
// written then.
func Template(o TemplateOptions) (TemplateReport, problem.List, error) {
	rep := TemplateReport{}
	cfg, probs := config.Load(o.Source)
	if probs.HasErrors() {
		return rep, probs, nil
	}
	var years []string
	found := false
	for _, y := range cfg.Site.Years {
		years = append(years, strconv.Itoa(y.Year))
		found = found || y.Year == o.Year
	}
	if !found {
		return rep, probs, refused(problem.TTemplateNoYear, o.Year, config.SiteFile, strings.Join(years, ", "))
	}
	out := o.Out
	if out == "" {
		out = filepath.Join(o.Source, "templates", strconv.Itoa(o.Year))
	}
	rep.Out = out
	if abs(out) == abs(o.Source) {
		return rep, probs, refused(problem.TOutIsSite, out)
	}
	if in := overlappedInput(cfg, o.Source, out); in != "" {
		return rep, probs, refused(problem.TTemplateInInputs, out, in)
	}
	ledger, _ := config.SplitInput(filepath.ToSlash(strings.ReplaceAll(cfg.Site.Inputs.Ledger, "{year}", strconv.Itoa(o.Year))))
	rep.Ledger, rep.DataDir = ledger, path.Dir(ledger)
	mine, err := madeByTemplate(out)
	if err != nil {
		return rep, probs, err
	}
	reg, uprobs := ingest.ReadUnits(cfg)
	probs.Append(uprobs)
	probs.Sort()
	if probs.HasErrors() {
		return rep, probs, nil
	}
	books, err := blank.Make(blank.Input{Scheme: &cfg.Scheme, Register: reg, Inputs: cfg.Site.Inputs, Year: o.Year, PerUnit: o.PerUnit})
	if err != nil {
		return rep, probs, err
	}
	rep.Books = books
	rep.Removed, err = writeTemplates(out, books, mine)
	return rep, probs, err
}

// madeByTemplate lists the files of the folder dir that an earlier run
// wrote and nobody changed since, with their digests, by their manifest;
// any other file in it is a UsageError. A folder that is not there holds
// nothing. A manifest may list two digests of a file: a run stopped while
// it replaced the files leaves each either as it was or as it was to be.
func madeByTemplate(dir string) (map[string]string, error) {
	mine := map[string]string{}
	listed := map[string][]string{}
	if data, err := os.ReadFile(filepath.Join(dir, TemplateManifest)); err == nil {
		listed, _ = write.ParseSums(data) // as much as can be read, as before
	}
	var foreign []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && p == dir {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == TemplateManifest {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		if hexSum := hex.EncodeToString(sum[:]); slices.Contains(listed[rel], hexSum) {
			mine[rel] = hexSum
		} else {
			foreign = append(foreign, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(foreign) > 0 {
		slices.Sort(foreign)
		n := len(foreign)
		foreign = foreign[:min(n, 3)]
		return nil, refused(problem.TTemplateForeign, dir, n, problem.Joined(foreign))
	}
	return mine, nil
}

// writeTemplates writes the books into dir, each through a temporary file
// renamed into place, removes the templates of an earlier run it no longer
// makes, and writes the manifest. The manifest is written first with the
// old digests and the new: whatever stops the run midway (a template open
// in Excel on Windows, a full disk), the folder stays one a next run takes.
func writeTemplates(dir string, books []blank.Book, mine map[string]string) (removed []string, err error) {
	var manifest strings.Builder
	made := map[string]bool{}
	for _, b := range books {
		sum := sha256.Sum256(b.Data)
		fmt.Fprintf(&manifest, "%s  %s\n", hex.EncodeToString(sum[:]), b.Name)
		made[b.Name] = true
	}
	var during strings.Builder
	during.WriteString(manifest.String())
	for _, name := range slices.Sorted(maps.Keys(mine)) {
		fmt.Fprintf(&during, "%s  %s\n", mine[name], name)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, TemplateManifest), []byte(during.String()), 0o644); err != nil {
		return nil, err
	}
	for _, b := range books {
		p := filepath.Join(dir, filepath.FromSlash(b.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		tmp := p + ".tmp"
		if err := os.WriteFile(tmp, b.Data, 0o644); err != nil {
			os.Remove(tmp)
			return nil, err
		}
		if err := os.Rename(tmp, p); err != nil {
			os.Remove(tmp)
			return nil, err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(mine)) {
		if made[name] {
			continue
		}
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil && !os.IsNotExist(err) {
			return nil, err
		}
		if sub := filepath.Dir(filepath.Join(dir, filepath.FromSlash(name))); sub != filepath.Clean(dir) {
			os.Remove(sub) // a per-unit folder left empty; fails, as it should, if not empty
		}
		removed = append(removed, name)
	}
	return removed, os.WriteFile(filepath.Join(dir, TemplateManifest), []byte(manifest.String()), 0o644)
}
