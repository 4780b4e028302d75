package ingest

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct {
		raw      string
		date1904 bool
		want     string
	}{
		{"45352", false, "2024-03-01"},
		{"45352.75", false, "2024-03-01"}, // a time of day is dropped
		{"43890", true, "2024-03-01"},
		{"2024", false, ""}, // a year typed in a date cell is serial 2024, 1905-07-17: refused
		{"2024-03-01", false, "2024-03-01"},
		{"2024/3/1", false, "2024-03-01"},
		{"2024年3月1日", false, "2024-03-01"},
		{"2024.3.1", false, "2024-03-01"},
		{"２０２４－３－１", false, "2024-03-01"},
	}
	for _, tc := range tests {
		d, ok := parseDate(tc.raw, tc.date1904)
		if tc.want == "" {
			if ok {
				t.Errorf("parseDate(%q) = %v, want an error", tc.raw, d)
			}
			continue
		}
		if !ok || d.String() != tc.want {
			t.Errorf("parseDate(%q, 1904=%v) = %v %v, want %s", tc.raw, tc.date1904, d, ok, tc.want)
		}
	}
	for _, bad := range []string{"60", "2024-02-30", "2024-13-01", "三月", "2024-3", "-5", "1905-07-17", "2024.5"} {
		if d, ok := parseDate(bad, false); ok {
			t.Errorf("parseDate(%q) = %v, want an error", bad, d)
		}
	}
}

// TestFromSerial checks Excel's two date systems, the phantom 29 February
// 1900 included.
func TestFromSerial(t *testing.T) {
	tests := []struct {
		serial   float64
		date1904 bool
		want     string
	}{
		{1, false, "1900-01-01"},
		{59, false, "1900-02-28"},
		{61, false, "1900-03-01"},
		{45352, false, "2024-03-01"},
		{0, true, "1904-01-01"},
		{43890, true, "2024-03-01"},
	}
	for _, tc := range tests {
		if d, ok := fromSerial(tc.serial, tc.date1904); !ok || d.String() != tc.want {
			t.Errorf("fromSerial(%v, 1904=%v) = %v %v, want %s", tc.serial, tc.date1904, d, ok, tc.want)
		}
	}
	if d, ok := fromSerial(60, false); ok {
		t.Errorf("serial 60 (29 February 1900, which never was) = %v, want an error", d)
	}
}

func TestParseCount(t *testing.T) {
	for raw, want := range map[string]int32{"4": 4, " 4 ": 4, "４": 4, "4.0": 4, "0": 0} {
		if got, ok := parseCount(raw); !ok || got != want {
			t.Errorf("parseCount(%q) = %d %v, want %d", raw, got, ok, want)
		}
	}
	for _, bad := range []string{"-1", "1.5", "2.004", "四", "", "1e12"} {
		if got, ok := parseCount(bad); ok {
			t.Errorf("parseCount(%q) = %d, want an error", bad, got)
		}
	}
}

func TestParsePoints(t *testing.T) {
	for raw, want := range map[string]string{
		"90": "90.00", " 85.5 ": "85.50", "９０": "90.00", "90分": "90.00", "90 分": "90.00",
		"1,234.5": "1234.50", "1 234": "1234.00", "−2": "-2.00", "92.5%": "92.50", "８７．５分": "87.50",
	} {
		if got, ok := parsePoints(raw, true); !ok || got.String() != want {
			t.Errorf("parsePoints(%q) = %s %v, want %s", raw, got, ok, want)
		}
	}
	for _, bad := range []string{"85,5", "85 5", "1\t0", "12,34", "九十", "90分分", "", "—", "1,2345"} {
		if got, ok := parsePoints(bad, true); ok {
			t.Errorf("parsePoints(%q) = %s, want an error", bad, got)
		}
	}
	if got, ok := parsePoints("50%", false); ok {
		t.Errorf("a percent in a column not out of 100 = %s, want an error", got)
	}
}

func TestNone(t *testing.T) {
	for _, s := range []string{"—", "——", "-", "/", "／", "无", " 无 ", "－", "N/A", "Ｎ／Ａ", "N / A", "－　－", "\t— —\u3000"} {
		if !none(s) {
			t.Errorf("none(%q) = false", s)
		}
	}
	for _, s := range []string{"0", "-2", "无锡", "", "—1", "会议记录（2024年第4次）", "无 无 无 无 无 无 无 无 无"} {
		if none(s) {
			t.Errorf("none(%q) = true", s)
		}
	}
}
