package problem

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
)

// TextID names an entry of the catalogue (texts.go): one text that a user
// reads, its Chinese and its English side by side.
type TextID int

// Text is an entry of the catalogue with the values it needs. It holds no
// language: Problem.Format, or In, picks one when the text is shown, so a
// Problem stays data and no call site can put two languages together by
// hand. The zero Text is empty.
//
// Make one with T, or, for a value that reads the same in every language,
// with Verbatim, Joined or Choices.
type Text struct {
	id   TextID
	args []any
}

// T is the catalogue's entry id with its values, one for each placeholder
// of the entry. A value that is itself a Text (Joined, Choices, a nested
// entry) is shown in the language of the whole.
//
//	Expected: problem.T(problem.TDraftsAfterPublished, lastPublished)
func T(id TextID, args ...any) Text { return Text{id: id, args: args} }

// Verbatim is a value shown as it is in every language: column headers, a
// unit's name, a score, a list the scheme spells out. Never a sentence: a
// sentence is an entry of the catalogue, in both languages.
func Verbatim(s string) Text { return Text{id: tVerbatim, args: []any{s}} }

// Joined is a list of values joined as each language joins one: "a, b" in
// English, "a、b" in Chinese.
func Joined(items []string) Text { return Text{id: tJoined, args: []any{items}} }

// Choices is a list of values to choose from: "a / b" in English, "a、b"
// in Chinese.
func Choices(items []string) Text { return Text{id: tChoices, args: []any{items}} }

// IsZero reports whether t is the zero Text, which says nothing.
func (t Text) IsZero() bool { return t.id == 0 }

// In gives the text in lang, its values in their places.
func (t Text) In(lang Lang) string {
	if t.id <= 0 || int(t.id) >= len(texts) {
		return ""
	}
	s := texts[t.id].in(lang)
	switch t.id {
	case tJoined, tChoices: // the entry is the separator
		var items []string
		if len(t.args) == 1 {
			items, _ = t.args[0].([]string)
		}
		return strings.Join(items, s)
	}
	if len(t.args) == 0 {
		return s
	}
	args := make([]any, len(t.args))
	for i, a := range t.args {
		if v, ok := a.(Text); ok {
			a = v.In(lang)
		}
		args[i] = a
	}
	return fmt.Sprintf(s, args...)
}

// text is an entry of the catalogue: a fmt format in each language, with
// the same values. Where the order of the words differs, a format names its
// values by index (%[2]s).
type text struct{ zh, en string }

// untranslated, in place of an entry's Chinese, marks an entry with no
// Chinese yet: Chinese readers see the English, as they always have.
// Translating one changes what a clerk reads, so it is a change of its own.
const untranslated = "\x00untranslated"

// in gives the entry's format in lang: zh-CN unless lang is English.
func (e text) in(lang Lang) string {
	if lang == EN || e.zh == untranslated {
		return e.en
	}
	return e.zh
}

// GobEncode writes t for encoding/gob (the ingest cache keeps the
// problems of each file it read): its entry, then each value as a kind
// byte and its bytes.
func (t Text) GobEncode() ([]byte, error) { return t.appendTo(nil), nil }

// GobDecode reads what GobEncode wrote.
func (t *Text) GobDecode(data []byte) error {
	r := reader{data: data}
	*t = r.text(0)
	if r.err == nil && len(r.data) > 0 {
		r.err = errBadText
	}
	return r.err
}

// The kinds of value a Text holds on the wire.
const (
	wireString byte = iota
	wireInt
	wireList
	wireText
)

var errBadText = errors.New("problem: a stored text that cannot be read")

func (t Text) appendTo(b []byte) []byte {
	b = binary.AppendUvarint(b, uint64(t.id))
	b = binary.AppendUvarint(b, uint64(len(t.args)))
	for _, a := range t.args {
		switch v := a.(type) {
		case int:
			b = binary.AppendVarint(append(b, wireInt), int64(v))
		case []string:
			b = binary.AppendUvarint(append(b, wireList), uint64(len(v)))
			for _, s := range v {
				b = appendString(b, s)
			}
		case Text:
			b = v.appendTo(append(b, wireText))
		case string:
			b = appendString(append(b, wireString), v)
		default: // no call site gives one; kept as it reads
			b = appendString(append(b, wireString), fmt.Sprint(v))
		}
	}
	return b
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// reader reads a stored Text, keeping the first error.
type reader struct {
	data []byte
	err  error
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.data = r.data[n:]
	return v
}

func (r *reader) string() string {
	n := r.uvarint()
	if n > uint64(len(r.data)) {
		r.fail()
		return ""
	}
	s := string(r.data[:n])
	r.data = r.data[n:]
	return s
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errBadText
	}
	r.data = nil
}

// text reads a Text nested depth deep; a stored text is never nested
// more than a few levels.
func (r *reader) text(depth int) Text {
	if depth > 8 {
		r.fail()
		return Text{}
	}
	t := Text{id: TextID(r.uvarint())}
	n := r.uvarint()
	if t.id >= textCount || n > uint64(len(r.data)) {
		r.fail()
		return Text{}
	}
	for i := uint64(0); i < n && r.err == nil; i++ {
		if len(r.data) == 0 {
			r.fail()
			break
		}
		kind := r.data[0]
		r.data = r.data[1:]
		switch kind {
		case wireString:
			t.args = append(t.args, r.string())
		case wireInt:
			v, k := binary.Varint(r.data)
			if k <= 0 {
				r.fail()
				break
			}
			r.data = r.data[k:]
			t.args = append(t.args, int(v))
		case wireList:
			m := r.uvarint()
			if m > uint64(len(r.data)) {
				r.fail()
				break
			}
			list := make([]string, m)
			for j := range list {
				list[j] = r.string()
			}
			t.args = append(t.args, list)
		case wireText:
			t.args = append(t.args, r.text(depth+1))
		default:
			r.fail()
		}
	}
	if r.err != nil {
		return Text{}
	}
	return t
}
