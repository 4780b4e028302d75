package generator

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/render"
	"dutyreport/generator/view"
)

// TestReusedFilesRenderTheSame: a file whose digest did not change renders
// the same bytes. For each audience of the example, one field of the
// model at a time is changed in a fresh view: a field of a kind chosen at
// random among the kinds of field a page can reach (Site.Years[].Path is
// one kind), then one of that kind at random. Every page and export whose
// digest stayed as it was must render byte for byte as before. This is
// what lets a rebuild keep them without rendering them.
//
// With DUTYREPORT_REUSE=all, every kind of field is changed once (some
// minutes), as after a change to the templates or to the analysis.
func TestReusedFilesRenderTheSame(t *testing.T) {
	t.Parallel()
	in := exampleInputs(t)
	theme, probs := loadTheme(in.cfg)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	// One worker, on this goroutine: a change that breaks the view's
	// invariants (one of two lists that go together shortened) panics in
	// an export, and is recovered as a change no site can render.
	render1 := func(s *view.Site) (files map[string][]byte, made map[string]render.Sum, err error) {
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("panic: %v", p)
			}
		}()
		files = map[string][]byte{}
		var mu sync.Mutex
		made, probs, err = theme.SiteReusing(s, func(p string, data []byte) error {
			mu.Lock()
			files[p] = bytes.Clone(data)
			mu.Unlock()
			return nil
		}, 1, &render.Reuse{Salt: []byte("test")})
		if err == nil && probs.HasErrors() {
			err = probs
		}
		return files, made, err
	}
	for _, audience := range []string{config.Public, config.Internal} {
		t.Run(audience, func(t *testing.T) {
			// The view shares values with the inputs, which other tests
			// read: each change is made to a copy of it.
			base := in.view(audience)
			files0, made0, err := render1(base)
			if err != nil {
				t.Fatal(err)
			}
			shapes := leafShapes(settableLeaves(reflect.ValueOf(base)))
			mutations := map[string]int{config.Public: 40, config.Internal: 16}[audience]
			if os.Getenv("DUTYREPORT_REUSE") == "all" {
				mutations = len(shapes)
			}
			rng := rand.New(rand.NewPCG(1, uint64(len(audience))))
			order := rng.Perm(len(shapes))
			kept, changed, tried := 0, 0, 0
			for n := 0; tried < mutations && n < len(order); n++ {
				shape := shapes[order[n]]
				s := deepCopy(reflect.ValueOf(base), map[uintptr]reflect.Value{}).Interface().(*view.Site)
				var leaves []leaf
				for _, l := range settableLeaves(reflect.ValueOf(s)) {
					if l.shape == shape.name {
						leaves = append(leaves, l)
					}
				}
				if len(leaves) == 0 {
					continue
				}
				what := mutate(leaves[rng.IntN(len(leaves))])
				files, made, err := render1(s)
				if err != nil {
					continue // a change no page can render (a kind, a path)
				}
				tried++
				for p, sum := range made {
					if made0[p] != sum {
						changed++
						continue
					}
					kept++
					if !bytes.Equal(files[p], files0[p]) {
						t.Errorf("%s: %s kept its digest but renders other bytes:\n%s", what, p, fileDiff(files0[p], files[p]))
					}
				}
			}
			t.Logf("%d changes (of %d kinds of field): %d files kept their digest (and their bytes), %d did not", tried, len(shapes), kept, changed)
			if changed == 0 || kept == 0 {
				t.Fatal("the changes tell nothing: every digest changed, or none")
			}
		})
	}
}

// leaf is a field of the model a test may change; its shape is its path
// without the indexes.
type leaf struct {
	v           reflect.Value
	path, shape string
}

type shape struct{ name string }

// leafShapes lists the shapes of the leaves, sorted.
func leafShapes(leaves []leaf) []shape {
	seen := map[string]bool{}
	var out []shape
	for _, l := range leaves {
		if !seen[l.shape] {
			seen[l.shape] = true
			out = append(out, shape{l.shape})
		}
	}
	slices.SortFunc(out, func(a, b shape) int { return strings.Compare(a.name, b.name) })
	return out
}

// settableLeaves lists the strings, integers, booleans and lists reachable from v through exported fields, elements and
// pointers, each once.
func settableLeaves(v reflect.Value) []leaf {
	var out []leaf
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value, path, shape string)
	walk = func(v reflect.Value, path, shape string) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem(), path, shape)
		case reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem(), path, shape)
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if f := v.Type().Field(i); f.IsExported() {
					walk(v.Field(i), path+"."+f.Name, shape+"."+f.Name)
				}
			}
		case reflect.Slice, reflect.Array:
			if v.Kind() == reflect.Slice && v.CanSet() && v.Len() > 0 {
				out = append(out, leaf{v, path + " (one less)", shape + " (one less)"})
			}
			for i := range v.Len() {
				walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i), shape+"[]")
			}
		case reflect.String, reflect.Int, reflect.Int64, reflect.Bool:
			if v.CanSet() {
				out = append(out, leaf{v, path, shape})
			}
		}
	}
	walk(v, "Site", "Site")
	return out
}

// mutate changes a leaf and says how: a string, number or switch is
// changed, a list loses its last element. (A pointer made nil makes a
// model no view builds.)
func mutate(l leaf) string {
	switch l.v.Kind() {
	case reflect.Slice:
		l.v.Set(l.v.Slice(0, l.v.Len()-1))

	case reflect.String:
		l.v.SetString(l.v.String() + "✱")
	case reflect.Bool:
		l.v.SetBool(!l.v.Bool())
	default:
		l.v.SetInt(l.v.Int() + 1)
	}
	return l.path + " changed"
}

// deepCopy copies v and everything its exported fields reach, so that a
// change to the copy reaches nothing else; a value reached twice is
// copied once. Unexported fields are copied as they are.
func deepCopy(v reflect.Value, seen map[uintptr]reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		if c, ok := seen[v.Pointer()]; ok {
			return c
		}
		c := reflect.New(v.Type().Elem())
		seen[v.Pointer()] = c
		c.Elem().Set(deepCopy(v.Elem(), seen))
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				c.Field(i).Set(deepCopy(v.Field(i), seen))
			}
		}
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i), seen))
		}
		return c
	case reflect.Array:
		c := reflect.New(v.Type()).Elem()
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i), seen))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		it := v.MapRange()
		for it.Next() {
			c.SetMapIndex(it.Key(), deepCopy(it.Value(), seen))
		}
		return c
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type()).Elem()
		c.Set(deepCopy(v.Elem(), seen))
		return c
	}
	return v
}
