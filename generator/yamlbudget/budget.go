// Package yamlbudget bounds what a YAML document may cost once its aliases
// are expanded, before it is decoded: site.yaml, a scheme, a Markdown
// file's front matter, the theme's UI strings and editions.lock are all
// checked here, so no input can make a decoder walk millions of nodes.
package yamlbudget

import "go.yaml.in/yaml/v3"

// The budget of one YAML document (site.yaml, a scheme, a Markdown file's
// front matter), counted with every alias expanded, as the strict decoder
// would walk it: a node is a key, a value, a list or a mapping, and its
// bytes are those of its text. A few kilobytes of aliases to aliases can
// stand for millions of nodes (the "billion laughs"), and the decoder,
// which keeps the position of every key path and makes a Go value of
// every node, would spend gigabytes on them. So the expanded size is
// counted first, without expanding anything (each anchor's size is worked
// out once), and a document past either limit is refused before it is
// decoded: the positions kept and the values made can then be no more
// than the limits.
//
// The limits are about 100 times the largest real input, rounded: the
// shangnan scheme, the largest, is 1,876 nodes and 19,192 bytes of text
// (the Jingzhou scheme 475 nodes and 2,771 bytes, each site.yaml under
// 100 nodes, a notice's front matter a few dozen). No real site comes near
// them, while a refused bomb costs no more than its node tree.
const (
	MaxNodes = 200_000
	MaxBytes = 2_000_000
)

// extent is the expanded size of a node, capped just past the limits.
type extent struct{ nodes, bytes int }

func (e extent) add(o extent) extent {
	return extent{min(e.nodes+o.nodes, MaxNodes+1), min(e.bytes+o.bytes, MaxBytes+1)}
}

func (e extent) over() bool { return e.nodes > MaxNodes || e.bytes > MaxBytes }

// sizer counts a node tree with its aliases expanded.
type sizer struct {
	total extent
	memo  map[*yaml.Node]extent // anchored nodes, each counted once
}

// own is what a node adds by itself, without its children.
func own(n *yaml.Node) extent { return extent{1, len(n.Value)} }

// size gives the expanded size of n; it stops adding once past the limits.
func (s *sizer) size(n *yaml.Node) extent {
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return own(n)
		}
		n = n.Alias
	}
	if e, ok := s.memo[n]; ok {
		return e
	}
	e := own(n)
	for _, c := range n.Content {
		if e = e.add(s.size(c)); e.over() {
			break
		}
	}
	if n.Anchor != "" {
		s.memo[n] = e
	}
	return e
}

// walk adds up the tree as written, each alias standing for its expanded
// target, and gives the node (the alias, if one) that crosses the limits.
func (s *sizer) walk(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		s.total = s.total.add(s.size(n))
	} else {
		s.total = s.total.add(own(n))
	}
	if s.total.over() {
		return n
	}
	if n.Kind != yaml.AliasNode {
		for _, c := range n.Content {
			if x := s.walk(c); x != nil {
				return x
			}
		}
	}
	return nil
}

// Over gives the node at which root, its aliases expanded, crosses the
// limits (the alias, if one), or nil when it is within them.
func Over(root *yaml.Node) *yaml.Node {
	s := sizer{memo: map[*yaml.Node]extent{}}
	return s.walk(root)
}

// Size is root's expanded size, counted up to just past the limits.
func Size(root *yaml.Node) (nodes, bytes int) {
	s := sizer{memo: map[*yaml.Node]extent{}}
	s.walk(root)
	return s.total.nodes, s.total.bytes
}

// Alias gives the first alias in root, or nil: a file that no person
// writes (editions.lock) has none, and one with an alias is refused
// whatever its size, as a lock may be large.
func Alias(root *yaml.Node) *yaml.Node {
	if root.Kind == yaml.AliasNode {
		return root
	}
	for _, c := range root.Content {
		if a := Alias(c); a != nil {
			return a
		}
	}
	return nil
}
