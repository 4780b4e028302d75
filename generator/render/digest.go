package render

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math"
	"reflect"
	"slices"
	"sync"

	"dutyreport/generator/view"
)

// Sum is the digest of what a file of the site is made from.
type Sum = [sha256.Size]byte

// digester digests the model of one site for the files made from it: a
// page by what its kind's templates read of it (kindReads), an export by
// the values it is made from. What a pointer points to is digested once
// per build. It is safe for concurrent use.
type digester struct {
	mu   sync.Mutex
	memo map[memoKey]Sum
}

type memoKey struct {
	p uintptr
	t reflect.Type
}

func newDigester() *digester { return &digester{memo: map[memoKey]Sum{}} }

// walk is one digest being made: the pointers being digested (a cycle
// back to one of them is not memoized below it), and whether the value
// held something that cannot be digested (a function, a channel).
type walk struct {
	d      *digester
	open   map[memoKey]int // the pointers being digested, by depth
	cycles int
	opaque bool
}

// page digests what the templates of p's kind read of p; ok is false when
// p holds something that cannot be digested, and must be rendered.
func (d *digester) page(salt []byte, p *view.Page, rs reads) (Sum, bool) {
	w := &walk{d: d, open: map[memoKey]int{}}
	h := newHbuf()
	h.Write(salt)
	h.str("page " + p.Kind + " " + p.Path)
	root := reflect.ValueOf(p)
	for _, r := range rs {
		h.str(r.path)
		h.byte(byte(r.mode))
		w.at(h, root, r.parts, r.index, r.mode)
	}
	return h.sum(), !w.opaque
}

// values digests the values a file is made from.
func (d *digester) values(salt []byte, name string, vs ...any) (Sum, bool) {
	w := &walk{d: d, open: map[memoKey]int{}}
	h := newHbuf()
	h.Write(salt)
	h.str("file " + name)
	for _, v := range vs {
		w.deep(h, reflect.ValueOf(v))
	}
	return h.sum(), !w.opaque
}

// at digests the value at path from v, in mode.
func (w *walk) at(h *hbuf, v reflect.Value, path []string, index []int, mode readMode) {
	if len(path) == 0 {
		w.leaf(h, v, mode)
		return
	}
	v, ok := indirect(h, v)
	if !ok {
		return
	}
	name := path[0]
	if name == "*" {
		switch v.Kind() {
		case reflect.Slice, reflect.Array, reflect.Map:
			w.each(h, v, func(e reflect.Value) { w.at(h, e, path[1:], index[1:], mode) })
		default:
			h.str("not a list")
			w.deep(h, v)
		}
		return
	}
	if v.Kind() != reflect.Struct {
		h.str("not a struct")
		w.deep(h, v)
		return
	}
	i := index[0]
	if i == -2 {
		i = -1
		if f, ok := v.Type().FieldByName(name); ok && len(f.Index) == 1 {
			i = f.Index[0]
		}
	}
	if i < 0 || i >= v.NumField() {
		h.str("no field")
		return
	}
	w.at(h, v.Field(i), path[1:], index[1:], mode)
}

// leaf digests v in mode.
func (w *walk) leaf(h *hbuf, v reflect.Value, mode readMode) {
	switch mode {
	case readTruth:
		// if, with, and, or and not look inside an interface.
		for v.IsValid() && v.Kind() == reflect.Interface && !v.IsNil() {
			v = v.Elem()
		}
		h.byte(truth(v))
	case readLen:
		v, ok := indirect(h, v)
		if !ok {
			return
		}
		switch v.Kind() {
		case reflect.Slice, reflect.Array, reflect.Map, reflect.String, reflect.Chan:
			h.int(int64(v.Len()))
		default:
			w.deep(h, v)
		}
	default:
		w.deep(h, v)
	}
}

// truth is whether templates take v as true (text/template's isTrue).
func truth(v reflect.Value) byte {
	if !v.IsValid() {
		return 0
	}
	var t bool
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		t = v.Len() > 0
	case reflect.Bool:
		t = v.Bool()
	case reflect.Complex64, reflect.Complex128:
		t = v.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		t = !v.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		t = v.Int() != 0
	case reflect.Float32, reflect.Float64:
		t = v.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		t = v.Uint() != 0
	case reflect.Struct:
		t = true
	}
	if t {
		return 1
	}
	return 2
}

