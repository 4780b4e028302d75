package config

import (
	"strconv"

	"go.yaml.in/yaml/v3"

	"dutyreport/generator/problem"
	"dutyreport/generator/yamlbudget"
)

// The YAML budget (yamlbudget) is counted before a document is decoded;
// its limits are named here as well, as the problems quote them.
const (
	MaxYAMLNodes = yamlbudget.MaxNodes
	MaxYAMLBytes = yamlbudget.MaxBytes
)

// tooLarge is the problem of a document past the budget, at the node that
// crossed it.
func tooLarge(file string, n *yaml.Node) problem.Problem {
	found := ""
	if n.Kind == yaml.AliasNode {
		found = "*" + n.Value
	}
	nodes, bytes := strconv.Itoa(MaxYAMLNodes), strconv.Itoa(MaxYAMLBytes)
	return problem.Problem{Pos: problem.Position{File: file, Line: n.Line, Col: n.Column}, Code: problem.ConfigTooLarge, Found: found,
		Expected: problem.T(problem.TYAMLBudget, nodes, bytes)}
}
