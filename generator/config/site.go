package config

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"dutyreport/generator/problem"
	"dutyreport/generator/record"
)

// Site is site.yaml: what the site is called, which years it holds and in
// what state, where its inputs are and where each audience is written.
type Site struct {
	Title  string `yaml:"title"`
	County string `yaml:"county"`
	// BaseURL is the public site's address (https://www.example.gov.cn/
	// kaohe/), for sitemap.xml and the notices' feed, whose addresses are
	// otherwise relative to their own.
	BaseURL string `yaml:"base_url"`
	// Locale is the language of the pages: zh-CN (default) or en.
	Locale string `yaml:"locale"`
	Theme  string `yaml:"theme"`
	// Scheme is the path of the scheme file, relative to the site folder.
	Scheme string `yaml:"scheme"`
	Years  []Year `yaml:"years"`
	// Revisions are site-wide revisions: changes of presentation (the
	// templates, the site's own text) that alter the pages of every
	// published edition but none of their numbers, each recorded once.
	Revisions []Erratum `yaml:"revisions"`
	Inputs    Inputs    `yaml:"inputs"`
	// Audiences gives each audience's output folder.
	Audiences Audiences `yaml:"audiences"`
	Redaction Redaction `yaml:"redaction"`
	// Sample marks sample data (a site made by `dutyreport new`): every
	// page says so, and no edition is recorded, since nothing is published.
	Sample bool `yaml:"sample"`
	// Footer is what a Chinese government site shows at the foot of
	// every page: who runs it, its identification code and filings.
	Footer Footer `yaml:"footer"`
	// Notices are what every notice says of itself as an official
	// document (公文): who issues it, to whom, and who prints it. A
	// notice's front matter may give its own issuer, recipients and copies.
	Notices NoticeDefaults `yaml:"notices"`
	// Deploy describes the web server the two audiences are hosted on,
	// for the configuration an internal build writes into deploy/.
	Deploy Deploy `yaml:"deploy"`
}

// Deploy is where and how the server serves the site (see the README,
// "Hosting"): the public site at the root, the dashboard under a path
// behind a password (nginx) or Windows authentication (IIS).
type Deploy struct {
	ServerName        string `yaml:"server_name"`         // kaohe.qinghe.gov.cn
	Listen            string `yaml:"listen"`              // default 443 ssl, or 80 without TLS
	PublicRoot        string `yaml:"public_root"`         // the public site's folder on the server
	InternalRoot      string `yaml:"internal_root"`       // the dashboard's folder on the server
	InternalPath      string `yaml:"internal_path"`       // its address: /internal/
	Htpasswd          string `yaml:"htpasswd"`            // nginx's password file for the dashboard
	TLSCertificate    string `yaml:"tls_certificate"`     // the certificate's file
	TLSCertificateKey string `yaml:"tls_certificate_key"` // its key's file
}

// NoticeDefaults lay a notice out as a Chinese official circular (GB/T
// 9704): the issuing office's mark and document number head it, the office
// signs and dates it, and the record at its foot names its copies and who
// printed it. Without an issuer the footer's operator signs.
type NoticeDefaults struct {
	Issuer  string `yaml:"issuer"`  // 发文机关署名: 中共清河县纪律检查委员会
	Mark    string `yaml:"mark"`    // 发文机关标志; default the issuer and 文件
	To      string `yaml:"to"`      // 主送机关: 各镇党委，县直各部门党组（党委）
	CC      string `yaml:"cc"`      // 抄送机关
	Printer string `yaml:"printer"` // 印发机关: 清河县纪委办公室
}

// Footer is the operator and the filings of the site, shown at the foot of
// every page. A public build without an operator is warned of: a county's
// site must say who runs it.
type Footer struct {
	Operator string `yaml:"operator"`  // 主办单位, such as 清河县纪委监委
	SiteCode string `yaml:"site_code"` // 网站标识码, ten digits
	ICP      string `yaml:"icp"`       // ICP备案号, such as 冀ICP备12345678号
	Police   string `yaml:"police"`    // 公安机关备案号: 冀公网安备 13000002000001号
	Contact  string `yaml:"contact"`   // 联系方式: a telephone number or an address
}

