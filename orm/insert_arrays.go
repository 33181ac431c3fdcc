package orm

import (
	"reflect"
	"strconv"
	"unsafe"

	"github.com/flagon-go/flagon/orm/dialect"
)

// arrayBatch is the most rows one array-bound INSERT sends; with one
// parameter per column there is no parameter limit, only memory.
const arrayBatch = 5000

// arrayCasts returns the array type of each inserted column when the
// dialect binds columns as arrays (PostgreSQL), or nil.
func arrayCasts(d dialect.Dialect, cols []*Column) []string {
	ab, ok := d.(dialect.ArrayBinder)
	if !ok || len(cols) == 0 {
		return nil
	}
	casts := make([]string, len(cols))
	for i, c := range cols {
		s, err := ab.ArrayCast(c.Type)
		if err != nil {
			return nil // a type without an array form: use VALUES rows
		}
		casts[i] = s
	}
	return casts
}

// usesArrays reports whether an insert of rows rows binds arrays: only
// multi-row inserts do, since one row gains nothing from unnest.
func (p insertPlan) usesArrays(rows int) bool { return rows > 1 && p.casts != nil }

// renderUnnestRows writes
//
//	INSERT INTO t (a, b) SELECT p0, p1 FROM unnest($1::t0[], $2::t1[])
//	WITH ORDINALITY AS imp_sen(p0, p1, sen) ORDER BY sen
//
// binding the column arrays in args, or writing placeholders only when
// args is nil. The ordinality makes the rows go in, and RETURNING rows
// come back, in the order of the arrays (SQLAlchemy's insertmanyvalues
// does the same with a sentinel counter).
func renderUnnestRows(b *Builder, t *Table, p insertPlan, args []any) {
	b.WriteString("INSERT INTO ")
	b.Ident(t.Name)
	b.WriteString(" (")
	identList(b, p.cols)
	b.WriteString(") SELECT ")
	aliasList(b, len(p.cols))
	b.WriteString(" FROM unnest(")
	for i, cast := range p.casts {
		if i > 0 {
			b.WriteString(", ")
		}
		if args == nil {
			b.WriteString(b.d.Placeholder(i + 1))
		} else {
			b.bind(args[i])
		}
		b.WriteString("::")
		b.WriteString(cast)
	}
	b.WriteString(") WITH ORDINALITY AS imp_sen(")
	aliasList(b, len(p.cols))
	b.WriteString(", sen) ORDER BY sen")
}

// aliasList writes p0, p1, ... for n columns.
func aliasList(b *Builder, n int) {
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("p")
		b.WriteString(strconv.Itoa(i))
	}
}

// arrayArgs returns one array per inserted column of rows. Columns of the
// basic Go types become typed slices ([]int64, []string, ...), which the
// driver encodes without boxing each value; the others []any of the
// values a single-row insert would bind.
func arrayArgs(q Querier, t *Table, p insertPlan, rows []reflect.Value) ([]any, error) {
	args := make([]any, len(p.cols))
	for j, c := range p.cols {
		a, err := columnArray(q, c, rows)
		if err != nil {
			return nil, &ColumnError{"insert", t.Name, c.Name, err}
		}
		args[j] = a
	}
	return args, nil
}

// columnArray collects column c of every row.
func columnArray(q Querier, c *Column, rows []reflect.Value) (any, error) {
	ab := q.Dialect().(dialect.ArrayBinder)
	if a := basicArray(c, rows); a != nil {
		if ints, ok := a.([]int64); ok {
			if err := checkInts(q.Dialect(), c, ints); err != nil {
				return nil, err
			}
		}
		return ab.ArrayValue(c.Type.Kind, a), nil
	}
	out := make([]any, len(rows))
	for i, v := range rows {
		arg, err := fieldArg(q, c, v)
		if err != nil {
			return nil, err
		}
		out[i] = arg
	}
	return ab.ArrayValue(c.Type.Kind, out), nil
}

// basicArray returns a typed slice for a column whose field has a
// predeclared basic type (which no dialect converts), or nil.
func basicArray(c *Column, rows []reflect.Value) any {
	ft := fieldByIndex(rows[0], c.index).Type()
	if ft.PkgPath() != "" || !rows[0].CanAddr() {
		return nil
	}
	switch ft.Kind() {
	case reflect.Int:
		return collect(c, rows, func(p unsafe.Pointer) int64 { return int64(*(*int)(p)) })
	case reflect.Int64:
		return collect(c, rows, func(p unsafe.Pointer) int64 { return *(*int64)(p) })
	case reflect.Int32:
		return collect(c, rows, func(p unsafe.Pointer) int64 { return int64(*(*int32)(p)) })
	case reflect.Int16:
		return collect(c, rows, func(p unsafe.Pointer) int64 { return int64(*(*int16)(p)) })
	case reflect.Int8:
		return collect(c, rows, func(p unsafe.Pointer) int64 { return int64(*(*int8)(p)) })
	case reflect.String:
		return collect(c, rows, func(p unsafe.Pointer) string { return *(*string)(p) })
	case reflect.Bool:
		return collect(c, rows, func(p unsafe.Pointer) bool { return *(*bool)(p) })
	case reflect.Float64:
		return collect(c, rows, func(p unsafe.Pointer) float64 { return *(*float64)(p) })
	}
	return nil
}

// collect reads column c of every row with get, given the field's address:
// the model struct's address plus the column's fixed offset (embedded
// structs are values), which spares reflection per row.
func collect[E any](c *Column, rows []reflect.Value, get func(unsafe.Pointer) E) []E {
	out := make([]E, len(rows))
	for i, v := range rows {
		out[i] = get(unsafe.Add(v.Addr().UnsafePointer(), c.offset))
	}
	return out
}
