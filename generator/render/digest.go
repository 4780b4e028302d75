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
	d       *digester
	open    map[memoKey]int // the pointers being digested, by depth
	cycles  int
	opaque  bool
	scratch [8]byte
}

// page digests what the templates of p's kind read of p; ok is false when
// p holds something that cannot be digested, and must be rendered.
func (d *digester) page(salt []byte, p *view.Page, rs reads) (Sum, bool) {
	w := &walk{d: d, open: map[memoKey]int{}}
	h := newHbuf()
	h.Write(salt)
	w.str(h, "page "+p.Kind+" "+p.Path)
	root := reflect.ValueOf(p)
	for _, r := range rs {
		w.str(h, r.path)
		h.Write([]byte{byte(r.mode)})
		w.at(h, root, r.parts, r.index, r.mode)
	}
	return h.sum(), !w.opaque
}

// values digests the values a file is made from.
func (d *digester) values(salt []byte, name string, vs ...any) (Sum, bool) {
	w := &walk{d: d, open: map[memoKey]int{}}
	h := newHbuf()
	h.Write(salt)
	w.str(h, "file "+name)
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
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			w.str(h, "nil")
			return
		}
		v = v.Elem()
	}
	name := path[0]
	if name == "*" {
		switch v.Kind() {
		case reflect.Slice, reflect.Array:
			w.int(h, int64(v.Len()))
			for i := range v.Len() {
				w.at(h, v.Index(i), path[1:], index[1:], mode)
			}
		case reflect.Map:
			keys := w.sortedKeys(v)
			w.int(h, int64(len(keys)))
			for _, k := range keys {
				h.Write(k.sum[:])
				w.at(h, v.MapIndex(k.key), path[1:], index[1:], mode)
			}
		default:
			w.str(h, "not a list")
			w.deep(h, v)
		}
		return
	}
	if v.Kind() != reflect.Struct {
		w.str(h, "not a struct")
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
		w.str(h, "no field")
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
		h.Write([]byte{truth(v)})
	case readLen:
		for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
			if v.IsNil() {
				w.str(h, "nil")
				return
			}
			v = v.Elem()
		}
		switch v.Kind() {
		case reflect.Slice, reflect.Array, reflect.Map, reflect.String, reflect.Chan:
			w.int(h, int64(v.Len()))
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
		w.str(h, "invalid")
		return
	}
	switch v.Kind() {
	case reflect.Bool:
		h.Write([]byte{truth(v)})
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.int(h, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.int(h, int64(v.Uint()))
	case reflect.Float32, reflect.Float64:
		w.int(h, int64(math.Float64bits(v.Float())))
	case reflect.Complex64, reflect.Complex128:
		w.int(h, int64(math.Float64bits(real(v.Complex()))))
		w.int(h, int64(math.Float64bits(imag(v.Complex()))))
	case reflect.String:
		w.str(h, v.String())
	case reflect.Slice:
		if v.IsNil() {
			w.str(h, "nil")
			return
		}
		fallthrough
	case reflect.Array:
		w.int(h, int64(v.Len()))
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 && v.CanInterface() {
			h.Write(v.Bytes())
			return
		}
		for i := range v.Len() {
			w.deep(h, v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			w.str(h, "nil")
			return
		}
		keys := w.sortedKeys(v)
		w.int(h, int64(len(keys)))
		for _, k := range keys {
			h.Write(k.sum[:])
			w.deep(h, v.MapIndex(k.key))
		}
	case reflect.Struct:
		w.str(h, v.Type().String())
		for i := range v.NumField() {
			w.deep(h, v.Field(i))
		}
	case reflect.Interface:
		if v.IsNil() {
			w.str(h, "nil")
			return
		}
		w.str(h, v.Elem().Type().String())
		w.deep(h, v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			w.str(h, "nil")
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
	if len(x.b) >= 4096 {
		x.h.Write(x.b)
		x.b = x.b[:0]
	}
}

func (x *hbuf) WriteString(s string) {
	x.b = append(x.b, s...)
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

func (w *walk) int(h *hbuf, n int64) {
	binary.LittleEndian.PutUint64(w.scratch[:], uint64(n))
	h.Write(w.scratch[:])
}

func (w *walk) str(h *hbuf, s string) {
	w.int(h, int64(len(s)))
	h.WriteString(s)
}
