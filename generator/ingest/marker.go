package ingest

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/richardlehane/msoleps"

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

// odfMarker reads the same property from an OpenDocument file's metadata
// (meta.xml in an .ods, office:meta in a flat .fods), where LibreOffice and
// WPS keep a workbook's custom properties as meta:user-defined: a sample
// saved as .ods is still a sample.
func odfMarker(r io.Reader) string {
	dec := xml.NewDecoder(io.LimitReader(r, 1<<20))
	dec.Strict = false
	inMarker := false
	var value strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "body" {
				return "" // the metadata comes before the body
			}
			inMarker = t.Name.Local == "user-defined" && attrOf(t, nsMeta, "name") == record.MarkerProperty
		case xml.CharData:
			if inMarker && value.Len() < 256 {
				value.Write(t)
			}
		case xml.EndElement:
			if inMarker {
				return strings.TrimSpace(value.String())
			}
		}
	}
}

// nsMeta is OpenDocument's metadata namespace.
const nsMeta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"

// cfbMarker reads it from an .xls or .et file's DocumentSummaryInformation
// stream, whose user-defined section Excel and WPS keep it in. A property
// set too damaged to read says nothing.
func cfbMarker(stream io.Reader) (marker string) {
	defer func() {
		if recover() != nil { // msoleps trusts the offsets it reads
			marker = ""
		}
	}()
	ps, err := msoleps.NewFrom(io.LimitReader(stream, 1<<20))
	if err != nil {
		return ""
	}
	for _, p := range ps.Property {
		if p != nil && p.Name == record.MarkerProperty && p.T != nil {
			return strings.TrimSpace(p.String())
		}
	}
	return ""
}
