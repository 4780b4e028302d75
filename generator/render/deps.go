package render

import (
	"html/template"
	"maps"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"

	"dutyreport/generator/view"
)

// What a page kind's templates read of a page, found by reading the
// templates, not by running them: a page whose reads are unchanged since
// the last build renders the same bytes, and is not rendered again (see
// digester.page).
//
// A read is a path from the page (Site.Years.*.Path: every year's path)
// and how much of the value there the templates depend on: all of it
// (printed, compared, given to a function), only whether it is true (if,
// with, and, or, not) or only its length (range, len). Whatever cannot be
// followed (a value given to a function, a method of the model without a
// declared read, an interface) is read whole, and a construct the
// analysis does not know makes the page read everything: the analysis
// may read too much, never too little.

// readMode is how much of a value a read depends on.
type readMode uint8

const (
	readAll   readMode = iota // the whole value, deeply
	readTruth                 // whether it is true, as templates tell
	readLen                   // its length
)

// read is one path read from a page: field names from view.Page, "*" for
// every element of a slice, array or map.
type read struct {
	path  string // dot-separated; "" for the page itself
	mode  readMode
	parts []string // path, split; set in kindReads's result
	// index gives, for each part, the field's index in its struct type,
	// found once from the types along the path: -1 for "*", -2 where the
	// type is known only when the page is (an interface).
	index []int
}

// readKey is a read in the analyzer's set.
type readKey struct {
	path string
	mode readMode
}

// reads is what a page kind's templates read of a page, sorted.
type reads []read

// everything is the reads of a kind whose templates could not be followed.
var everything = reads{{path: "", mode: readAll}}

// value is what a template expression may be, as far as the analysis
// follows it: a path from the page with its static type, a dict made by
// the template (its members), or opaque (a literal, or a function's
// result, whose arguments were read whole).
type value struct {
	path   []string
	typ    reflect.Type
	rooted bool            // path is from the page
	dict   map[string]vals // a dict's members, when not nil
}

// vals are the values an expression may have (and, or: any of several).
type vals []value

var pageType = reflect.TypeFor[*view.Page]()

// methodReads declares what the model's methods that templates call read
// of their receiver, and which path of it their result is (nil: opaque).
// A method not listed reads its receiver whole.
var methodReads = map[string]struct {
	reads  []readKey
	result []string
}{
	"view.Page.Rel": {reads: []readKey{{path: "Path"}}},
	"view.Page.NavYears": {reads: []readKey{{path: "Kind"}, {path: "Year", mode: readTruth}, {path: "Year.Year"},
		{path: "Site.Years", mode: readLen}, {path: "Site.Years.*", mode: readTruth}, {path: "Site.Years.*.Year"}}, result: []string{"Site", "Years"}},
	"view.Page.HasCharts": {reads: []readKey{{path: "Kind"}, {path: "Site.Charts", mode: readLen}, {path: "Year.Charts", mode: readLen},
		{path: "Ranking.Chart", mode: readTruth}, {path: "Unit.charts", mode: readTruth}}},
	"view.Page.HasTables": {reads: []readKey{{path: "Kind"}, {path: "Site.Tasks", mode: readLen}, {path: "Year.Notices", mode: readLen},
		{path: "Unit.Lost", mode: readLen}, {path: "Unit.Ledger", mode: readLen}}},
}

// analyzer follows the templates of one kind.
type analyzer struct {
	tmpl   *template.Template
	reads  map[readKey]bool
	done   map[string]bool // template name and dot already followed
	failed bool            // a construct not followed: the kind reads everything
	// assigned counts the values variables were given that they could
	// not hold before, so that a range body is followed until none is.
	assigned int
}

// maxPasses bounds how often a range body is followed again.
const maxPasses = 8

// kindReads analyzes the templates of a kind, from its base template with
// the page as dot.
func kindReads(tmpl *template.Template) reads {
	a := &analyzer{tmpl: tmpl, reads: map[readKey]bool{}, done: map[string]bool{}}
	root := vals{{rooted: true, typ: pageType}}
	a.call("base", root)
	if a.failed {
		return everything
	}
	var out reads
	for k := range a.reads {
		r := read{path: k.path, mode: k.mode}
		if r.path != "" {
			r.parts = strings.Split(r.path, ".")
		}
		r.index = fieldIndexes(pageType, r.parts)
		out = append(out, r)
	}
	slices.SortFunc(out, func(x, y read) int {
		if c := strings.Compare(x.path, y.path); c != 0 {
			return c
		}
		return int(x.mode) - int(y.mode)
	})
	return out
}

