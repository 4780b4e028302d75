// Package scaffold writes a new site folder that builds at once: site.yaml,
// the Shangnan scheme, Markdown content and a small sample county's
// spreadsheets (`dutyreport new`). A clerk starts from a working site and
// replaces its parts one by one, rather than from an empty folder and the
// README.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template"

	"dutyreport/schemes"
)

//go:embed files
var files embed.FS

// Options say what site to make.
type Options struct {
	County string // the county's name, 示例县 by default
	Year   int    // the latest assessment year, a draft; the year before it is published
	// Office is the office that runs the site and issues the notices
	// (footer.operator and notices.issuer); "" leaves them for later.
	Office string
	// Scheme is the county's own scheme document: its title (name), number
	// (source) and date of issue. Without a title and number the scheme is
	// Shangnan's, marked sample, and a build that publishes refuses it.
	SchemeTitle, SchemeNumber, SchemeIssued string
}

// Write's refusals, which the command line words for the clerk.
var (
	ErrBadYear  = errors.New("the year is not an assessment year (1990–2100)")
	ErrNotEmpty = errors.New("the folder is not empty: a new site needs a new or empty folder")
)

// Write makes the site in dir, which must be new or empty. It returns the
// files written, relative to dir and sorted.
func Write(dir string, o Options) ([]string, error) {
	if o.County == "" {
		o.County = "示例县"
	}
	if o.Year < 1990 || o.Year > 2100 {
		return nil, ErrBadYear
	}
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return nil, ErrNotEmpty
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	// The folder was new or empty: all it holds on failure is ours, and
	// goes, so that the clerk can run new again.
	created := err != nil
	written, err := write(dir, o)
	if err != nil {
		if created {
			os.RemoveAll(dir)
		} else if entries, rerr := os.ReadDir(dir); rerr == nil {
			for _, e := range entries {
				os.RemoveAll(filepath.Join(dir, e.Name()))
			}
		}
		return nil, err
	}
	return written, nil
}

// write writes the site's files into dir.
func write(dir string, o Options) ([]string, error) {
	s := &site{dir: dir, vars: vars{County: o.County, Office: o.Office, Year: o.Year, Prev: o.Year - 1, Towns: countOf(starterUnits, "镇"), Depts: countOf(starterUnits, "县直部门")}}
	// Each embedded file is a text/template of vars; the year files are
	// named after their year.
	err := fs.WalkDir(files, "files", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := strings.TrimPrefix(p, "files/")
		switch rel {
		case "content/years/prev.md":
			rel = "content/years/" + strconv.Itoa(s.vars.Prev) + ".md"
		case "content/notices/case.md":
			rel = "content/notices/" + strconv.Itoa(s.vars.Prev) + "-1.md"
		}
		src, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		tmpl, err := template.New(rel).Option("missingkey=error").Funcs(template.FuncMap{"yaml": yamlText}).Parse(string(src))
		if err != nil {
			return err
		}
		var buf bytes.Buffer
		if err := tmpl.Execute(&buf, s.vars); err != nil {
			return err
		}
		return s.write(rel, buf.Bytes())
	})
	if err == nil {
		err = s.write("schemes/shangnan.yaml", scheme(o))
	}
	if err == nil {
		err = s.write(".gitignore", []byte(gitignore))
	}
	if err == nil {
		err = s.data()
	}
	return s.written, err
}

// gitignore keeps out of version control what builds make and what the
// public must not get: the dashboard names persons.
const gitignore = `# Made by builds: the internal dashboard (never publish it), the cache and
# the temporary folders of a build in progress. Commit public/,
# editions.lock and editions/ with the data.
/dashboard/
.dutyreport-cache/
.dutyreport-tmp-*
.dutyreport-previous-*
`

// vars are what the embedded files are filled with.
type vars struct {
	County       string
	Office       string
	Year, Prev   int
	Towns, Depts int
}

type site struct {
	dir     string
	vars    vars
	written []string
}

func (s *site) write(rel string, data []byte) error {
	p := filepath.Join(s.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return err
	}
	s.written = append(s.written, rel)
	return nil
}

// scheme is the scheme file of the new site: Shangnan's rules, named after
// the county's own document when one is given, else marked sample (a
// county's site may not cite another county's document unawares).
func scheme(o Options) []byte {
	src := string(schemes.Shangnan)
	if o.SchemeTitle == "" || o.SchemeNumber == "" {
		return []byte(sourceLine.ReplaceAllLiteralString(src, "source: 商南发〔2015〕2号\n"+
			"# 样例：这是商南县的考核办法。请把 name、source 改为本县考核办法的标题和文号，\n"+
			"# 加上印发日期（issued: 2024-03-01），按本县办法修改规则，然后删除下面这一行。\n"+
			"sample: true"))
	}
	src = nameLine.ReplaceAllLiteralString(src, "name: "+yamlText(o.SchemeTitle))
	line := "source: " + yamlText(o.SchemeNumber)
	if o.SchemeIssued != "" {
		line += "\nissued: " + o.SchemeIssued
	}
	return []byte(sourceLine.ReplaceAllLiteralString(src, line))
}

var (
	nameLine   = regexp.MustCompile(`(?m)^name: .*$`)
	sourceLine = regexp.MustCompile(`(?m)^source: .*$`)
)

// yamlText quotes s for a YAML value when it needs it.
func yamlText(s string) string {
	if strings.ContainsAny(s, ":#'\"{}[],&*!|>%@`") || strings.TrimSpace(s) != s {
		return strconv.Quote(s)
	}
	return s
}
