package orm

import (
	"fmt"
	"strconv"
)

// A Compound is a set operation over queries: UNION, UNION ALL,
// INTERSECT, INTERSECT ALL, EXCEPT or EXCEPT ALL; SQLAlchemy's union(),
// intersect() and except_(). Run it with Into, use it as a subquery
// (Subquery, In) or as the body of a RecursiveCTE.
type Compound struct {
	op      string
	members []Selectable
	orderBy []Expr
	limit   int
	offset  int
}

// Union combines the rows of queries, removing duplicates.
func Union(qs ...Selectable) *Compound { return compound("UNION", qs) }

// UnionAll combines the rows of queries, keeping duplicates.
func UnionAll(qs ...Selectable) *Compound { return compound("UNION ALL", qs) }

// Intersect keeps the rows that every query returns.
func Intersect(qs ...Selectable) *Compound { return compound("INTERSECT", qs) }

// IntersectAll is Intersect keeping duplicates (not on SQLite).
func IntersectAll(qs ...Selectable) *Compound { return compound("INTERSECT ALL", qs) }

// Except keeps the rows of the first query that the others do not return.
func Except(qs ...Selectable) *Compound { return compound("EXCEPT", qs) }

// ExceptAll is Except keeping duplicates (not on SQLite).
func ExceptAll(qs ...Selectable) *Compound { return compound("EXCEPT ALL", qs) }

func compound(op string, qs []Selectable) *Compound {
	return &Compound{op: op, members: qs, limit: -1}
}

// OrderBy sorts the combined rows by result column names or Exprs.
func (c *Compound) OrderBy(keys ...any) *Compound {
	for _, k := range keys {
		e, _ := orderKey(nil, k)
		c.orderBy = append(c.orderBy, e)
	}
	return c
}

// Limit caps the number of combined rows.
func (c *Compound) Limit(n int) *Compound { c.limit = n; return c }

// Offset skips the first n combined rows.
func (c *Compound) Offset(n int) *Compound { c.offset = n; return c }

// Subquery returns the set operation as a named subquery.
func (c *Compound) Subquery(alias string) *Subquery { return &Subquery{sel: c, alias: alias} }

// SQL renders the statement without running it. Queries with different
// numbers of columns are an error.
func (c *Compound) SQL() (string, []any, error) {
	if c.querier() == nil {
		return "", nil, fmt.Errorf("orm: %s needs at least one query", c.op)
	}
	b := NewBuilder(c.querier().Dialect())
	c.selectSQL(b)
	return b.String(), b.Args(), b.Err()
}

// AppendSQL renders the set operation as a parenthesised subquery.
func (c *Compound) AppendSQL(b *Builder) {
	b.WriteString("(")
	c.selectSQL(b)
	b.WriteString(")")
}

func (c *Compound) inner(b *Builder) { c.selectSQL(b) }

func (c *Compound) querier() Querier {
	if len(c.members) == 0 || c.members[0] == nil {
		return nil
	}
	return c.members[0].querier()
}

func (c *Compound) width() int {
	if len(c.members) == 0 || c.members[0] == nil {
		return -1
	}
	return c.members[0].width()
}

// selectSQL renders the members joined by the operator, then ORDER BY and
// LIMIT of the whole.
func (c *Compound) selectSQL(b *Builder) {
	if err := c.check(b.Dialect().Name()); err != nil {
		b.SetErr(err)
		return
	}
	for i, m := range c.members {
		if i > 0 {
			b.WriteString(" " + c.op + " ")
		}
		appendMember(b, m, i)
	}
	if len(c.orderBy) > 0 {
		b.WriteString(" ORDER BY ")
		b.list(c.orderBy, ", ")
	}
	writeLimit(b, c.limit, c.offset)
}

// check reports set operations the database lacks and members whose
// column counts differ, before any SQL is sent.
func (c *Compound) check(dialectName string) error {
	if dialectName == "sqlite" && (c.op == "INTERSECT ALL" || c.op == "EXCEPT ALL") {
		return fmt.Errorf("orm: %s is not supported by sqlite", c.op)
	}
	want := -1
	for i, m := range c.members {
		if m == nil {
			return fmt.Errorf("orm: %s member %d is nil", c.op, i+1)
		}
		w := m.width()
		if w < 0 {
			continue
		}
		if want >= 0 && w != want {
			return fmt.Errorf("orm: %s of queries with different numbers of columns: %d and %d (member %d)", c.op, want, w, i+1)
		}
		want = w
	}
	return nil
}

// appendMember renders one member; a member that is itself a set
// operation, or that has ORDER BY or LIMIT, is selected from a subquery
// (SQLite takes no parenthesised members).
func appendMember(b *Builder, m Selectable, i int) {
	if !needsWrap(m) {
		m.selectSQL(b)
		return
	}
	b.WriteString("SELECT * FROM (")
	m.selectSQL(b)
	b.WriteString(") AS ")
	b.Ident("anon_" + strconv.Itoa(i+1))
}

// needsWrap reports whether a member cannot stand bare in a compound.
func needsWrap(m Selectable) bool {
	switch q := m.(type) {
	case *Compound:
		return true
	case interface{ bareMember() bool }:
		return !q.bareMember()
	}
	return false
}

// bareMember reports whether the query has no ORDER BY, LIMIT or OFFSET.
func (s *SelectQuery[T]) bareMember() bool {
	return len(s.orderBy) == 0 && s.limit < 0 && s.offset == 0
}
