package config

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"dutyreport/generator/problem"
	"dutyreport/generator/record"
	"dutyreport/generator/yamlbudget"
)

// decoder fills Go values from a YAML node tree and reports, with file, line,
// column and the full key path, every key it does not know and every value of
// the wrong kind. It never reads a position out of the YAML library's error
// text: positions come from the nodes.
type decoder struct {
	file     string
	probs    *problem.List
	at       Positions // filled with the position of every key path decoded
	types    map[reflect.Type]*structFields
	reported map[*yaml.Node]bool // nodes with a problem, each reported once
}

// Positions maps a key path ("bands.2.min") to where its value is written,
// so that validation after decoding can still point at the line.
type Positions map[string]problem.Position

// Of returns the position of path, or of its nearest parent that has one,
// or just the file.
func (p Positions) Of(file, path string) problem.Position {
	for {
		if pos, ok := p[path]; ok {
			return pos
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return problem.Position{File: file}
		}
		path = path[:i]
	}
}

var (
	pointsType = reflect.TypeFor[record.Points]()
	dateType   = reflect.TypeFor[record.Date]()
)

func (d *decoder) pos(n *yaml.Node) problem.Position {
	return problem.Position{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *decoder) bad(n *yaml.Node, path string, expected problem.Text) {
	d.report(n, problem.Problem{Pos: d.pos(n), Code: problem.ConfigBadValue,
		Found: path + ": " + n.Value, Expected: expected})
}

// report adds p, found at n, unless n already has a problem: a mistake in
// a mapping used through a thousand aliases is one mistake, at one place,
// reported with the first key path that reached it.
func (d *decoder) report(n *yaml.Node, p problem.Problem) {
	if d.reported[n] {
		return
	}
	if d.reported == nil {
		d.reported = map[*yaml.Node]bool{}
	}
	d.reported[n] = true
	d.probs.Add(p)
}

// decode fills v from n; path is the key path so far, like "bands.2.min".
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if path != "" && n.Kind != yaml.DocumentNode {
		d.at[path] = d.pos(n)
	}
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return
		}
		n = n.Content[0]
	}
	if n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return
	}
	switch {
	case v.Type() == pointsType:
		p, err := record.ParsePoints(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			d.bad(n, path, problem.T(problem.TNumberValue))
			return
		}
		v.SetInt(int64(p))
		return
	case v.Type() == dateType:
		dt, ok := record.ParseISODate(n.Value)
		if n.Kind != yaml.ScalarNode || !ok {
			d.bad(n, path, problem.T(problem.TDateValue))
			return
		}
		v.Set(reflect.ValueOf(dt))
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			// A single value where a list is expected is taken as a list of one.
			if n.Kind == yaml.ScalarNode && v.Type().Elem().Kind() == reflect.String {
				v.Set(reflect.Append(reflect.MakeSlice(v.Type(), 0, 1), reflect.ValueOf(n.Value).Convert(v.Type().Elem())))
				return
			}
			d.bad(n, path, problem.T(problem.TListValue))
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, c := range n.Content {
			d.decode(c, s.Index(i), join(path, strconv.Itoa(i)))
		}
		v.Set(s)
	case reflect.Map:
		if n.Kind != yaml.MappingNode {
			d.bad(n, path, problem.T(problem.TMappingValue))
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			e := reflect.New(v.Type().Elem()).Elem()
			d.decode(val, e, join(path, k.Value))
			m.SetMapIndex(reflect.ValueOf(k.Value).Convert(v.Type().Key()), e)
		}
		v.Set(m)
	case reflect.Pointer:
		e := reflect.New(v.Type().Elem())
		d.decode(n, e.Elem(), path)
		v.Set(e)
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			d.bad(n, path, problem.T(problem.TTextValue))
			return
		}
		v.SetString(n.Value)
	case reflect.Int, reflect.Int64, reflect.Int32:
		i, err := strconv.ParseInt(n.Value, 10, 64)
		if n.Kind != yaml.ScalarNode || err != nil {
			d.bad(n, path, problem.T(problem.TWholeNumber))
			return
		}
		v.SetInt(i)
	case reflect.Bool:
		var b bool
		if n.Kind != yaml.ScalarNode || n.Decode(&b) != nil {
			d.bad(n, path, problem.T(problem.TTrueOrFalse))
			return
		}
		v.SetBool(b)
	default:
		panic(fmt.Sprintf("config: cannot decode into %s", v.Type()))
	}
}

