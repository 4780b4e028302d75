package problem

// JSON is a problem as `dutyreport check --format json` writes it: every
// part apart, worded in one language, for a program to read.
type JSON struct {
	File     string     `json:"file,omitempty"`
	Sheet    string     `json:"sheet,omitempty"`
	Cell     string     `json:"cell,omitempty"`
	Line     int        `json:"line,omitempty"`
	Col      int        `json:"col,omitempty"`
	Severity string     `json:"severity"`
	Code     Code       `json:"code"`
	Message  string     `json:"message"`
	Found    string     `json:"found,omitempty"`
	Expected string     `json:"expected,omitempty"`
	Hint     string     `json:"hint,omitempty"`
	Notes    []JSONNote `json:"notes,omitempty"`
	Detail   string     `json:"detail,omitempty"`
	Text     string     `json:"text"` // the whole line, as printed
}

// JSONNote is a note of a problem in JSON.
type JSONNote struct {
	At   string `json:"at,omitempty"`
	Text string `json:"text"`
}

// JSON gives the problem's parts in lang.
func (p Problem) JSON(lang Lang) JSON {
	hint := p.Hint.In(lang)
	if hint == "" {
		hint = p.Code.Hint(lang)
	}
	j := JSON{File: p.Pos.File, Sheet: p.Pos.Sheet, Cell: p.Pos.Cell, Line: p.Pos.Line, Col: p.Pos.Col,
		Severity: p.Severity.String(), Code: p.Code, Message: p.Code.Message(lang), Found: p.Found,
		Expected: p.Expected.In(lang), Hint: hint, Detail: p.Detail, Text: p.Format(lang)}
	for _, n := range p.Notes {
		at := ""
		if !n.Pos.IsZero() {
			at = n.Pos.String()
		}
		j.Notes = append(j.Notes, JSONNote{At: at, Text: n.Text.In(lang)})
	}
	return j
}
