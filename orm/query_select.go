package orm

import (
	"fmt"
	"strings"
)

// A SelectQuery selects rows of model T; build it with Select and run it
// with All, First, One, Count, Exists or Iter. Building errors (such as an
// unknown field in FilterBy) are reported when the query runs.
type SelectQuery[T any] struct {
	q        Querier
	table    *Table
	err      error
	columns  []Expr
	joins    []join
	where    []Expr
	groupBy  []Expr
	having   []Expr
	orderBy  []Expr
	limit    int
	offset   int
	distinct bool
	loads    []*LoadOption
	ext      *selectExt // the rarer clauses, kept out of line
}

// selectExt holds the clauses most queries lack, so that they cost a plain
// query one pointer.
type selectExt struct {
	source FromItem // From: selected instead of the model's table
	ctes   []*CTE   // With
	lock   *lockClause
}

// extra returns the query's rarer clauses, allocating them.
func (s *SelectQuery[T]) extra() *selectExt {
	if s.ext == nil {
		s.ext = &selectExt{}
	}
	return s.ext
}

// source returns the item the query selects From, or nil.
func (s *SelectQuery[T]) source() FromItem {
	if s.ext == nil {
		return nil
	}
	return s.ext.source
}

type join struct {
	kind string
	item FromItem
	on   Expr
}

// subquery is implemented by queries usable inside IN (...).
type subquery interface{ inner(b *Builder) }

// Select starts a query for rows of the model T.
func Select[T any](q Querier) *SelectQuery[T] {
	t, err := tableOf[T]()
	return &SelectQuery[T]{q: routeQuerier(q, t), table: t, err: err, limit: -1}
}

// Where adds conditions joined with AND.
func (s *SelectQuery[T]) Where(conds ...Expr) *SelectQuery[T] {
	s.where = append(s.where, conds...)
	return s
}

// FilterBy adds equality conditions by Go field or column name, given as a
// map[string]any or as name, value pairs: FilterBy("Name", "x", "Price", 3).
func (s *SelectQuery[T]) FilterBy(args ...any) *SelectQuery[T] {
	conds, err := filterBy(s.table, args)
	if err != nil {
		s.setErr(err)
	}
	s.where = append(s.where, conds...)
	return s
}

// setErr keeps the first building error.
func (s *SelectQuery[T]) setErr(err error) {
	if s.err == nil {
		s.err = err
	}
}

// OrderBy adds sort keys: Exprs (C("price").Desc()) or column/field names,
// with a leading '-' for descending ("-price"). A name may also be a label
// given with As in Columns (call Columns first), or a column of the item
// the query selects From. A nil key drops the keys given before it
// (SQLAlchemy's order_by(None)), such as a Dynamic relationship's order_by.
func (s *SelectQuery[T]) OrderBy(keys ...any) *SelectQuery[T] {
	for _, k := range keys {
		if k == nil {
			s.orderBy = nil
			continue
		}
		t := s.table
		if s.source() != nil || s.hasLabel(k) {
			t = nil // a name of the selected item or a label: no model lookup
		}
		e, err := orderKey(t, k)
		if err != nil {
			s.setErr(err)
			continue
		}
		s.orderBy = append(s.orderBy, e)
	}
	return s
}

// Limit caps the number of rows.
func (s *SelectQuery[T]) Limit(n int) *SelectQuery[T] { s.limit = n; return s }

// Offset skips the first n rows.
func (s *SelectQuery[T]) Offset(n int) *SelectQuery[T] { s.offset = n; return s }

// Distinct removes duplicate rows.
func (s *SelectQuery[T]) Distinct() *SelectQuery[T] { s.distinct = true; return s }

// Join adds an INNER JOIN of table on a condition.
func (s *SelectQuery[T]) Join(table string, on Expr) *SelectQuery[T] {
	s.joins = append(s.joins, join{"JOIN", tableName(table), on})
	return s
}

// LeftJoin adds a LEFT OUTER JOIN of table on a condition.
func (s *SelectQuery[T]) LeftJoin(table string, on Expr) *SelectQuery[T] {
	s.joins = append(s.joins, join{"LEFT OUTER JOIN", tableName(table), on})
	return s
}

// GroupBy adds GROUP BY columns: Exprs, or names resolved as Columns
// resolves them (Go field or column names of T, "table.column") or a
// label given with As in Columns. A nil drops the columns given before it
// (SQLAlchemy's group_by(None)).
func (s *SelectQuery[T]) GroupBy(cols ...any) *SelectQuery[T] {
	for _, c := range cols {
		if c == nil {
			s.groupBy = nil
			continue
		}
		e, err := s.columnExpr(c)
		if s.hasLabel(c) {
			e, err = asExpr(c), nil
		}
		if err != nil {
			s.setErr(err)
			continue
		}
		s.groupBy = append(s.groupBy, e)
	}
	return s
}

// Having adds HAVING conditions joined with AND.
func (s *SelectQuery[T]) Having(conds ...Expr) *SelectQuery[T] {
	s.having = append(s.having, conds...)
	return s
}

// Columns replaces the selected columns: names (Go field or column names
// of T, or "table.column"), expressions and aggregates. Run the query
// with Into (rows into a struct, scalars or tuples) or Scalar, or use it
// as a subquery; the row-returning methods always select the model's
// columns. An unqualified name that is not a field or column of T is an
// error unless the query selects From another item (call From first).
func (s *SelectQuery[T]) Columns(cols ...any) *SelectQuery[T] {
	s.columns = s.columns[:0]
	for _, c := range cols {
		e, err := s.columnExpr(c)
		if err != nil {
			s.setErr(err)
			continue
		}
		s.columns = append(s.columns, e)
	}
	return s
}

// columnExpr resolves a Columns argument: a name of the model's table
// (unqualified or qualified by the table) must exist and renders as its
// column name; other names and Exprs pass through.
func (s *SelectQuery[T]) columnExpr(v any) (Expr, error) {
	name, ok := v.(string)
	if !ok || s.table == nil || s.source() != nil {
		return asExpr(v), nil
	}
	table, col, qualified := strings.Cut(name, ".")
	if !qualified {
		col, table = table, ""
	} else if table != s.table.Name {
		return C(name), nil
	}
	if col == "*" {
		return C(name), nil
	}
	c := s.table.lookup(col)
	if c == nil {
		return nil, unknownField(s.table, col)
	}
	if qualified {
		return C(table + "." + c.Name), nil
	}
	return C(c.Name), nil
}

// asExpr turns a column name into a Col; Exprs pass through.
func asExpr(v any) Expr {
	if e, ok := v.(Expr); ok || v == nil {
		return e // a nil renders as errNilExpr
	}
	return C(fmt.Sprint(v))
}

// orderKey resolves an OrderBy key.
func orderKey(t *Table, k any) (Expr, error) {
	name, ok := k.(string)
	if !ok {
		return asExpr(k), nil
	}
	desc := strings.HasPrefix(name, "-")
	name = strings.TrimPrefix(name, "-")
	col := C(name)
	if t != nil && !strings.Contains(name, ".") {
		c := t.lookup(name)
		if c == nil {
			return nil, unknownField(t, name)
		}
		col = C(t.Name + "." + c.Name)
	}
	if desc {
		return col.Desc(), nil
	}
	return col, nil
}

// unknownField reports a name that is neither a field nor a column.
func unknownField(t *Table, name string) error {
	return fmt.Errorf("orm: table %s has no field or column %q", t.Name, name)
}
