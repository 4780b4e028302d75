package generator

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path"
	"path/filepath"

	"dutyreport/generator/audit"
	"dutyreport/generator/config"
	"dutyreport/generator/notices"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// Scanner is the leak audit of an audience: every sensitive string the
// inputs know that the audience must not read. The public site may show
// no person's name, ID or phone number; no site may show a whistleblower's
// or witness's name; the rosters' persons are names like the cases'. Names
// inside public terms (the person 王平 in the town 王平镇, a word of
// redaction.allow) are not leaks. The public audit also looks for ID and
// phone numbers and e-mail addresses no input knows, by their shape: the
// audit must catch alone what the masking misses.
func Scanner(in inputs, audience string) *audit.Scanner {
	s, _ := scanner(in, audience)
	return s
}

// scanner gives the Scanner of an audience and its key, which digests
// what it looks for: an output file audited by a scanner of the same key,
// its bytes unchanged, need not be read again.
func scanner(in inputs, audience string) (*audit.Scanner, string) {
	needles, allowed, patterns := scannerTerms(in, audience)
	var opts []audit.Option
	if patterns {
		opts = append(opts, audit.Patterns())
	}
	h := sha256.New()
	fmt.Fprintf(h, "%q %v %d\n", audience, patterns, len(needles))
	for _, n := range needles {
		fmt.Fprintf(h, "%q %q\n", n.Kind, n.Text)
	}
	fmt.Fprintf(h, "%q\n", allowed)
	return audit.New(needles, allowed, opts...), hex.EncodeToString(h.Sum(nil))
}

// scannerTerms gives what the audit of an audience looks for: the needles,
// the public terms they may be part of, and whether to look for numbers
// and addresses by their shape.
func scannerTerms(in inputs, audience string) (needles []audit.Needle, allowed []string, patterns bool) {
	cfg, data, n := in.cfg, in.data, in.notices
	add := func(kind string, texts []string) {
		for _, t := range texts {
			if t != "" {
				needles = append(needles, audit.Needle{Text: t, Kind: kind})
			}
		}
	}
	s := notices.SensitiveFor(cfg, n, audience)
	add("hidden-name", s.Hidden)
	add("name", s.Names)
	if audience != config.Internal && data != nil {
		// Every person of the rosters, but the commended the policy names.
		add("name", notices.RosterNames(cfg, data, in.results, n))
	}
	add("id-number", s.IDNumbers)
	add("phone", s.Phones)
	var reg *record.Register
	if data != nil {
		reg = data.Register
	}
	return needles, notices.PublicTerms(cfg, reg), audience != config.Internal
}

// leaks turns the audit's hits into problems, one per hit, at the file
// and line in the output folder out.
func leaks(out string, hits []audit.Hit) problem.List {
	var probs problem.List
	for _, h := range hits {
		probs.Add(problem.Problem{Pos: problem.Position{File: path.Join(filepath.ToSlash(out), h.MaskedFile()), Line: h.Line}, Code: problem.AuditLeak, Found: h.String()})
	}
	return probs
}

// Audit scans a built site in dir for every sensitive string the inputs of
// the site at o.Source know, as o.Audience may not show them. Each hit is an
// audit.leak problem; problems of the inputs come back as they are, since
// without the inputs the audit would not know what to look for.
func Audit(o Options, dir string) (problem.List, error) {
	if o.Audience == "" {
		o.Audience = config.Public
	}
	in, probs := load(o.Source, o.cacheDir(), nil, o.Reading)
	probs = notices.ForAudience(probs, o.Audience)
	if probs.HasErrors() {
		return probs, nil
	}
	probs = probs.Errors() // the inputs' warnings were the build's to print
	if o.Audience == config.Public && IsInternalBuild(dir) {
		probs.Add(problem.Problem{Pos: problem.Position{File: path.Join(filepath.ToSlash(dir), InternalMarker)}, Code: problem.AuditInternalBuild,
			Found: InternalMarker, Expected: problem.T(problem.TPublicBuild)})
	}
	hits, err := Scanner(in, o.Audience).Dir(dir)
	probs.Append(leaks(dir, hits))
	return probs, err
}

// InternalMarker is the file an internal build leaves in its folder, so that
// a public build never writes over a dashboard and an audit for the public
// never passes one: the dashboard names persons.
const InternalMarker = ".dutyreport-internal"

const internalMarkerText = "dutyreport internal dashboard: 内部资料 注意保密. Never publish this folder; a public build will not write into it.\n"

// IsInternalBuild reports whether the folder dir holds an internal build.
func IsInternalBuild(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, InternalMarker))
	return err == nil
}