// fieldsOf gives the yaml-tagged fields of a struct type, worked out once
// per type and document: a mapping aliased a thousand times is matched a
// thousand times.
func (d *decoder) fieldsOf(t reflect.Type) *structFields {
	if f, ok := d.types[t]; ok {
		return f
	}
	f := &structFields{index: make(map[string]int, t.NumField())}
	var known []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		f.index[name] = i
		known = append(known, name)
	}
	f.expected = problem.T(problem.TOneOf, strings.Join(known, ", "))
	if d.types == nil {
		d.types = map[reflect.Type]*structFields{}
	}
	d.types[t] = f
	return f
}

// structFields are a struct type's fields by yaml name, and the sentence
// listing them for config.unknown-key.
type structFields struct {
	index    map[string]int
	expected problem.Text
}

// decodeStruct matches mapping keys to the fields' yaml tags.
func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.bad(n, path, problem.T(problem.TMappingValue))
		return
	}
	fields := d.fieldsOf(v.Type())
	var seen []bool
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		kp := join(path, k.Value)
		fi, ok := fields.index[k.Value]
		if !ok {
			d.report(k, problem.Problem{Pos: d.pos(k), Code: problem.ConfigUnknownKey,
				Found: kp, Expected: fields.expected})
			continue
		}
		if seen == nil {
			seen = make([]bool, v.NumField())
		}
		if seen[fi] {
			d.report(k, problem.Problem{Pos: d.pos(k), Code: problem.ConfigDuplicate, Found: kp})
		}
		seen[fi] = true
		d.decode(val, v.Field(fi), kp)
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// parseYAML reads data as one YAML document and decodes it into v strictly,
// returning the position of every key path. A document too large once its
// aliases are expanded is not decoded at all: that is the one problem, and
// ok is false, so that the caller does not go on to report every value
// missing.
func parseYAML(file string, data []byte, v any, probs *problem.List) (at Positions, ok bool) {
	at = Positions{}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		// The library's message is shown as the value found; the position is
		// only the file, since it cannot be had from the node tree.
		probs.Add(problem.Problem{Pos: problem.Position{File: file}, Code: problem.ConfigSyntax, Found: err.Error()})
		return at, true
	}
	if root.Kind == 0 {
		return at, true
	}
	if n := yamlbudget.Over(&root); n != nil {
		probs.Add(tooLarge(file, n))
		return at, false
	}
	d := decoder{file: file, probs: probs, at: at}
	d.decode(&root, reflect.ValueOf(v).Elem(), "")
	return at, true
}

// DecodeYAML decodes one YAML document strictly into v, as site.yaml is read:
// unknown keys and bad values are problems with file, line and key path.
// lineOffset is added to every line, for YAML embedded in a larger file
// (a Markdown file's front matter). A document that, its aliases expanded,
// is past MaxYAMLNodes or MaxYAMLBytes is one config.too-large problem at
// the alias that crossed the limit, and v is left as it was.
func DecodeYAML(file string, data []byte, v any, lineOffset int) problem.List {
	_, probs := DecodeYAMLAt(file, data, v, lineOffset)
	return probs
}

// DecodeYAMLAt is DecodeYAML that also gives the position of every key path,
// for problems found later in the values.
func DecodeYAMLAt(file string, data []byte, v any, lineOffset int) (Positions, problem.List) {
	var probs problem.List
	pos, _ := parseYAML(file, data, v, &probs)
	for i := range probs {
		if probs[i].Pos.Line > 0 {
			probs[i].Pos.Line += lineOffset
		}
	}
	for k, p := range pos {
		if p.Line > 0 {
			p.Line += lineOffset
			pos[k] = p
		}
	}
	return pos, probs
}
