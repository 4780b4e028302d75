package record

// Post is one row of a year's roster (人员名单): a person holding a role in a
// unit for part or all of the year. A post that changed hands mid-year is
// two rows, one per holder, each with its dates.
type Post struct {
	Unit     string // unit code
	Role     string // role id of the scheme's vocabulary: principal, in_charge, member, discipline
	Name     string
	Position string // 职务, as written
	// From and To are the first and last day in the post; 0 means the post
	// was held from before the year began, or after it ended.
	From, To Date
	Origin   Origin // the row; Origin.Col is the name's cell
}

// SpanIn gives the first and last day of year y the post was held; the
// last is before the first when it was held on no day of y.
func (p Post) SpanIn(y int) (from, to Date) {
	from, to = max(p.From, MakeDate(y, 1, 1)), MakeDate(y, 12, 31)
	if p.To != 0 {
		to = min(p.To, to)
	}
	return from, to
}

// DaysIn gives how many days of year y the post was held.
func (p Post) DaysIn(y int) int {
	from, to := p.SpanIn(y)
	if to < from {
		return 0
	}
	return dayNumber(to) - dayNumber(from) + 1
}

// dayNumber counts days from a fixed origin, so that two dates subtract.
func dayNumber(d Date) int {
	y, m, day := int(d)/10000, int(d)/100%100, int(d)%100
	n := 0
	for mm := 1; mm < m; mm++ {
		n += DaysIn(y, mm)
	}
	// Days before year y since year 1, by the Gregorian rule.
	p := y - 1
	return p*365 + p/4 - p/100 + p/400 + n + day
}
