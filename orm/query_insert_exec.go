package orm

import (
	"context"
	"reflect"
)

// upsertPlan is the plan of rows like v with the upsert's rules: DO NOTHING
// reads nothing back (a skipped row returns no RETURNING row), and a MySQL
// upsert with a generated key goes one row per statement.
func (iq *InsertQuery[T]) upsertPlan(v reflect.Value) insertPlan {
	p := planFor(iq.q.Dialect(), iq.table, v)
	p.useReturn = p.useReturn && !iq.doNothing
	if iq.lastIDUpsert(p) {
		p.batch = 1 // MySQL reports one key per upsert statement
	}
	return p
}

// upsertValues runs the upsert in batches of rows with one column list.
func (iq *InsertQuery[T]) upsertValues(ctx context.Context, vals []reflect.Value) error {
	for _, g := range groupBySignature(iq.table, vals) {
		p := iq.upsertPlan(g[0])
		for start := 0; start < len(g); start += p.batch {
			if err := iq.upsertBatch(ctx, p, g[start:min(start+p.batch, len(g))]); err != nil {
				return err
			}
		}
	}
	return nil
}

// upsertBatch runs one upsert statement and writes generated values back.
func (iq *InsertQuery[T]) upsertBatch(ctx context.Context, p insertPlan, rows []reflect.Value) error {
	b := NewBuilder(iq.q.Dialect())
	if err := iq.renderUpsert(b, p, rows); err != nil {
		return err
	}
	if p.useReturn {
		rs, err := iq.q.QueryContext(ctx, b.String(), b.Args()...)
		if err != nil {
			return err
		}
		return readGenerated(iq.q, iq.table, p, rs, rows)
	}
	res, err := iq.q.ExecContext(ctx, b.String(), b.Args()...)
	if err != nil || !iq.lastIDUpsert(p) {
		return err
	}
	return lastInsertIDs(ctx, iq.q, iq.table, p, res, rows)
}

// renderUpsert writes the insert of rows with bound values, its conflict
// clause and RETURNING.
func (iq *InsertQuery[T]) renderUpsert(b *Builder, p insertPlan, rows []reflect.Value) error {
	args, err := insertArgs(iq.q, iq.table, p, rows)
	if err != nil {
		return err
	}
	renderInsertRows(b, iq.table, p, len(rows), args)
	iq.renderConflict(b, p)
	renderReturning(b, p)
	return b.Err()
}

// autoColumn returns the autoincrement column among cols, or nil.
func autoColumn(cols []*Column) *Column {
	for _, c := range cols {
		if c.Autoincrement {
			return c
		}
	}
	return nil
}

// setInt stores n in an integer (or pointer to integer) field.
func setInt(f reflect.Value, n int64) {
	if f.Kind() == reflect.Pointer {
		f.Set(reflect.New(f.Type().Elem()))
		f = f.Elem()
	}
	if f.CanInt() {
		f.SetInt(n)
	} else if f.CanUint() {
		f.SetUint(uint64(n))
	}
}

// valuesOf returns the structs objs point to.
func valuesOf[T any](objs []*T) []reflect.Value {
	rows := make([]reflect.Value, len(objs))
	for i, o := range objs {
		rows[i] = reflect.ValueOf(o).Elem()
	}
	return rows
}
