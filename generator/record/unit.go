package record

// Unit is one assessed unit of the units register (单位名录). Its Code is
// stable over the years; its name is not.
type Unit struct {
	Code     string
	Name     string // the current name
	Category string // category id of the scheme, e.g. "town"
	Parent   string // a village committee's town (所属镇), by code
	From, To int    // years active; To is 0 while the unit exists
	Former   []FormerName
	// Successor is the unit this one was merged into (并入单位), by code.
	Successor string
	// Remark is the register's free-text 备注, shown on the unit's pages;
	// the public site masks the persons named in it.
	Remark string
	Origin Origin // the register row
}

// FormerName is a name the unit had up to and including year Until.
type FormerName struct {
	Name        string
	From, Until int
}

// ActiveIn reports whether the unit existed in year y.
func (u *Unit) ActiveIn(y int) bool {
	return y >= u.From && (u.To == 0 || y <= u.To)
}

// NameIn gives the unit's name in year y: a former name if one covers y.
func (u *Unit) NameIn(y int) string {
	for _, f := range u.Former {
		if y <= f.Until && (f.From == 0 || y >= f.From) {
			return f.Name
		}
	}
	return u.Name
}

// Register is the units register, in file order.
type Register struct {
	Units []Unit
	// Rejected holds the codes of rows rejected for a problem already
	// reported; rows that refer to them are skipped without a second problem.
	Rejected map[string]bool
	index    map[string]int
}

// NewRegister indexes units by code; the first of two equal codes wins.
func NewRegister(units []Unit) *Register {
	r := &Register{Units: units, index: make(map[string]int, len(units))}
	for i, u := range units {
		if _, dup := r.index[u.Code]; !dup {
			r.index[u.Code] = i
		}
	}
	return r
}

// Unit returns the unit with the code, or nil.
func (r *Register) Unit(code string) *Unit {
	if i, ok := r.index[code]; ok {
		return &r.Units[i]
	}
	return nil
}

// ParentIn gives a committee's town in year y, following the town's
// successors when the town itself was merged away (a committee of a merged
// town belongs to the town it was merged into).
func (r *Register) ParentIn(u *Unit, y int) *Unit { return ParentIn(u, y, r.Unit) }

// ParentIn is Register.ParentIn over any lookup of units by code, for the
// register's own checks before it is built.
func ParentIn(u *Unit, y int, unit func(code string) *Unit) *Unit {
	p := unit(u.Parent)
	for hops := 0; p != nil && !p.ActiveIn(y) && p.Successor != "" && hops < 16; hops++ {
		p = unit(p.Successor)
	}
	return p
}
