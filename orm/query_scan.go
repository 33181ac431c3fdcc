package orm

import (
	"database/sql"
	"fmt"
	"reflect"
	"unsafe"
)

// scanner fills new *T values from rows whose columns are cols.
type scanner[T any] struct {
	table *Table // whose relationship fields start unloaded
	cols  []*Column
	dest  []any
	alloc objChunk[T]
}

// newScanner maps result columns to the table's columns by name; a result
// column the model lacks is an error naming it.
func newScanner[T any](t *Table, names []string) (*scanner[T], error) {
	s := &scanner[T]{table: t, cols: make([]*Column, len(names)), dest: make([]any, len(names))}
	for i, n := range names {
		c := t.Column(n)
		if c == nil {
			c = t.computedColumn(n)
		}
		if c == nil || c.codec == nil {
			return nil, fmt.Errorf("orm: result column %q has no field in %s", n, t.model)
		}
		s.cols[i] = c
	}
	return s, nil
}

// scan reads the current row into a new *T, each column at its field's
// fixed offset in the struct; its relationships are unloaded.
func (s *scanner[T]) scan(rows *sql.Rows) (*T, error) {
	obj := s.alloc.next()
	base := unsafe.Pointer(obj)
	markUnloaded(s.table, base)
	for i, c := range s.cols {
		s.dest[i] = c.codec.destAt(unsafe.Add(base, c.offset))
	}
	if err := rows.Scan(s.dest...); err != nil {
		return nil, fmt.Errorf("orm: scan %s: %w", reflect.TypeFor[T](), err)
	}
	return obj, nil
}

// fieldByIndex returns the field at index, allocating nil embedded
// pointers on the way.
func fieldByIndex(v reflect.Value, index []int) reflect.Value {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v
}

// readAll scans every row, closing rows; max > 0 stops after max rows.
func readAll[T any](q Querier, t *Table, rows *sql.Rows, max int) ([]*T, error) {
	names, err := rows.Columns()
	if err != nil {
		rows.Close()
		return nil, err
	}
	s, err := newScanner[T](t, names)
	if err != nil {
		rows.Close()
		return nil, err
	}
	return readRows(q, s, rows, max, 0)
}

// readRows scans every row with s, closing rows; max > 0 stops after max
// rows and sizeHint presizes the result.
func readRows[T any](q Querier, s *scanner[T], rows *sql.Rows, max, sizeHint int) ([]*T, error) {
	defer rows.Close()
	var out []*T
	if sizeHint > 0 {
		out = make([]*T, 0, min(sizeHint, 1024))
	}
	for rows.Next() {
		obj, err := s.scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, obj)
		if max > 0 && len(out) >= max {
			break
		}
	}
	return out, translate(q.Dialect(), rows.Err())
}