// call follows the template name with dot.
func (a *analyzer) call(name string, dot vals) {
	key := name + "\x00" + dot.key()
	if a.failed || a.done[key] {
		return
	}
	a.done[key] = true
	if len(a.done) > maxCalls {
		a.failed = true // a template that calls itself on ever longer paths
		return
	}
	t := a.tmpl.Lookup(name)
	if t == nil || t.Tree == nil || t.Tree.Root == nil {
		a.failed = true
		return
	}
	a.list(t.Tree.Root, dot, &scope{vars: map[string]vals{"$": dot}})
}

// key names a dot for the memo of templates followed.
func (vs vals) key() string {
	var b strings.Builder
	for _, v := range vs {
		switch {
		case v.rooted:
			b.WriteString("page." + strings.Join(v.path, "."))
		case v.dict == nil:
			b.WriteString("opaque")
		}
		for _, k := range slices.Sorted(maps.Keys(v.dict)) {
			b.WriteString("{" + k + ":" + v.dict[k].key() + "}")
		}
		b.WriteString("|")
	}
	return b.String()
}

// scope holds the variables of a template, nested as its actions are.
type scope struct {
	vars   map[string]vals
	parent *scope
}

func (s *scope) get(name string) (vals, bool) {
	for ; s != nil; s = s.parent {
		if v, ok := s.vars[name]; ok {
			return v, true
		}
	}
	return nil, false
}

// set assigns an existing variable ($x = …) or declares one ($x := …).
// An assigned variable may hold any value it was given, as far as the
// analysis knows; grew counts the values it did not hold before.
func (s *scope) set(name string, v vals, declare bool) (grew int) {
	if !declare {
		for t := s; t != nil; t = t.parent {
			if old, ok := t.vars[name]; ok {
				for _, x := range v {
					if !slices.ContainsFunc(old, func(o value) bool { return vals{o}.key() == vals{x}.key() }) {
						old = append(old, x)
						grew++
					}
				}
				t.vars[name] = old
				return grew
			}
		}
	}
	s.vars[name] = v
	return 0
}

func (s *scope) child() *scope { return &scope{vars: map[string]vals{}, parent: s} }

// need records that the templates depend on vs, in mode.
func (a *analyzer) need(vs vals, mode readMode) {
	for _, v := range vs {
		switch {
		case v.dict != nil:
			for _, m := range v.dict {
				a.need(m, mode)
			}
		case v.rooted:
			a.reads[readKey{path: strings.Join(v.path, "."), mode: mode}] = true
		}
	}
}

func (a *analyzer) list(l *parse.ListNode, dot vals, s *scope) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		a.node(n, dot, s)
	}
}

func (a *analyzer) node(n parse.Node, dot vals, s *scope) {
	switch n := n.(type) {
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
	case *parse.ActionNode:
		v := a.pipe(n.Pipe, dot, s, true)
		if len(n.Pipe.Decl) == 0 {
			a.need(v, readAll) // printed
		}
	case *parse.IfNode:
		a.branch(n.Pipe, n.List, n.ElseList, dot, s, false)
	case *parse.WithNode:
		a.branch(n.Pipe, n.List, n.ElseList, dot, s, true)
	case *parse.RangeNode:
		inner := s.child()
		v := a.pipe(n.Pipe, dot, inner, false)
		elem := a.elements(v)
		declare := !n.Pipe.IsAssign // range $x = …: the variables are the outer ones
		switch len(n.Pipe.Decl) {
		case 0:
		case 1:
			a.assigned += inner.set(n.Pipe.Decl[0].Ident[0], elem, declare)
		case 2:
			a.need(v, readAll) // the keys or indexes too
			a.assigned += inner.set(n.Pipe.Decl[0].Ident[0], vals{{}}, declare)
			a.assigned += inner.set(n.Pipe.Decl[1].Ident[0], elem, declare)
		default:
			a.failed = true
		}
		// A variable assigned late in the body is read early in the next
		// turn: the body is followed until what its variables may hold
		// stops growing.
		for pass := 0; ; pass++ {
			before := a.assigned
			a.list(n.List, elem, inner.child())
			if a.assigned == before {
				break
			}
			if pass == maxPasses {
				a.failed = true
				break
			}
		}
		a.list(n.ElseList, dot, inner.child())
	case *parse.TemplateNode:
		var arg vals
		if n.Pipe != nil {
			arg = a.pipe(n.Pipe, dot, s.child(), true)
		}
		a.call(n.Name, arg)
	default:
		a.failed = true
	}
}

// branch follows an if or a with: the test reads its value's truth; the
// body of a with has the value as dot.
func (a *analyzer) branch(p *parse.PipeNode, list, elseList *parse.ListNode, dot vals, s *scope, with bool) {
	inner := s.child()
	v := a.pipe(p, dot, inner, true)
	a.need(v, readTruth)
	body := dot
	if with {
		body = v
	}
	// The body's own variables are not the else branch's.
	a.list(list, body, inner.child())
	a.list(elseList, dot, inner.child())
}

