package render

import (
	"errors"
	"strconv"
	"strings"
	"text/template/parse"
)

// extendsFunc is the name of the no-op function that declares a parent.
const extendsFunc = "extends"

var (
	errExtendsPlace = errors.New(`extends must be the first action of the file: {{ extends "base.html" }}`)
	errExtendsArgs  = errors.New(`extends takes one string constant: {{ extends "base.html" }}`)
)

// walk calls fn for n and every node below it that can hold actions.
func walk(n parse.Node, fn func(parse.Node)) {
	fn(n)
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			walk(c, fn)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, fn)
	}
}

// walkBranch walks both lists of an if, range or with.
func walkBranch(b *parse.BranchNode, fn func(parse.Node)) {
	if b.List != nil {
		walk(b.List, fn)
	}
	if b.ElseList != nil {
		walk(b.ElseList, fn)
	}
}

// lineOf returns the line of n in t.
func lineOf(t *parse.Tree, n parse.Node) int {
	loc, _ := t.ErrorContext(n)
	parts := strings.Split(loc, ":")
	if len(parts) < 3 {
		return 0
	}
	line, _ := strconv.Atoi(parts[len(parts)-2])
	return line
}

// findRefs lists the {{template}} calls of t (blocks included).
func findRefs(t *parse.Tree) []ref {
	var refs []ref
	walk(t.Root, func(n parse.Node) {
		if tn, ok := n.(*parse.TemplateNode); ok {
			refs = append(refs, ref{name: tn.Name, line: lineOf(t, tn)})
		}
	})
	return refs
}

// findExtends returns the parent declared by t, which must be the first
// action of a file's top-level tree (top).
func findExtends(t *parse.Tree, top bool) (parent string, line int, err error) {
	first := true
	walk(t.Root, func(n parse.Node) {
		pipe := pipeOf(n)
		if pipe == nil {
			return
		}
		isFirst := first && top
		first = false
		if err != nil || !usesExtends(pipe) {
			return
		}
		line = lineOf(t, n)
		_, isAction := n.(*parse.ActionNode)
		if !isFirst || !isAction {
			err = errExtendsPlace
			return
		}
		parent, err = extendsArg(pipe)
	})
	return parent, line, err
}

// pipeOf returns the pipeline of an action, if, range or with node.
func pipeOf(n parse.Node) *parse.PipeNode {
	switch n := n.(type) {
	case *parse.ActionNode:
		return n.Pipe
	case *parse.IfNode:
		return n.Pipe
	case *parse.RangeNode:
		return n.Pipe
	case *parse.WithNode:
		return n.Pipe
	case *parse.TemplateNode:
		return n.Pipe
	}
	return nil
}

// usesExtends reports whether the pipeline calls extends anywhere.
func usesExtends(p *parse.PipeNode) bool {
	if p == nil {
		return false
	}
	for _, c := range p.Cmds {
		for _, a := range c.Args {
			if id, ok := a.(*parse.IdentifierNode); ok && id.Ident == extendsFunc {
				return true
			}
			if sub, ok := a.(*parse.PipeNode); ok && usesExtends(sub) {
				return true
			}
		}
	}
	return false
}

// extendsArg returns the constant argument of {{ extends "x" }}.
func extendsArg(p *parse.PipeNode) (string, error) {
	if len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 2 {
		return "", errExtendsArgs
	}
	id, ok := p.Cmds[0].Args[0].(*parse.IdentifierNode)
	s, isString := p.Cmds[0].Args[1].(*parse.StringNode)
	if !ok || id.Ident != extendsFunc || !isString || s.Text == "" {
		return "", errExtendsArgs
	}
	return s.Text, nil
}
