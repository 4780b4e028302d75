package config

import (
	"strconv"

	"go.yaml.in/yaml/v3"

	"dutyreport/generator/problem"
)

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
	MaxYAMLNodes = 200_000
	MaxYAMLBytes = 2_000_000
)

// extent is the expanded size of a node, capped just past the limits.
type extent struct{ nodes, bytes int }

func (e extent) add(o extent) extent {
	return extent{min(e.nodes+o.nodes, MaxYAMLNodes+1), min(e.bytes+o.bytes, MaxYAMLBytes+1)}
}

func (e extent) over() bool { return e.nodes > MaxYAMLNodes || e.bytes > MaxYAMLBytes }

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

// withinBudget reports whether root, its aliases expanded, is within the
// limits; if not, it gives the node at which the count crossed them.
func withinBudget(root *yaml.Node) (*yaml.Node, bool) {
	s := sizer{memo: map[*yaml.Node]extent{}}
	n := s.walk(root)
	return n, n == nil
}

// tooLarge is the problem of a document past the budget, at the node that
// crossed it.
func tooLarge(file string, n *yaml.Node) problem.Problem {
	found := ""
	if n.Kind == yaml.AliasNode {
		found = "*" + n.Value
	}
	nodes, bytes := strconv.Itoa(MaxYAMLNodes), strconv.Itoa(MaxYAMLBytes)
	return problem.Problem{Pos: problem.Position{File: file, Line: n.Line, Col: n.Column}, Code: problem.ConfigTooLarge, Found: found,
		Expected:   "at most " + nodes + " values and " + bytes + " bytes of text with every alias (*name) expanded",
		ExpectedZH: "展开全部别名（*名称）后不超过 " + nodes + " 个值、" + bytes + " 字节文字"}
}