// elements gives the elements of what a range goes over, and records
// that the range depends on its length. A range over anything but a
// slice, array or map (an integer, a channel, a function) is not
// followed.
func (a *analyzer) elements(vs vals) vals {
	var out vals
	for _, v := range vs {
		if !v.rooted {
			if v.dict != nil {
				a.failed = true
			}
			out = append(out, value{})
			continue
		}
		a.need(vals{v}, readLen)
		t := deref(v.typ)
		switch {
		case t == nil:
			a.need(vals{v}, readAll)
			out = append(out, value{})
		case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
			out = append(out, a.field(v, "*", t.Elem()))
		case t.Kind() == reflect.Map:
			a.need(vals{v}, readAll) // the keys, in their order
			out = append(out, a.field(v, "*", t.Elem()))
		default:
			a.failed = true
			out = append(out, value{})
		}
	}
	return out
}

// maxCalls and maxPath bound the analysis: past them (a template that
// follows a linked structure by calling itself), a kind reads everything.
const (
	maxCalls = 10_000
	maxPath  = 32
)

// field is v's member name, of type t.
func (a *analyzer) field(v value, name string, t reflect.Type) value {
	if len(v.path) >= maxPath {
		a.failed = true
	}
	return value{rooted: true, path: append(slices.Clip(v.path), name), typ: t}
}

// pipe follows a pipeline; declare sets its variables (a range sets its
// own).
func (a *analyzer) pipe(p *parse.PipeNode, dot vals, s *scope, declare bool) vals {
	if p == nil {
		return nil
	}
	var last vals
	for i, c := range p.Cmds {
		var final *vals
		if i > 0 {
			final = &last
		}
		last = a.command(c, dot, s, final)
	}
	if declare {
		for _, v := range p.Decl {
			a.assigned += s.set(v.Ident[0], last, !p.IsAssign)
		}
	}
	return last
}

// command follows one command; final is the previous command's result in
// a pipeline, given as its last argument.
func (a *analyzer) command(c *parse.CommandNode, dot vals, s *scope, final *vals) vals {
	args := func(nodes []parse.Node) []vals {
		var out []vals
		for _, n := range nodes {
			out = append(out, a.arg(n, dot, s))
		}
		if final != nil {
			out = append(out, *final)
		}
		return out
	}
	switch n := c.Args[0].(type) {
	case *parse.FieldNode:
		return a.fields(dot, n.Ident, args(c.Args[1:]))
	case *parse.ChainNode:
		return a.fields(a.arg(n.Node, dot, s), n.Field, args(c.Args[1:]))
	case *parse.VariableNode:
		v, ok := s.get(n.Ident[0])
		if !ok {
			a.failed = true
			return nil
		}
		if len(n.Ident) == 1 {
			if len(c.Args) > 1 || final != nil {
				a.failed = true
			}
			return v
		}
		return a.fields(v, n.Ident[1:], args(c.Args[1:]))
	case *parse.IdentifierNode:
		if n.Ident == "dict" {
			return a.dict(c.Args[1:], dot, s, final)
		}
		return a.function(n.Ident, args(c.Args[1:]))
	case *parse.DotNode:
		if len(c.Args) > 1 || final != nil {
			a.failed = true
		}
		return dot
	case *parse.PipeNode:
		if len(c.Args) > 1 || final != nil {
			a.failed = true
		}
		return a.pipe(n, dot, s.child(), true)
	case *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode:
		if len(c.Args) > 1 || final != nil {
			a.failed = true
		}
		return vals{{}}
	default:
		a.failed = true
		return nil
	}
}

// arg follows an argument of a command.
func (a *analyzer) arg(n parse.Node, dot vals, s *scope) vals {
	switch n := n.(type) {
	case *parse.PipeNode:
		return a.pipe(n, dot, s.child(), true)
	case *parse.StringNode, *parse.NumberNode, *parse.BoolNode, *parse.NilNode:
		return vals{{}}
	default:
		return a.command(&parse.CommandNode{NodeType: parse.NodeCommand, Args: []parse.Node{n}}, dot, s, nil)
	}
}

// fields follows a chain of field or method names from vs; args are the
// last name's, if it is a method.
func (a *analyzer) fields(vs vals, names []string, args []vals) vals {
	for i, name := range names {
		var margs []vals
		if i == len(names)-1 {
			margs = args
		}
		var next vals
		for _, v := range vs {
			next = append(next, a.member(v, name, margs)...)
		}
		vs = next
	}
	if len(names) == 0 && len(args) > 0 {
		a.failed = true
	}
	return vs
}

