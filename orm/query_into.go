package orm

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"unsafe"
)

// A Selectable is a query whose rows Into can scan: a *SelectQuery or a
// set operation (Union, Intersect, Except).
type Selectable interface {
	Expr
	// SQL renders the statement and its arguments without running it.
	SQL() (string, []any, error)
	selectSQL(b *Builder)
	querier() Querier
	// width is the number of result columns, or -1 when unknown (t.*).
	width() int
	resultNames() []string
}

func (s *SelectQuery[T]) selectSQL(b *Builder) { s.inner(b) }

func (s *SelectQuery[T]) querier() Querier { return s.q }

func (s *SelectQuery[T]) width() int {
	switch {
	case len(s.columns) > 0:
		return len(s.columns)
	case s.source() != nil || s.table == nil:
		return -1
	}
	return len(s.table.Columns)
}

// Into runs a query and scans every row into an R, SQLAlchemy's
// session.execute(select(...)).all():
//
//   - a struct (such as a model or a struct of the caller's): result
//     columns are matched to its fields by column name (label aggregates
//     with As); a result column without a field is an error;
//   - a Tuple2, Tuple3 or Tuple4: columns by position;
//   - any other type (int64, string, *string, time.Time, Decimal...): the
//     query's only column.
//
// A bulk Update or Delete with Returning runs as one too (see Returning).
func Into[R any](ctx context.Context, sel RowSource) ([]R, error) {
	if sel == nil {
		return nil, fmt.Errorf("orm: Into of a nil query")
	}
	if r, ok := sel.(returner); ok {
		return returningInto[R](ctx, r)
	}
	query, args, err := sel.SQL()
	if err != nil {
		return nil, err
	}
	q := sel.querier()
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	names, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	fill, err := rowFiller[R](names)
	if err != nil {
		return nil, err
	}
	var out []R
	for rows.Next() {
		var r R
		if err := rows.Scan(fill(unsafe.Pointer(&r))...); err != nil {
			return nil, fmt.Errorf("orm: scan %s: %w", reflect.TypeFor[R](), err)
		}
		out = append(out, r)
	}
	return out, translate(q.Dialect(), rows.Err())
}

// A tuple scans its fields by position (Tuple2, Tuple3, Tuple4).
type tuple interface{ isTuple() }

// Tuple2 is a row of two columns scanned by position.
type Tuple2[A, B any] struct {
	V1 A
	V2 B
}

// Tuple3 is a row of three columns scanned by position.
type Tuple3[A, B, C any] struct {
	V1 A
	V2 B
	V3 C
}

// Tuple4 is a row of four columns scanned by position.
type Tuple4[A, B, C, D any] struct {
	V1 A
	V2 B
	V3 C
	V4 D
}

func (Tuple2[A, B]) isTuple()       {}
func (Tuple3[A, B, C]) isTuple()    {}
func (Tuple4[A, B, C, D]) isTuple() {}

// rowFiller returns the function giving the Scan destinations of an R at
// an address for result columns names.
func rowFiller[R any](names []string) (func(p unsafe.Pointer) []any, error) {
	rt := reflect.TypeFor[R]()
	var zero R
	if _, ok := any(zero).(tuple); ok {
		return tupleFiller(rt, names)
	}
	if isRowStruct(rt) {
		return structFiller[R](names)
	}
	if len(names) != 1 {
		return nil, fmt.Errorf("orm: Into[%s] needs a query of one column, got %d", rt, len(names))
	}
	c := codecFor(rt)
	dest := make([]any, 1)
	return func(p unsafe.Pointer) []any { dest[0] = intoDestAt(c, p); return dest }, nil
}

// isRowStruct reports whether rows scan into t's fields by name: a
// struct that is not itself a column value (time.Time, Decimal, Null...).
func isRowStruct(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || reflect.PointerTo(t).Implements(reflect.TypeFor[sql.Scanner]()) {
		return false
	}
	if _, nullable := unwrapNullable(t); nullable {
		return false
	}
	_, special := specialKind(t)
	return !special
}

// codecFor returns a codec for a value of Go type t.
func codecFor(t reflect.Type) *codec {
	u, _ := unwrapNullable(t)
	ct, err := kindOf(u)
	if err != nil {
		return newCodec(t, 0)
	}
	return newCodec(t, ct.Kind)
}

// tupleFiller scans columns into a tuple's fields by position.
func tupleFiller(rt reflect.Type, names []string) (func(p unsafe.Pointer) []any, error) {
	if rt.NumField() != len(names) {
		return nil, fmt.Errorf("orm: %s has %d fields but the query returns %d columns", rt, rt.NumField(), len(names))
	}
	codecs := make([]*codec, len(names))
	offsets := make([]uintptr, len(names))
	for i := range codecs {
		f := rt.Field(i)
		codecs[i], offsets[i] = codecFor(f.Type), f.Offset
	}
	dest := make([]any, len(names))
	return func(p unsafe.Pointer) []any {
		for i, c := range codecs {
			dest[i] = intoDestAt(c, unsafe.Add(p, offsets[i]))
		}
		return dest
	}, nil
}

// structFiller scans columns into the struct's fields by column name.
func structFiller[R any](names []string) (func(p unsafe.Pointer) []any, error) {
	t, err := tableOf[R]()
	if err != nil {
		return nil, err
	}
	s, err := newScanner[R](t, names)
	if err != nil {
		return nil, err
	}
	return func(p unsafe.Pointer) []any {
		for i, c := range s.cols {
			s.dest[i] = intoDestAt(c.codec, unsafe.Add(p, c.offset))
		}
		return s.dest
	}, nil
}
