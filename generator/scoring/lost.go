package scoring

import (
	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// ComponentLoss is what a unit's own ledger tasks cost one ledger
// component (失分情况 by 考核项目): the sum of their deductions, as the
// component's computation takes them, before its floor of zero and before
// a fold with the units below it.
type ComponentLoss struct {
	Component int // index in the scheme's Components
	Points    record.Points
}

// LostByComponent sums u's deductions for each ledger component of s that
// applies to it, in scheme order, listing those that lost nothing too; nil
// when no task cost the unit points. A task costs the ledger components of
// its responsibility, as compute deducts it (ingest refuses a ledger row
// that no component of the unit scores).
//
// This is what the public unit page shows unless the site publishes each
// task (redaction.task_deductions). Where a component's tasks are borne by
// several roles (主体责任: 主要负责人, 分管领导, 班子成员), the sum does not
// tell what each role lost, and so no person's score; where they are borne
// by one, it tells no more than the component's score already does (full
// less the loss).
func LostByComponent(s *config.Scheme, u *Unit) []ComponentLoss {
	if len(u.Deductions) == 0 {
		return nil
	}
	var out []ComponentLoss
	for ci, comp := range s.Components {
		if comp.Kind != config.KindLedger || !s.Applies(comp, u.Category) {
			continue
		}
		l := ComponentLoss{Component: ci}
		for _, d := range u.Deductions {
			if t, _ := s.Task(d.Task); t.Responsibility == comp.Responsibility {
				l.Points += d.Points
			}
		}
		out = append(out, l)
	}
	return out
}

// Lost is what u's ledger tasks cost in all: the sum of its deductions.
func (u *Unit) Lost() record.Points {
	var sum record.Points
	for _, d := range u.Deductions {
		sum += d.Points
	}
	return sum
}
