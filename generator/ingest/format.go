package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"dutyreport/generator/problem"
)

// Formats a file can turn out to be, whatever its name says, when it cannot
// be read as an .xlsx workbook. Each has its own problem code, so that the
// clerk is told what the file really is and what to do.
var (
	// The OLE2 compound file signature: .xls, .et, and encrypted .xlsx.
	cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipMagic = []byte("PK") // a local file header, or the end record of an empty archive
)

// sniffLimit bounds how much of a file is searched for the names that tell
// the compound-file formats apart.
const sniffLimit = 64 << 20

// readFailure gives the problem of a file or sheet that failed to read: a
// reading limit, or else what classify says of the file (src), or a damaged
// sheet when src is nil.
func readFailure(src *io.SectionReader, err error) (problem.Code, string) {
	var tl *tooLarge
	switch {
	case errors.As(err, &tl):
		return problem.IngestTooLarge, tl.Error()
	case src == nil:
		return problem.IngestDamaged, err.Error()
	}
	return classify(src, err)
}

// classify looks at the bytes of a file that did not open as a workbook and
// says what it is: a problem code, with the reader's own error kept only
// for files that look like a workbook but are damaged.
func classify(src *io.SectionReader, readErr error) (problem.Code, string) {
	// One allocation of the size to be read, not ReadAll's doublings: a
	// sparse file of gigabytes costs sniffLimit, once.
	head := make([]byte, min(src.Size(), sniffLimit))
	n, _ := src.ReadAt(head, 0)
	head = head[:n]
	switch {
	case len(head) == 0:
		return problem.IngestEmptyFile, ""
	case bytes.HasPrefix(head, cfbMagic):
		if encryptedOOXML(src) {
			return problem.IngestEncrypted, ""
		}
		return problem.IngestDamaged, errText(readErr)
	case bytes.HasPrefix(head, zipMagic):
		zr, err := zip.NewReader(bytes.NewReader(head), int64(len(head)))
		if err != nil {
			return problem.IngestDamaged, readErr.Error()
		}
		for _, zf := range zr.File {
			switch name := partName(zf.Name); {
			case name == "mimetype":
				return problem.IngestOpenDocument, "" // not a spreadsheet: those are read
			case name == "xl/workbook.bin":
				return problem.IngestBinaryWorkbook, ""
			case strings.HasPrefix(name, "index/") && strings.HasSuffix(name, ".iwa"):
				return problem.IngestNumbers, ""
			}
		}
		return problem.IngestDamaged, readErr.Error()
	case markup(head):
		return problem.IngestHTMLFile, ""
	case looksLikeText(head):
		return problem.IngestTextFile, ""
	}
	return problem.IngestNotWorkbook, ""
}

// encryptedOOXML reports whether a compound file is an encrypted .xlsx:
// Excel keeps the encrypted package in one. Stream names are stored in
// UTF-16LE in the compound file's directory.
func encryptedOOXML(src *io.SectionReader) bool {
	head := make([]byte, min(src.Size(), sniffLimit))
	n, _ := src.ReadAt(head, 0)
	return bytes.Contains(head[:n], utf16le("EncryptedPackage")) || bytes.Contains(head[:n], utf16le("EncryptionInfo"))
}

// defaultPassword decrypts an encrypted .xlsx whose password is Excel's
// default, VelvetSweatshop: Excel opens such a file without asking (it
// is how a workbook saved "read-only recommended" or with a password to
// modify only is kept), so the clerk knows of no password to remove. Any
// other password, or a file too large to decrypt in memory, is false.
func defaultPassword(src *io.SectionReader) (plainSrc *io.SectionReader, ok bool) {
	defer func() {
		if recover() != nil { // the library on a damaged file: refused, not a crash
			plainSrc, ok = nil, false
		}
	}()
	if src.Size() > maxBIFFStream {
		return nil, false
	}
	raw := make([]byte, src.Size())
	if _, err := src.ReadAt(raw, 0); err != nil {
		return nil, false
	}
	plain, err := excelize.Decrypt(raw, &excelize.Options{Password: "VelvetSweatshop"})
	if err != nil || !bytes.HasPrefix(plain, zipMagic) {
		return nil, false
	}
	return io.NewSectionReader(bytes.NewReader(plain), 0, int64(len(plain))), true
}

