package ingest

import (
	"encoding/xml"
	"io"
	"strings"

	"dutyreport/generator/record"
)

// marker reads what a workbook dutyreport wrote says it is: its custom
// document property record.MarkerProperty (docProps/custom.xml, found
// through the package relationships). A workbook without one, or whose
// properties part cannot be read, says nothing: "".
func (x *xlsx) marker() string {
	part := "docProps/custom.xml"
	if rels, err := x.rels("_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/custom-properties") {
				part = r.target
			}
		}
	}
	if x.parts[partName(part)] == nil {
		return ""
	}
	dec, closer, err := x.open(part)
	if err != nil {
		return ""
	}
	defer closer.Close()
	inMarker, depth := false, 0
	var value strings.Builder
	for {
		tok, err := dec.RawToken()
		if err == io.EOF || err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "property" && attr(t, "name") == record.MarkerProperty {
				inMarker, depth = true, 0
			} else if inMarker {
				depth++
			}
		case xml.CharData:
			if inMarker && depth > 0 && value.Len() < 256 {
				value.Write(t)
			}
		case xml.EndElement:
			if inMarker && t.Name.Local == "property" {
				return strings.TrimSpace(value.String())
			}
			if inMarker {
				depth--
			}
		}
	}
}
