package ingest

import (
	"path"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"dutyreport/generator/problem"
	"dutyreport/generator/sitefs"
)

// inputExts are the extensions a file exported in place of the configured
// one may have: the configured 民主测评.xlsx may be there as 民主测评.csv.
var inputExts = []string{".xlsx", ".xlsm", ".csv", ".txt", ".xls", ".et", ".ods", ".fods", ".xlsb", ".numbers"}

// findInput gives the file to read for a configured path: the path itself
// when it exists, or else the one file beside it of the same name with
// another spreadsheet extension, which is then read by what its bytes are
// (an .xls is refused as such, which helps more than "missing"). When two
// or more such files are there (民主测评.xlsx and 民主测评.csv), which one
// the clerk means is not for the tool to guess: it returns them all as
// rivals, and none is read.
func findInput(files *sitefs.Root, rel string) (string, []string) {
	stem := strings.TrimSuffix(rel, path.Ext(rel))
	var found []string
	if files.Exists(rel) {
		found = append(found, rel)
	}
	for _, ext := range inputExts {
		if alt := stem + ext; alt != rel && files.Exists(alt) {
			found = append(found, alt)
		}
	}
	switch len(found) {
	case 0:
		return rel, nil
	case 1:
		return found[0], nil
	}
	return rel, found
}

// twoFiles is the problem of an input with rivals.
func twoFiles(rel string, rivals []string) problem.Problem {
	return problem.Problem{Pos: problem.Position{File: rel}, Code: problem.IngestTwoFiles, Found: strings.Join(rivals, "、")}
}

// nearMisses lists the workbooks in a missing input's folder whose names
// look like its own: holding it (民主测评(1).xlsx, 2025年纪实台账.xlsx) or a
// character or two off (纪实台帐.xlsx), at most five.
func nearMisses(files *sitefs.Root, rel string) []string {
	dir := path.Dir(rel)
	entries, err := files.ReadDir(dir)
	if err != nil {
		return nil
	}
	want := []rune(looseName(path.Base(rel)))
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !slices.Contains(inputExts, strings.ToLower(path.Ext(name))) || strings.HasPrefix(name, "~$") {
			continue
		}
		got := []rune(looseName(name))
		near := strings.Contains(string(got), string(want))
		if !near {
			_, near = typoDistance(got, want)
		}
		if near && len(out) < 5 {
			out = append(out, path.Join(dir, name))
		}
	}
	return out
}

// looseName is a file name without its extension, as a clerk's copies
// vary it: width folded, spaces dropped.
func looseName(name string) string {
	name = norm.NFKC.String(strings.TrimSuffix(name, path.Ext(name)))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, name)
}

// explainMissing adds to each missing-file problem the files beside it
// that look like the one missing.
func explainMissing(files *sitefs.Root, probs problem.List) {
	for i := range probs {
		if probs[i].Code != problem.IngestMissingFile {
			continue
		}
		rel := probs[i].Pos.File
		if near := nearMisses(files, rel); len(near) > 0 {
			probs[i].Notes = append(probs[i].Notes, problem.Note{Text: problem.T(problem.TNearMiss, problem.Joined(near), path.Base(rel))})
		}
	}
}