// isODF reports whether the zip src is an OpenDocument file: its first
// entry is mimetype, saying so.
func isODF(src *io.SectionReader) bool {
	zr, err := zip.NewReader(src, src.Size())
	if err != nil {
		return false
	}
	for _, f := range zr.File {
		if f.Name != "mimetype" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return false
		}
		defer rc.Close()
		b, _ := io.ReadAll(io.LimitReader(rc, 100))
		return strings.HasPrefix(string(b), "application/vnd.oasis.opendocument.spreadsheet")
	}
	return false
}

// openFailure gives the problem of an .xls, .et or OpenDocument file that
// did not open: a password, a file holding something else, a workbook too
// old, a limit, or damage.
func openFailure(err error) (problem.Code, string) {
	var pw *errPassword
	var tl *tooLarge
	switch {
	case errors.As(err, &pw), errors.Is(err, errEncryptedPackage):
		return problem.IngestEncrypted, ""
	case errors.Is(err, errNotWorkbook):
		return problem.IngestNotWorkbook, ""
	case errors.Is(err, errOldBIFF):
		return problem.IngestLegacyFormat, ""
	case errors.As(err, &tl):
		return problem.IngestTooLarge, tl.Error()
	}
	return problem.IngestDamaged, err.Error()
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func utf16le(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, s[i], 0)
	}
	return out
}

// csvText reports whether a file's first bytes are text to read as CSV:
// UTF-16 with its byte-order mark (Excel's "Unicode text") or without it,
// or text that is not a web page or XML, without NUL bytes or with a few
// (some systems pad their exports with them; they are dropped).
func csvText(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return true
	}
	if _, ok := utf16NoBOM(head); ok {
		return true
	}
	return len(head) > 0 && (looksLikeText(head) || fewNULs(head)) && !markup(head)
}

// utf16NoBOM reports whether text is UTF-16 without its byte-order mark,
// and which order: the high bytes of CSV text, nearly all ASCII, are zero.
func utf16NoBOM(head []byte) (bigEndian, ok bool) {
	head = head[:min(len(head), 4096)&^1]
	if len(head) < 8 {
		return false, false
	}
	var zeros [2]int // at even offsets, at odd ones
	for i, b := range head {
		if b == 0 {
			zeros[i&1]++
		}
	}
	half := len(head) / 2
	switch {
	case zeros[1]*10 >= half*4 && zeros[0]*20 <= half:
		return false, true
	case zeros[0]*10 >= half*4 && zeros[1]*20 <= half:
		return true, true
	}
	return false, false
}

// fewNULs reports whether text has NUL bytes, but few or only at its end,
// and no other control characters than tabs and line breaks: text padded
// with NULs, not a binary file.
func fewNULs(head []byte) bool {
	head = head[:min(len(head), 4096)]
	text := bytes.TrimRight(head, "\x00")
	nuls := 0
	for _, b := range text {
		switch {
		case b == 0:
			nuls++
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r':
			return false
		}
	}
	return len(text) > 0 && len(text) < len(head) || nuls > 0 && nuls*100 <= len(text)
}

// markup reports whether text is HTML or XML: some systems "export to
// Excel" a web page named .xls, and Excel 2003 saved XML spreadsheets.
func markup(head []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	return bytes.HasPrefix(t, []byte("<"))
}

// looksLikeText reports whether the start of a file is text (CSV, HTML saved
// as .xls by some systems): no NUL bytes in its first kilobytes.
func looksLikeText(b []byte) bool {
	return !bytes.Contains(b[:min(len(b), 4096)], []byte{0})
}
