package orm

import "strconv"

// SQL renders the query's statement and arguments without running it.
func (s *SelectQuery[T]) SQL() (string, []any, error) {
	if s.err != nil {
		return "", nil, s.err
	}
	b := NewBuilder(s.q.Dialect())
	s.inner(b)
	return b.String(), b.Args(), b.Err()
}

// AppendSQL renders the query as a parenthesised subquery.
func (s *SelectQuery[T]) AppendSQL(b *Builder) {
	b.WriteString("(")
	s.inner(b)
	b.WriteString(")")
}

// inner renders SELECT ... without parentheses.
func (s *SelectQuery[T]) inner(b *Builder) {
	if s.err != nil {
		b.SetErr(s.err)
		return
	}
	if s.ext != nil {
		writeWith(b, s.ext.ctes)
	}
	b.WriteString("SELECT ")
	if s.distinct {
		b.WriteString("DISTINCT ")
	}
	s.selectList(b)
	s.from(b)
	s.tail(b)
	if s.ext != nil {
		s.ext.lock.appendSQL(b)
	}
}

// selectList renders the projection: explicit columns or all model columns.
func (s *SelectQuery[T]) selectList(b *Builder) {
	if len(s.columns) > 0 {
		b.list(s.columns, ", ")
		return
	}
	if s.source() != nil {
		b.Ident(s.source().Name() + ".*")
		return
	}
	if p := s.poly(); p != nil {
		p.appendColumns(b)
		return
	}
	list, _ := cachedSQL(s.table, b.Dialect(), "select-list", s.modelColumns)
	b.WriteString(list)
	writeComputed(b, s.table)
}

// modelColumns renders every model column, qualified by the table.
func (s *SelectQuery[T]) modelColumns(b *Builder) {
	for i, c := range s.table.Columns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Ident(s.table.Name)
		b.WriteString(".")
		b.Ident(c.Name)
	}
}

// from renders FROM, JOINs, WHERE, GROUP BY and HAVING.
func (s *SelectQuery[T]) from(b *Builder) {
	b.WriteString(" FROM ")
	if s.source() != nil {
		s.source().appendFrom(b)
	} else {
		appendModelFrom(b, s.table)
	}
	if p := s.poly(); p != nil {
		p.appendJoins(b)
	}
	for _, j := range s.joins {
		j.appendSQL(b)
	}
	writeWhere(b, inheritWhere(s.table, s.where))
	if len(s.groupBy) > 0 {
		b.WriteString(" GROUP BY ")
		b.list(s.groupBy, ", ")
	}
	if len(s.having) > 0 {
		b.WriteString(" HAVING ")
		And(s.having...).AppendSQL(b)
	}
}

// writeWhere renders WHERE conds joined with AND.
func writeWhere(b *Builder, conds []Expr) {
	if len(conds) == 0 {
		return
	}
	b.WriteString(" WHERE ")
	b.list(conds, " AND ")
}

// tail renders ORDER BY, LIMIT and OFFSET.
func (s *SelectQuery[T]) tail(b *Builder) {
	if len(s.orderBy) > 0 {
		b.WriteString(" ORDER BY ")
		b.list(s.orderBy, ", ")
	}
	writeLimit(b, s.limit, s.offset)
}

// writeLimit renders LIMIT/OFFSET; an offset alone needs a dialect-specific
// "no limit" on SQLite and MySQL.
func writeLimit(b *Builder, limit, offset int) {
	if limit >= 0 {
		b.WriteString(" LIMIT " + strconv.Itoa(limit))
	} else if offset > 0 {
		switch b.Dialect().Name() {
		case "sqlite":
			b.WriteString(" LIMIT -1")
		case "mysql":
			b.WriteString(" LIMIT 18446744073709551615")
		}
	}
	if offset > 0 {
		b.WriteString(" OFFSET " + strconv.Itoa(offset))
	}
}
