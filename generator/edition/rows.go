package edition

import (
	"bytes"
	"encoding/csv"
	"strings"
)

// rowChanges describes how the rows of a CSV export differ, for a person:
// a row changed in place as "2023 D01 县委办公室: 总分 88.78 → 89.28", else
// the row removed or added. Rows are matched by the cells they share; at
// most limit lines.
func rowChanges(old, new []byte, limit int) []string {
	o, n := readCSV(old), readCSV(new)
	if len(o) == 0 || len(n) == 0 {
		return nil
	}
	header := n[0]
	count := map[string]int{}
	for _, r := range n[1:] {
		count[strings.Join(r, "\x00")]++
	}
	var removed [][]string
	for _, r := range o[1:] {
		k := strings.Join(r, "\x00")
		if count[k] > 0 {
			count[k]--
			continue
		}
		removed = append(removed, r)
	}
	var added [][]string
	for _, r := range n[1:] {
		k := strings.Join(r, "\x00")
		if count[k] > 0 {
			count[k]--
			added = append(added, r)
		}
	}
	var out []string
	used := make([]bool, len(added))
	for _, r := range removed {
		best, bestShared := -1, 0
		for j, a := range added {
			if s := shared(r, a); !used[j] && s > bestShared && s*2 >= len(r) {
				best, bestShared = j, s
			}
		}
		if best < 0 {
			out = append(out, "− "+strings.Join(r, ","))
			continue
		}
		used[best] = true
		a := added[best]
		var key, changes []string
		for i := range max(len(r), len(a)) {
			ov, nv := cell(r, i), cell(a, i)
			switch {
			case ov == nv && len(key) < 3 && ov != "":
				key = append(key, ov)
			case ov != nv:
				name := cell(header, i)
				changes = append(changes, name+" "+orDash(ov)+" → "+orDash(nv))
			}
		}
		out = append(out, strings.Join(key, " ")+"："+strings.Join(changes, "；"))
	}
	for j, a := range added {
		if !used[j] {
			out = append(out, "+ "+strings.Join(a, ","))
		}
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

func readCSV(data []byte) [][]string {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		return nil
	}
	return rows
}

// shared counts the cells equal in place.
func shared(a, b []string) int {
	n := 0
	for i := range min(len(a), len(b)) {
		if a[i] == b[i] {
			n++
		}
	}
	return n
}

func cell(r []string, i int) string {
	if i < len(r) {
		return r[i]
	}
	return ""
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
