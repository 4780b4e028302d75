package scoring

import (
	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// TotalFull is the most a unit's total can be, where a score axis ends:
// the sum of the full points of the total's components. A mean or a sum
// without full points of its own has its parts': a sum their sum, a mean
// their mean (rounded by the one rule). ok is false when a component has
// no full points and no parts that all have.
func TotalFull(s *config.Scheme) (full record.Points, ok bool) {
	return fullOf(s, s.Total, false, 0)
}

// fullOf is the sum of the full points of the components ids, or their
// mean; ok is false where one has none. depth bounds a scheme whose parts
// refer to each other.
func fullOf(s *config.Scheme, ids []string, mean bool, depth int) (record.Points, bool) {
	var sum record.Points
	for _, id := range ids {
		comp, _ := s.Component(id)
		f := comp.Full
		if f <= 0 && depth < 8 && (comp.Kind == config.KindMean || comp.Kind == config.KindSum) {
			f, _ = fullOf(s, comp.Of, comp.Kind == config.KindMean, depth+1)
		}
		if f <= 0 {
			return 0, false
		}
		sum += f
	}
	if mean && len(ids) > 0 {
		return sum.MulDiv(1, int64(len(ids))), true
	}
	return sum, len(ids) > 0
}
