package ingest

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

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

// none reports whether a cell says "nothing here" the way clerks write it:
// a dash of any width, a slash, 无 or 空. Such a cell is read as empty, so it
// is accepted where the scheme allows no value and refused where one is due.
func none(raw string) bool {
	// Every such word is at most three characters besides spaces (N/A),
	// and normalizing never makes fewer: it maps a character to one or more,
	// a space to a space, and composes only letters with their accents. A
	// longer cell is text, and is not normalized only to learn that.
	n := 0
	for _, r := range raw {
		if !unicode.IsSpace(r) {
			if n++; n > 3 {
				return false
			}
		}
	}
	switch strings.Join(strings.Fields(clean(raw)), "") {
	case "-", "--", "—", "——", "–", "―", "−", "/", "\\", "无", "空", "N/A", "n/a", "NA":
		return true
	}
	return false
}

// unitSuffixes are the units clerks type after a number: 90分, 4次, 120票.
var unitSuffixes = []string{"分", "次", "票", "个", "项", "人", "件", "份"}

// number folds how clerks write a number into the plain decimal that
// record.ParsePoints reads: full-width digits and signs (NFKC), the minus
// sign U+2212, thousands separators in groups of three (1,234.5 or
// 1 234.5), and one unit after it (90分, 90 分). A trailing % is removed and
// reported, for the caller to decide what a percent means in its column.
// ok is false for a comma or space out of place: 85,5 and 85 5 are no
// numbers a Chinese office writes, and are not guessed at.
func number(raw string) (s string, percent, ok bool) {
	s = strings.ReplaceAll(clean(raw), "−", "-")
	for _, u := range unitSuffixes {
		if t, cut := strings.CutSuffix(s, u); cut {
			s = strings.TrimSpace(t)
			break
		}
	}
	if t, cut := strings.CutSuffix(s, "%"); cut {
		s, percent = strings.TrimSpace(t), true
	}
	if strings.ContainsAny(s, ", \t") {
		if !thousands.MatchString(s) {
			return s, percent, false
		}
		s = strings.NewReplacer(",", "", " ", "").Replace(s)
	}
	return s, percent, true
}

// thousands is a number grouped by thousands with commas or spaces:
// 1,234 or -12 345.67.
var thousands = regexp.MustCompile(`^[-+]?[0-9]{1,3}((,[0-9]{3})+|( [0-9]{3})+)(\.[0-9]*)?$`)

// parsePoints reads a score cell exactly (see record.ParsePoints). A
// percent is read as points out of 100 when the column is scored out of
// 100 (hundred is true), and refused elsewhere: 90% of 30 points is a
// sum the clerk should make, not the tool.
func parsePoints(raw string, hundred bool) (record.Points, bool) {
	s, percent, ok := number(raw)
	if !ok || (percent && !hundred) {
		return 0, false
	}
	p, err := record.ParsePoints(s)
	return p, err == nil
}

// parseCount reads a whole, non-negative count such as 应完成次数; 2.004
// is not a count, and is not rounded to one.
func parseCount(raw string) (int32, bool) {
	s, percent, ok := number(raw)
	if !ok || percent {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
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
