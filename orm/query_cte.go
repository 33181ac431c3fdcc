package orm

import (
	"fmt"
	"slices"
)

// A CTE is a common table expression, WITH name (columns) AS (SELECT ...),
// made with SelectQuery.CTE or RecursiveCTE; SQLAlchemy's select.cte().
// A query that selects From or joins a CTE renders its WITH clause.
type CTE struct {
	name      string
	columns   []string
	sel       Selectable
	recursive bool
}

// CTE returns the query as a common table expression called name.
func (s *SelectQuery[T]) CTE(name string) *CTE { return &CTE{name: name, sel: s} }

// RecursiveCTE starts a recursive common table expression with the given
// column names; give its body with UnionAll (or Union) of an anchor query
// and a step query that joins the CTE itself (JoinOn(cte, ...)).
func RecursiveCTE(name string, columns ...string) *CTE {
	return &CTE{name: name, columns: columns, recursive: true}
}

// UnionAll sets the body of a recursive CTE: anchor UNION ALL step.
func (c *CTE) UnionAll(anchor, step Selectable) *CTE {
	c.sel = UnionAll(anchor, step)
	return c
}

// Union sets the body of a recursive CTE: anchor UNION step.
func (c *CTE) Union(anchor, step Selectable) *CTE {
	c.sel = Union(anchor, step)
	return c
}

// Name returns the CTE's name.
func (c *CTE) Name() string { return c.name }

// C returns a column of the CTE, qualified by its name; a name missing
// from a RecursiveCTE's column list, or from the result columns of its
// query when they are all named, is an error when the query renders.
func (c *CTE) C(name string) Col {
	names := c.columns
	if names == nil && c.sel != nil {
		names = c.sel.resultNames()
	}
	return column("CTE "+c.name, names, name).qualify(c.name)
}

func (c *CTE) appendFrom(b *Builder) { b.Ident(c.name) }

// With adds common table expressions to the query's WITH clause; a CTE
// given to From or JoinOn is added automatically.
func (s *SelectQuery[T]) With(ctes ...*CTE) *SelectQuery[T] {
	for _, c := range ctes {
		s.addCTE(c)
	}
	return s
}

// addCTE adds c once.
func (s *SelectQuery[T]) addCTE(c *CTE) {
	if x := s.extra(); c != nil && !slices.Contains(x.ctes, c) {
		x.ctes = append(x.ctes, c)
	}
}

// writeWith renders WITH [RECURSIVE] for the CTEs not already in scope of
// an enclosing statement (the body of a recursive CTE refers to itself).
func writeWith(b *Builder, ctes []*CTE) {
	var todo []*CTE
	for _, c := range ctes {
		if !b.cteScope[c] {
			todo = append(todo, c)
		}
	}
	if len(todo) == 0 {
		return
	}
	if b.cteScope == nil {
		b.cteScope = map[*CTE]bool{}
	}
	b.WriteString("WITH ")
	recursive := false
	for _, c := range todo {
		b.cteScope[c] = true
		recursive = recursive || c.recursive
	}
	if recursive {
		b.WriteString("RECURSIVE ")
	}
	for i, c := range todo {
		if i > 0 {
			b.WriteString(", ")
		}
		c.appendDef(b)
	}
	b.WriteString(" ")
}

// appendDef renders name (columns) AS (body).
func (c *CTE) appendDef(b *Builder) {
	if c.sel == nil {
		b.SetErr(fmt.Errorf("orm: recursive CTE %s has no body (call UnionAll)", c.name))
		return
	}
	if w := c.sel.width(); len(c.columns) > 0 && w >= 0 && w != len(c.columns) {
		b.SetErr(fmt.Errorf("orm: CTE %s names %d columns but its query selects %d", c.name, len(c.columns), w))
		return
	}
	b.Ident(c.name)
	if len(c.columns) > 0 {
		b.WriteString("(")
		for i, col := range c.columns {
			if i > 0 {
				b.WriteString(", ")
			}
			b.Ident(col)
		}
		b.WriteString(")")
	}
	b.WriteString(" AS (")
	c.sel.selectSQL(b)
	b.WriteString(")")
}
