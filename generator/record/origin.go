package record

// Origin says where a value was read: indexes into the ingest file table and
// the file's sheet list, a 1-based row and column. Twelve bytes, so ten million
// ledger cells can keep their origin. The zero Origin means "computed".
type Origin struct {
	File  uint16 // index into Files; 0 means no file
	Sheet uint16 // index into that file's sheets
	Row   uint32
	Col   uint32
}

// IsZero reports whether o names no cell.
func (o Origin) IsZero() bool { return o.File == 0 }

// Source names one input file and its sheets, so an Origin can be printed.
type Source struct {
	Path   string   // relative to the site folder, slash-separated
	Sheets []string // sheet names in workbook order
	// Marker is what the workbook says it is, in its custom document
	// property MarkerProperty: MarkerSample for the sample data of
	// `dutyreport new`, "" for a county's own.
	Marker string
}

// Workbooks dutyreport writes say what they are in a custom document
// property, which Excel and WPS keep when a clerk edits and saves the file:
// a sample is refused by a build that does not say it shows sample data.
const (
	MarkerProperty = "dutyreport"
	MarkerSample   = "sample"
)

// Files is the table that Origin.File indexes. Index 0 is unused, so the
// zero Origin means "no file".
type Files []Source

// Locate gives the file, sheet, row and column that o names.
func (fs Files) Locate(o Origin) (file, sheet string, row, col int) {
	if int(o.File) >= len(fs) || o.IsZero() {
		return "", "", 0, 0
	}
	s := fs[o.File]
	if int(o.Sheet) < len(s.Sheets) {
		sheet = s.Sheets[o.Sheet]
	}
	return s.Path, sheet, int(o.Row), int(o.Col)
}
