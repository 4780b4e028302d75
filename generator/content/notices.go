package content

import (
	"dutyreport/generator/config"
	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// NoticesDir is the folder of notices in the content folder.
const NoticesDir = "notices"

// Notice is a Markdown notice of an accountability case
// (content/notices/*.md): its front matter gives the case, its body the
// facts as they are to be published. A notice with the number of a case in
// a case register gives only title and body; the register gives the rest.
type Notice struct {
	File   string
	Meta   NoticeMeta
	Source string // the Markdown body
	Line   int    // the line of the file on which Source starts
	// Pos gives the position of each front-matter key, for later problems.
	Pos config.Positions
}

// NoticeMeta is a notice's front matter. Field names follow the case
// register's columns; see the README, "Accountability cases".
type NoticeMeta struct {
	Number string      `yaml:"number"`
	Title  string      `yaml:"title"`
	Year   int         `yaml:"year"` // the assessment year; default the year of Date
	Date   record.Date `yaml:"date"`
	Unit   string      `yaml:"unit"` // code or name
	// Responsibility, Clause, Severity, Factors and Appeal are as in the register.
	Responsibility string          `yaml:"responsibility"`
	Clause         string          `yaml:"clause"`
	Severity       string          `yaml:"severity"`
	Factors        string          `yaml:"factors"`
	Appeal         string          `yaml:"appeal"`
	Amount         *record.Points  `yaml:"amount"`
	Subjects       []NoticeSubject `yaml:"subjects"`
	Whistleblowers []string        `yaml:"whistleblowers"`
	Witnesses      []string        `yaml:"witnesses"`
	// Issuer, To and CC replace site.yaml's notices.issuer, .to and .cc
	// for this notice; Issued is its date as a document (成文日期),
	// default the decision date. They are the document's, not the case's.
	Issuer string      `yaml:"issuer"`
	To     string      `yaml:"to"`
	CC     string      `yaml:"cc"`
	Issued record.Date `yaml:"issued"`
	// Sample marks the sample notice of `dutyreport new` (see Meta.Sample).
	Sample bool `yaml:"sample"`
}

// NoticeSubject is a party held accountable, in a notice's front matter.
type NoticeSubject struct {
	Kind     string   `yaml:"kind"`
	Name     string   `yaml:"name"`
	Position string   `yaml:"position"`
	Form     string   `yaml:"form"`
	Handling []string `yaml:"handling"`
	IDNumber string   `yaml:"id_number"`
	Phone    string   `yaml:"phone"`
}

// CaseFields reports whether the front matter gives any field of the case
// itself, beyond its number, year and title.
func (m NoticeMeta) CaseFields() bool {
	return m.Date != 0 || m.Unit != "" || m.Responsibility != "" || m.Clause != "" || m.Severity != "" ||
		m.Factors != "" || m.Appeal != "" || m.Amount != nil || len(m.Subjects) > 0 ||
		len(m.Whistleblowers) > 0 || len(m.Witnesses) > 0
}

// ParseNotice reads one notice file.
func ParseNotice(file string, data []byte, probs *problem.List) Notice {
	n := Notice{File: file}
	front, body, line := split(data)
	var fprobs problem.List
	if front != nil {
		n.Pos, fprobs = config.DecodeYAMLAt(file, front, &n.Meta, 1)
		probs.Append(relabel(fprobs))
	}
	if n.Meta.Number == "" && !fprobs.HasErrors() { // a front matter refused whole has no number either
		probs.Add(problem.Problem{Pos: problem.Position{File: file, Line: 1}, Code: problem.ContentFrontMatter, Found: "number",
			Expected: problem.T(problem.TCaseNumberFrontMatter)})
	}
	checkLinks(file, body, line, probs)
	n.Source, n.Line = string(body), line
	return n
}