// deep digests all of v: every field, exported or not, every element, and
// what every pointer points to.
func (w *walk) deep(h *hbuf, v reflect.Value) {
	if !v.IsValid() {
		h.str("invalid")
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		h.byte(truth(v))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.int(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.int(int64(v.Uint()))
	case reflect.Float32, reflect.Float64:
		h.int(int64(math.Float64bits(v.Float())))
	case reflect.Complex64, reflect.Complex128:
		h.int(int64(math.Float64bits(real(v.Complex()))))
		h.int(int64(math.Float64bits(imag(v.Complex()))))
	case reflect.String:
		h.str(v.String())
	case reflect.Slice:
		if v.IsNil() {
			h.str("nil")
			return
		}
		fallthrough
	case reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 && v.CanInterface() {
			h.int(int64(v.Len()))
			h.Write(v.Bytes())
			return
		}
		w.each(h, v, func(e reflect.Value) { w.deep(h, e) })
	case reflect.Map:
		if v.IsNil() {
			h.str("nil")
			return
		}
		w.each(h, v, func(e reflect.Value) { w.deep(h, e) })
	case reflect.Struct:
		h.str(v.Type().String())
		for i := range v.NumField() {
			w.deep(h, v.Field(i))
		}
	case reflect.Interface:
		if v.IsNil() {
			h.str("nil")
			return
		}
		h.str(v.Elem().Type().String())
		w.deep(h, v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			h.str("nil")
			return
		}
		s := w.pointee(v)
		h.Write(s[:])
	default: // a function, a channel: nothing to digest
		w.opaque = true
	}
}

// pointee digests what the pointer v points to, once per build.
func (w *walk) pointee(v reflect.Value) Sum {
	k := memoKey{v.Pointer(), v.Type()}
	w.d.mu.Lock()
	s, ok := w.d.memo[k]
	w.d.mu.Unlock()
	if ok {
		return s
	}
	if depth, ok := w.open[k]; ok {
		w.cycles++
		// A cycle back to the value being digested depth levels up.
		return Sum{1, byte(depth), byte(depth >> 8), byte(depth >> 16)}
	}
	w.open[k] = len(w.open) + 1
	before := w.cycles
	h := newHbuf()
	w.deep(h, v.Elem())
	s = h.sum()
	delete(w.open, k)
	if w.cycles == before && !w.opaque {
		w.d.mu.Lock()
		w.d.memo[k] = s
		w.d.mu.Unlock()
	}
	return s
}

// indirect follows v's pointers and interfaces; false, with "nil"
// digested, at a nil one.
func indirect(h *hbuf, v reflect.Value) (reflect.Value, bool) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			h.str("nil")
			return v, false
		}
		v = v.Elem()
	}
	return v, true
}

// each digests a slice's, array's or map's length, then gives f each
// element in order: a map's by the digests of their keys, each key's
// digest before its value.
func (w *walk) each(h *hbuf, v reflect.Value, f func(reflect.Value)) {
	if v.Kind() != reflect.Map {
		h.int(int64(v.Len()))
		for i := range v.Len() {
			f(v.Index(i))
		}
		return
	}
	keys := w.sortedKeys(v)
	h.int(int64(len(keys)))
	for _, k := range keys {
		h.Write(k.sum[:])
		f(v.MapIndex(k.key))
	}
}

type mapKey struct {
	key reflect.Value
	sum Sum
}

// sortedKeys gives a map's keys in the order of their digests.
func (w *walk) sortedKeys(v reflect.Value) []mapKey {
	var keys []mapKey
	it := v.MapRange()
	for it.Next() {
		h := newHbuf()
		w.deep(h, it.Key())
		keys = append(keys, mapKey{it.Key(), h.sum()})
	}
	slices.SortFunc(keys, func(a, b mapKey) int { return cmp.Compare(string(a.sum[:]), string(b.sum[:])) })
	return keys
}

// hbuf feeds a hash in blocks: digesting a model is many small writes.
type hbuf struct {
	h hash.Hash
	b []byte
}

func newHbuf() *hbuf { return &hbuf{h: sha256.New(), b: make([]byte, 0, 4096)} }

func (x *hbuf) Write(p []byte) {
	x.b = append(x.b, p...)
	x.flush()
}

func (x *hbuf) byte(c byte) {
	x.b = append(x.b, c)
	x.flush()
}

func (x *hbuf) int(n int64) {
	x.b = binary.LittleEndian.AppendUint64(x.b, uint64(n))
	x.flush()
}

func (x *hbuf) str(s string) {
	x.b = binary.LittleEndian.AppendUint64(x.b, uint64(len(s)))
	x.b = append(x.b, s...)
	x.flush()
}

// flush hashes the buffer once a block of it is full.
func (x *hbuf) flush() {
	if len(x.b) >= 4096 {
		x.h.Write(x.b)
		x.b = x.b[:0]
	}
}

func (x *hbuf) sum() Sum {
	x.h.Write(x.b)
	x.b = x.b[:0]
	var s Sum
	x.h.Sum(s[:0])
	return s
}
