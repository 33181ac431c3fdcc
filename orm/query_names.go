package orm

import (
	"fmt"
	"slices"
	"strings"
)

// resultNames returns the names of the query's result columns, or nil
// when one of them has no name known before the query runs (an
// unlabelled expression, t.*).
func (s *SelectQuery[T]) resultNames() []string {
	if len(s.columns) == 0 {
		if s.source() != nil || s.table == nil {
			return nil
		}
		names := make([]string, len(s.table.Columns))
		for i, c := range s.table.Columns {
			names[i] = c.Name
		}
		return names
	}
	names := make([]string, len(s.columns))
	for i, c := range s.columns {
		switch c := c.(type) {
		case labeled:
			names[i] = c.name
		case Col:
			names[i] = c.Name[strings.LastIndexByte(c.Name, '.')+1:]
		default:
			return nil
		}
		if names[i] == "*" {
			return nil
		}
	}
	return names
}

// resultNames of a set operation are those of its first query.
func (c *Compound) resultNames() []string {
	if len(c.members) == 0 || c.members[0] == nil {
		return nil
	}
	return c.members[0].resultNames()
}

// column returns the unqualified column name of a subquery or CTE (what
// names it in errors) whose result columns are names (nil: unknown, not
// checked).
func column(what string, names []string, name string) Col {
	if names != nil && !slices.Contains(names, name) {
		return Col{Name: name, err: fmt.Errorf("orm: %s has no column %q (it has %s)", what, name, strings.Join(names, ", "))}
	}
	return C(name)
}

// qualify prefixes a valid column reference with item.
func (c Col) qualify(item string) Col {
	if c.err != nil {
		return c
	}
	return C(item + "." + c.Name)
}