// Year is one assessment year and its edition status.
type Year struct {
	Year int `yaml:"year"`
	// Status is "published" (both audiences) or "draft" (internal only).
	Status    string      `yaml:"status"`
	Published record.Date `yaml:"published"`
	// Errata are the corrections of a published edition, oldest first;
	// each makes a new revision (the first publication is revision 1).
	Errata []Erratum `yaml:"errata"`
	// Pos is where the year is in site.yaml, for problems found later.
	Pos problem.Position `yaml:"-"`
}

// Revision is the edition's current revision: 1, and one more per erratum.
func (y Year) Revision() int { return 1 + len(y.Errata) }

// Erratum is one correction of a published edition, or one site-wide
// revision: when, what changed and why, as the correction notice says.
type Erratum struct {
	Date record.Date `yaml:"date"`
	What string      `yaml:"what"`
	Why  string      `yaml:"why"`
}

// Draft and Published are the edition states of a year.
const (
	Draft     = "draft"
	Published = "published"
)

// Inputs are the paths of the input files, relative to the site folder;
// {year} stands for the assessment year. A path may end with # and the
// sheets to read, separated by commas (data/民主测评.xlsx#{year} for a
// workbook with a sheet per year); without them every visible worksheet
// with the table's header is read. See SplitInput.
type Inputs struct {
	Units      string `yaml:"units"`
	Ledger     string `yaml:"ledger"`
	Evaluation string `yaml:"evaluation"`
	// Scores is the optional component-score sheet; a year without the file
	// is scored from the ledger alone.
	Scores string `yaml:"scores"`
	// Cases is the optional case register (责任追究台账) of each year.
	Cases string `yaml:"cases"`
	// Roster is the optional roster (人员名单) of each year: who held which
	// role in each unit. A year without it assesses no person.
	Roster string `yaml:"roster"`
}

// Redaction is the policy by which the public site masks persons: names
// become surname + Mask (张某), compound surnames kept whole (欧阳某).
type Redaction struct {
	// Mask is 某 (张某, the default) or 某某 (张某某).
	Mask string `yaml:"mask"`
	// CompoundSurnames are added to the built-in list of two-character
	// surnames (欧阳, 司马, 诸葛, 上官 …).
	CompoundSurnames []string `yaml:"compound_surnames"`
	// Names are further persons' names to mask wherever they appear, such
	// as people named in content pages who are in no case.
	Names []string `yaml:"names"`
	// CommendedNames lets the public site name the persons assessed 优秀
	// (first in line for 先进个人): by default it shows only counts per
	// role and band. Those of any other band are never named.
	CommendedNames bool `yaml:"commended_names"`
	// Allow are words that look like a person's name to the check for
	// unknown names but are not one (a place, a common word): they are
	// never masked and never reported.
	Allow []string `yaml:"allow"`
	// TaskDeductions publishes each task that cost a unit points, with
	// the role that bears it. Off by default: from the tasks and their
	// roles a reader could work out the score of a unit's principal
	// leader, a person known by post if not by name; the public pages
	// then show the deductions per component only.
	TaskDeductions bool `yaml:"task_deductions"`
}

// Audiences maps each audience to its output folder.
type Audiences struct {
	Public   Audience `yaml:"public"`
	Internal Audience `yaml:"internal"`
}

// Audience is one audience's settings.
type Audience struct {
	Out string `yaml:"out"`
}

// The two audiences.
const (
	Public   = "public"
	Internal = "internal"
)

