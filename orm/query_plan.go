package orm

import (
	"sync"

	"github.com/flagon-go/flagon/orm/dialect"
)

// planKey names a statement fragment cached per table and dialect.
type planKey struct {
	table   *Table
	dialect string
	kind    string
}

// plans caches SQL text that depends only on a table and a dialect: the
// model's select list and the Get statement.
var plans sync.Map // planKey -> string

// cachedSQL returns the text render writes for (t, d, kind), rendering
// it once; a render that fails is not cached.
func cachedSQL(t *Table, d dialect.Dialect, kind string, render func(b *Builder)) (string, error) {
	k := planKey{t, d.Name(), kind}
	if s, ok := plans.Load(k); ok {
		return s.(string), nil
	}
	rb := NewBuilder(d)
	render(rb)
	if err := rb.Err(); err != nil {
		return "", err
	}
	s := rb.String()
	plans.Store(k, s)
	return s, nil
}

// scanColumns caches, per table, its columns when every one has a codec:
// the result columns of the model's select list, so that a scan needs no
// name lookup. Tables with a codec-less column map by name instead.
var scanColumns sync.Map // *Table -> []*Column (nil: map by name)

// modelScanColumns returns the cached scan columns of t, or nil.
func modelScanColumns(t *Table) []*Column {
	if cols, ok := scanColumns.Load(t); ok {
		return cols.([]*Column)
	}
	cols := t.Columns
	if len(t.computed) > 0 { // the select list ends with the computed fields
		cols = append(append([]*Column(nil), t.Columns...), t.computed...)
	}
	for _, c := range cols {
		if c.codec == nil {
			cols = nil
			break
		}
	}
	scanColumns.Store(t, cols)
	return cols
}

// modelScanner returns a scanner for rows of the model's select list.
func modelScanner[T any](t *Table) *scanner[T] {
	cols := modelScanColumns(t)
	if cols == nil {
		return nil
	}
	return &scanner[T]{table: t, cols: cols, dest: make([]any, len(cols))}
}