// member follows v.name: a dict's member, a method or a field.
func (a *analyzer) member(v value, name string, args []vals) vals {
	for _, arg := range args {
		a.need(arg, readAll)
	}
	if v.dict != nil {
		m, ok := v.dict[name]
		if !ok {
			a.failed = true // missingkey=error: the page fails
		}
		return m
	}
	if !v.rooted {
		return vals{{}} // derived from what was read whole
	}
	t := v.typ
	if t == nil {
		a.need(vals{v}, readAll)
		return vals{{}}
	}
	// A method of the value or, templates taking its address, of its
	// pointer.
	mt := t
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		mt = reflect.PointerTo(t)
	}
	if m, ok := mt.MethodByName(name); ok {
		return a.method(v, deref(t).String()+"."+name, m.Type)
	}
	switch dt := deref(t); dt.Kind() {
	case reflect.Struct:
		f, ok := dt.FieldByName(name)
		if !ok {
			// No such field: a page that gets here fails to render, so
			// a value that cannot have it (one side of an or) adds
			// nothing.
			return nil
		}
		if len(f.Index) != 1 {
			a.need(vals{v}, readAll) // a promoted field
			return vals{{}}
		}
		return vals{a.field(v, name, f.Type)}
	default: // a map's key, an interface's field
		a.need(vals{v}, readAll)
		return vals{{}}
	}
}

// method follows a method call on v: what it reads, as declared, and its
// result.
func (a *analyzer) method(v value, name string, mt reflect.Type) vals {
	decl, ok := methodReads[name]
	if !ok {
		a.need(vals{v}, readAll)
		return vals{{}}
	}
	for _, r := range decl.reads {
		p := v.path
		if r.path != "" {
			p = append(slices.Clip(v.path), strings.Split(r.path, ".")...)
		}
		a.need(vals{{rooted: true, path: p}}, r.mode)
	}
	if decl.result == nil {
		return vals{{}}
	}
	t := mt.Out(0)
	return vals{{rooted: true, path: append(slices.Clip(v.path), decl.result...), typ: t}}
}

// dict follows a call of dict: its members are followed by name, so a
// template given a dict reads only what it uses of each. A key that is
// not a literal string is not followed.
func (a *analyzer) dict(nodes []parse.Node, dot vals, s *scope, final *vals) vals {
	if len(nodes)%2 != 0 || final != nil {
		a.failed = true
		return nil
	}
	d := map[string]vals{}
	for i := 0; i < len(nodes); i += 2 {
		k, ok := nodes[i].(*parse.StringNode)
		if !ok {
			a.failed = true
			return nil
		}
		d[k.Text] = a.arg(nodes[i+1], dot, s)
	}
	return vals{{dict: d}}
}

// fieldIndexes finds the field index of each part of a path from the
// type t (see read.index).
func fieldIndexes(t reflect.Type, parts []string) []int {
	out := make([]int, len(parts))
	for i, p := range parts {
		t = deref(t)
		switch {
		case p == "*" && t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map):
			out[i], t = -1, t.Elem()
		case p == "*":
			out[i], t = -1, nil
		case t != nil && t.Kind() == reflect.Struct:
			f, ok := t.FieldByName(p)
			if ok && len(f.Index) == 1 {
				out[i], t = f.Index[0], f.Type
			} else {
				out[i], t = -2, nil
			}
		default:
			out[i], t = -2, nil
		}
	}
	return out
}

// deref is t with its pointers followed; nil for nil.
func deref(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// function follows a call of a template function or a builtin.
func (a *analyzer) function(name string, args []vals) vals {
	switch name {
	case "and", "or":
		var out vals
		for _, v := range args {
			a.need(v, readTruth)
			out = append(out, v...)
		}
		return out
	case "not":
		for _, v := range args {
			a.need(v, readTruth)
		}
		return vals{{}}
	case "len":
		for _, v := range args {
			a.need(v, readLen)
		}
		return vals{{}}
	case "index":
		if len(args) == 0 {
			a.failed = true
			return nil
		}
		for _, v := range args[1:] {
			a.need(v, readAll)
		}
		out := args[0]
		for range args[1:] {
			out = a.elements(out)
		}
		return out
	case "slice":
		if len(args) == 0 {
			a.failed = true
			return nil
		}
		for _, v := range args[1:] {
			a.need(v, readAll)
		}
		a.need(args[0], readLen)
		return args[0]
	case "first", "last":
		if len(args) != 2 {
			a.failed = true
			return nil
		}
		a.need(args[0], readAll)
		a.need(args[1], readLen)
		return args[1]
	}
	// Any other function (print, eq, t, chartOptions, html/template's
	// escapers…) may read its arguments whole.
	for _, v := range args {
		a.need(v, readAll)
	}
	return vals{{}}
}
