package ingest

import (
	"bytes"
	"encoding/gob"
	"path/filepath"
	"reflect"
	"testing"

	"dutyreport/generator/config"
	"dutyreport/generator/record"
)

// TestKindsTableIsComplete: every record.Kind has an entry with every part
// given, and a name of its own (the name is part of every cache key).
func TestKindsTableIsComplete(t *testing.T) {
	names := map[string]bool{}
	for k, e := range kinds {
		if e.name == "" || e.input == nil || e.need == nil || e.columns == nil || e.records == nil {
			t.Errorf("kind %d: entry incomplete: %+v", k, e)
		}
		if names[e.name] {
			t.Errorf("kind %d: name %q used twice", k, e.name)
		}
		names[e.name] = true
	}
}

// exampleData reads the example site at the repository's root, whose years
// have files of every kind between them.
func exampleData(t *testing.T, opt Options) *record.Data {
	t.Helper()
	cfg, probs := config.Load(filepath.Join("..", ".."))
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	d, probs := ReadWith(cfg, opt)
	if probs.HasErrors() {
		t.Fatal(probs)
	}
	return d
}

// TestEveryKindCachedAsRead: what the cache gives back of each kind is what
// reading gave, and its origins point at the file's index in the build
// that loads it, which need not be the one that stored it.
func TestEveryKindCachedAsRead(t *testing.T) {
	cache := t.TempDir()
	exampleData(t, Options{CacheDir: cache})
	before := parsed.Load()
	got := exampleData(t, Options{CacheDir: cache})
	if n := parsed.Load() - before; n != 0 {
		t.Errorf("the second read parsed %d files, want none", n)
	}
	want := exampleData(t, Options{})
	if !reflect.DeepEqual(got.Years, want.Years) || !reflect.DeepEqual(got.Files, want.Files) {
		t.Errorf("records from the cache differ from a fresh read")
	}

	const moved = 999
	seen := map[record.Kind]int{}
	for _, y := range want.Years {
		back := record.Year{Year: y.Year, Inputs: y.Inputs}
		for k, e := range kinds {
			if y.Inputs[k].File == 0 {
				continue
			}
			var buf bytes.Buffer
			if err := e.records.encode(gob.NewEncoder(&buf), &y); err != nil {
				t.Fatalf("%d %s: %v", y.Year, e.name, err)
			}
			data := buf.Bytes()
			var one record.Year
			if err := e.records.decode(gob.NewDecoder(bytes.NewReader(data)), &one, moved); err != nil {
				t.Fatalf("%d %s: %v", y.Year, e.name, err)
			}
			for _, o := range origins(reflect.ValueOf(one)) {
				seen[record.Kind(k)]++
				if o.File != moved {
					t.Errorf("%d %s: origin %+v from the cache, want file %d", y.Year, e.name, o, moved)
				}
			}
			if err := e.records.decode(gob.NewDecoder(bytes.NewReader(data)), &back, y.Inputs[k].File); err != nil {
				t.Fatalf("%d %s: %v", y.Year, e.name, err)
			}
		}
		// Every field of the year that reading fills is some kind's.
		if !reflect.DeepEqual(back, y) {
			t.Errorf("%d: the kinds' records decoded give\n%+v\nwant\n%+v", y.Year, back, y)
		}
	}
	for k, e := range kinds {
		if seen[record.Kind(k)] == 0 {
			t.Logf("the example site has no record of kind %s: its codec is untested here", e.name)
		}
	}
}

// origins gives every record.Origin in v.
func origins(v reflect.Value) []record.Origin {
	var out []record.Origin
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		if v.Type() == reflect.TypeFor[record.Origin]() {
			out = append(out, v.Interface().(record.Origin))
			return
		}
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(it.Value())
			}
		}
	}
	walk(v)
	return out
}
