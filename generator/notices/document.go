package notices

import (
	"strings"

	"dutyreport/generator/config"
	"dutyreport/generator/content"
	"dutyreport/generator/record"
)

// Document is what a case's notice says of itself as an official
// circular (GB/T 9704): the issuing office's mark heads it, the office
// signs it on the date it was issued, and its record names the copies and
// who printed it. Each is site.yaml's notices default unless the notice's
// front matter gives its own.
type Document struct {
	Mark    string // 发文机关标志: 中共清河县纪律检查委员会文件
	Issuer  string // 发文机关署名
	To      string // 主送机关, without its closing colon
	CC      string // 抄送机关, without its closing full stop
	Printer string // 印发机关
	Issued  record.Date
}

// document gives a case's document: the site's defaults, the notice's own
// fields (m, zero for a case without a notice) over them. A notice of
// another issuer is marked by its issuer, not the site's mark.
func document(site *config.Site, m content.NoticeMeta, decided record.Date) Document {
	d := site.Notices
	doc := Document{Mark: d.Mark, Issuer: d.Issuer, To: d.To, CC: d.CC, Printer: d.Printer, Issued: decided}
	if doc.Issuer == "" {
		doc.Issuer = site.Footer.Operator
	}
	if m.Issuer != "" && m.Issuer != doc.Issuer {
		doc.Issuer, doc.Mark = m.Issuer, ""
	}
	if doc.Mark == "" && doc.Issuer != "" {
		doc.Mark = doc.Issuer + "文件"
	}
	if m.To != "" {
		doc.To = m.To
	}
	if m.CC != "" {
		doc.CC = m.CC
	}
	if m.Issued != 0 {
		doc.Issued = m.Issued
	}
	doc.To = strings.TrimRight(strings.TrimSpace(doc.To), ":：")
	doc.CC = strings.TrimRight(strings.TrimSpace(doc.CC), "。.")
	return doc
}