// defaults fills what site.yaml may leave out.
func (s *Site) defaults() {
	def := func(p *string, v string) {
		if *p == "" {
			*p = v
		}
	}
	def(&s.Locale, "zh-CN")
	def(&s.Theme, "default")
	def(&s.Scheme, "schemes/shangnan.yaml")
	def(&s.Inputs.Units, "data/单位名录.xlsx")
	def(&s.Inputs.Ledger, "data/{year}/纪实台账.xlsx")
	def(&s.Inputs.Evaluation, "data/{year}/民主测评.xlsx")
	def(&s.Inputs.Scores, "data/{year}/考核得分汇总表.xlsx")
	def(&s.Inputs.Cases, "data/{year}/责任追究台账.xlsx")
	def(&s.Inputs.Roster, "data/{year}/人员名单.xlsx")
	def(&s.Redaction.Mask, "某")
	def(&s.Audiences.Public.Out, "public")
	def(&s.Audiences.Internal.Out, "dashboard")
	for i := range s.Years {
		def(&s.Years[i].Status, Published)
	}
}

func (s *Site) validate(file string, pos Positions, probs *problem.List) {
	at := problem.Position{File: file}
	if s.Title == "" {
		probs.Add(problem.Problem{Pos: at, Code: problem.ConfigMissingKey, Found: "title"})
	}
	if _, ok := problem.ParseLang(s.Locale); !ok {
		probs.Add(problem.Problem{Pos: pos.Of(file, "locale"), Code: problem.ConfigBadValue, Found: "locale: " + s.Locale, Expected: problem.T(problem.TLocale)})
	}
	if len(s.Years) == 0 {
		probs.Add(problem.Problem{Pos: at, Code: problem.ConfigMissingKey, Found: "years", Hint: problem.T(problem.TListYears)})
	}
	seen := map[int]bool{}
	for i, y := range s.Years {
		path := "years." + strconv.Itoa(i)
		at := pos.Of(file, path)
		if y.Year < 1990 || y.Year > 2200 {
			probs.Add(problem.Problem{Pos: at, Code: problem.ConfigBadValue, Found: path + ".year: " + strconv.Itoa(y.Year), Expected: problem.T(problem.TFourDigitYear)})
		}
		if seen[y.Year] {
			probs.Add(problem.Problem{Pos: at, Code: problem.ConfigDuplicate, Found: path + ".year: " + strconv.Itoa(y.Year)})
		}
		seen[y.Year] = true
		s.Years[i].Pos = at
		if y.Status != Draft && y.Status != Published {
			probs.Add(problem.Problem{Pos: at, Code: problem.ConfigBadValue, Found: path + ".status: " + y.Status, Expected: problem.T(problem.TDraftOrPublished)})
		}
	}
	// A published year's rank changes and running consequences read the year
	// before it, so a draft may only follow every published year: a draft
	// before one would reach the public site through them.
	lastPublished := 0
	for _, y := range s.Years {
		if y.Status == Published {
			lastPublished = max(lastPublished, y.Year)
		}
	}
	for i, y := range s.Years {
		if y.Status == Draft && y.Year < lastPublished {
			path := "years." + strconv.Itoa(i)
			probs.Add(problem.Problem{Pos: pos.Of(file, path), Code: problem.ConfigBadValue, Found: path + ".status: draft",
				Expected: problem.T(problem.TDraftsAfterPublished, lastPublished), Hint: problem.T(problem.TPublishThisYearToo)})
		}
	}
	for i, y := range s.Years {
		path := "years." + strconv.Itoa(i) + ".errata"
		if len(y.Errata) > 0 && y.Status != Published {
			probs.Add(problem.Problem{Pos: pos.Of(file, path), Code: problem.ConfigBadValue, Found: path,
				Expected: problem.T(problem.TErrataOnlyPublished), Hint: problem.T(problem.TDraftDeleteErrata)})
			continue
		}
		validErrata(y.Errata, y.Published, path, file, pos, probs)
	}
	validErrata(s.Revisions, 0, "revisions", file, pos, probs)
	for _, in := range []struct{ key, path string }{
		{"ledger", s.Inputs.Ledger}, {"evaluation", s.Inputs.Evaluation}, {"scores", s.Inputs.Scores}, {"cases", s.Inputs.Cases},
		{"roster", s.Inputs.Roster},
	} {
		if !strings.Contains(in.path, "{year}") {
			probs.Add(problem.Problem{Pos: pos.Of(file, "inputs."+in.key), Code: problem.ConfigBadValue, Found: "inputs." + in.key + ": " + in.path,
				Expected: problem.T(problem.TInputPerYear)})
		}
	}
	if s.Redaction.Mask != "某" && s.Redaction.Mask != "某某" {
		probs.Add(problem.Problem{Pos: pos.Of(file, "redaction.mask"), Code: problem.ConfigBadValue, Found: "redaction.mask: " + s.Redaction.Mask, Expected: problem.T(problem.TMask)})
	}
	for i, c := range s.Redaction.CompoundSurnames {
		if utf8.RuneCountInString(c) != 2 {
			p := "redaction.compound_surnames." + strconv.Itoa(i)
			probs.Add(problem.Problem{Pos: pos.Of(file, p), Code: problem.ConfigBadValue, Found: p + ": " + c, Expected: problem.T(problem.TCompoundSurname)})
		}
	}
	slices.SortFunc(s.Years, func(a, b Year) int { return a.Year - b.Year })
	if s.Audiences.Public.Out == s.Audiences.Internal.Out {
		probs.Add(problem.Problem{Pos: pos.Of(file, "audiences.internal.out"), Code: problem.ConfigBadValue, Found: "audiences.internal.out: " + s.Audiences.Internal.Out,
			Expected: problem.T(problem.TOtherFolder), Hint: problem.T(problem.TNeverIntoPublic)})
	}
}

