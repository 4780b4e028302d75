package ingest

import (
	"math"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"dutyreport/generator/record"
)

// clean folds a raw cell for reading as a value: NFKC turns full-width digits
// and signs into ASCII (９０．５ → 90.5), and surrounding spaces, full-width
// ones included, are trimmed.
func clean(raw string) string {
	return strings.TrimSpace(norm.NFKC.String(raw))
}

// text returns a cell's text with surrounding spaces trimmed.
func text(raw string) string {
	return strings.Trim(raw, " \t\r\n\u00a0\u3000")
}

// parsePoints reads a score cell exactly (see record.ParsePoints).
func parsePoints(raw string) (record.Points, bool) {
	p, err := record.ParsePoints(clean(raw))
	return p, err == nil
}

// parseCount reads a whole, non-negative count such as 应完成次数; 2.004
// is not a count, and is not rounded to one.
func parseCount(raw string) (int32, bool) {
	f, err := strconv.ParseFloat(clean(raw), 64)
	if err != nil || f < 0 || f > math.MaxInt32 || f != math.Trunc(f) {
		return 0, false
	}
	return int32(f), true
}

// parseYear reads a four-digit year: 2024, 2024年, ２０２４.
func parseYear(raw string) (int, bool) {
	s := strings.TrimSuffix(clean(raw), "年")
	y, err := strconv.Atoi(s)
	if err != nil || y < 1900 || y > 2200 {
		return 0, false
	}
	return y, true
}

// Dates of a ledger fall between these years. A number that gives a date
// outside them is no date: "2024" typed in a date column would otherwise
// be serial 2024, 17 July 1905.
const minDateYear, maxDateYear = 1980, 2100

// parseDate reads a date cell: an Excel serial number (1900 or 1904 date
// system, as the workbook says) or text such as 2024-03-01, 2024/3/1,
// 2024年3月1日 or 2024.3.1.
func parseDate(raw string, date1904 bool) (record.Date, bool) {
	d, ok := parseAnyDate(raw, date1904)
	if !ok || d.Year() < minDateYear || d.Year() > maxDateYear {
		return 0, false
	}
	return d, true
}

func parseAnyDate(raw string, date1904 bool) (record.Date, bool) {
	s := clean(raw)
	if serial, err := strconv.ParseFloat(s, 64); err == nil {
		return fromSerial(serial, date1904)
	}
	s = strings.TrimSuffix(s, "日")
	s = strings.NewReplacer("年", "-", "月", "-", "/", "-", ".", "-").Replace(s)
	parts := strings.Split(s, "-")
	if len(parts) != 3 {
		return 0, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil {
			return 0, false
		}
		n[i] = v
	}
	return validDate(n[0], n[1], n[2])
}

// fromSerial converts an Excel date serial. In the 1900 system serial 1 is
// 1900-01-01 and serial 60 is the 29 February 1900 that never was (Excel
// kept Lotus 1-2-3's leap-year bug); in the 1904 system serial 0 is 1904-01-01.
func fromSerial(serial float64, date1904 bool) (record.Date, bool) {
	days := int(math.Floor(serial))
	if days < 0 || (days == 0 && !date1904) || days > 2958465 { // 9999-12-31
		return 0, false
	}
	var t time.Time
	switch {
	case date1904:
		t = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
	case days == 60:
		return 0, false
	case days < 60:
		t = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
	default:
		t = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)
	}
	return record.MakeDate(t.Year(), int(t.Month()), t.Day()), true
}

func validDate(y, m, d int) (record.Date, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1900 || y > 9999 || t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return 0, false
	}
	return record.MakeDate(y, m, d), true
}
