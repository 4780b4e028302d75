package record

import (
	"strconv"
	"strings"
)

// A blank workbook that `dutyreport template` writes for units to fill in
// says so in its marker (MarkerProperty): "template 2025 纪实台账", the
// word MarkerTemplate, the year and the kind's name. Excel and WPS keep the
// property when a unit fills the workbook in and saves it, so a returned
// file still says which year's which table it was made as.
const MarkerTemplate = "template"

// The sheets of a template besides its data sheet: the instructions, a
// visible sheet after the data, and the lists its drop-downs offer, hidden.
const (
	InstructionsSheet = "填表说明"
	ChoicesSheet      = "选项"
)

// kindNames are the kinds' names as clerks call them, which are also their
// default file names (data/2025/纪实台账.xlsx).
var kindNames = [NumKinds]string{
	KindLedger:     "纪实台账",
	KindEvaluation: "民主测评",
	KindScores:     "考核得分汇总表",
	KindCases:      "责任追究台账",
	KindRoster:     "人员名单",
}

// Name gives the kind's name as clerks call it: 纪实台账, 民主测评 …
func (k Kind) Name() string {
	if k < NumKinds {
		return kindNames[k]
	}
	return ""
}

// TemplateMarker is the marker of the template of year's kind k:
// "template 2025 纪实台账".
func TemplateMarker(year int, k Kind) string {
	return MarkerTemplate + " " + strconv.Itoa(year) + " " + k.Name()
}

// ParseTemplateMarker reads a template's marker; ok is false for any other
// marker (a sample's, a county's own workbook's "").
func ParseTemplateMarker(m string) (year int, k Kind, ok bool) {
	f := strings.Fields(m)
	if len(f) != 3 || f[0] != MarkerTemplate {
		return 0, 0, false
	}
	y, err := strconv.Atoi(f[1])
	if err != nil {
		return 0, 0, false
	}
	for i, n := range kindNames {
		if n == f[2] {
			return y, Kind(i), true
		}
	}
	return 0, 0, false
}