// validErrata checks a list of errata or site-wide revisions: each has a
// date, what and why; the dates ascend and none is before published.
func validErrata(list []Erratum, published record.Date, path, file string, pos Positions, probs *problem.List) {
	last := published
	for i, e := range list {
		p := path + "." + strconv.Itoa(i)
		at := pos.Of(file, p)
		for _, f := range []struct{ key, value string }{{"date", e.Date.String()}, {"what", e.What}, {"why", e.Why}} {
			if strings.TrimSpace(f.value) == "" {
				probs.Add(problem.Problem{Pos: at, Code: problem.ConfigMissingKey, Found: p + "." + f.key, Hint: problem.T(problem.TErratumFields)})
			}
		}
		if e.Date != 0 && e.Date < last {
			probs.Add(problem.Problem{Pos: at, Code: problem.ConfigBadValue, Found: p + ".date: " + e.Date.String(),
				Expected: problem.T(problem.TDateNotBefore, last.String())})
		}
		last = max(last, e.Date)
	}
}

// Year gives the configuration of year y; the zero Year when not listed.
func (s *Site) Year(y int) Year {
	for _, cy := range s.Years {
		if cy.Year == y {
			return cy
		}
	}
	return Year{}
}

// YearsFor lists the years an audience shows: published ones for the
// public, all for the internal dashboard. Ascending.
func (s *Site) YearsFor(audience string) []Year {
	var out []Year
	for _, y := range s.Years {
		if audience == Internal || y.Status == Published {
			out = append(out, y)
		}
	}
	return out
}

// SplitInput splits an input path into the file and the sheets named after
// its #: "data/a.xlsx#乡镇,部门" gives data/a.xlsx and [乡镇 部门]. Commas may be
// full-width.
func SplitInput(p string) (path string, sheets []string) {
	path, list, ok := strings.Cut(p, "#")
	if !ok {
		return p, nil
	}
	for _, s := range strings.FieldsFunc(list, func(r rune) bool { return r == ',' || r == '，' }) {
		if s = strings.TrimSpace(s); s != "" {
			sheets = append(sheets, s)
		}
	}
	return path, sheets
}
