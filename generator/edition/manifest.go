package edition

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"slices"
	"strings"
)

// Manifest says what an edition was made from: the scheme, each input
// file with its digest, the digest of each other export, and the revision
// with its errata. It is an export like the others (manifest.json), so a
// change of inputs is a change of the edition: an erratum, but for a
// scheme rewritten without changing an export (a site-wide revision).
type Manifest struct {
	Year      int       `json:"year"`
	Revision  int       `json:"revision"`
	Published string    `json:"published"`
	Errata    []Erratum `json:"errata"`
	Scheme    Scheme    `json:"scheme"`
	Inputs    []File    `json:"inputs"`
	Exports   []File    `json:"exports"`
}

// Erratum is a correction as the manifest lists it.
type Erratum struct {
	Revision int    `json:"revision"`
	Date     string `json:"date"`
	What     string `json:"what"`
	Why      string `json:"why"`
}

// Scheme names the scheme an edition was scored under.
type Scheme struct {
	Name   string `json:"name"`
	File   string `json:"file"`
	Digest string `json:"digest"`
}

// File is a file and its digest.
type File struct {
	Path   string `json:"path"`
	Digest string `json:"digest"`
}

// Digest is the digest written for a file's bytes: sha256:<hex>.
func Digest(data []byte) string {
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// DigestOf is Digest of what r gives, read as it streams: an input file
// need not be in memory whole to be digested.
func DigestOf(r io.Reader) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

// Files lists a map of path to digest in path order.
func Files(m map[string]string) []File {
	out := []File{}
	for p, d := range m {
		out = append(out, File{Path: p, Digest: d})
	}
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return out
}

// JSON writes the manifest as the other JSON exports are written: struct
// order, Chinese unescaped, two-space indent, a final newline.
func (m Manifest) JSON() []byte {
	if m.Errata == nil {
		m.Errata = []Erratum{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(m) // strings and ints always encode
	return b.Bytes()
}
