package orm

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"

	"github.com/flagon-go/flagon/orm/dialect"
)

// insertValues inserts struct values of table t with multi-row VALUES,
// grouping rows by which generated columns they leave unset (omittedOnInsert), and writes
// generated values back.
func insertValues(ctx context.Context, q Querier, t *Table, vals []reflect.Value) error {
	if parts := joinedParts(t); parts != nil { // joined inheritance: root table first
		return insertParts(ctx, q, parts, vals)
	}
	for _, g := range groupBySignature(t, vals) {
		p := planInsert(q, t, g[0])
		for start := 0; start < len(g); start += p.batch {
			if err := insertBatch(ctx, q, t, p, g[start:min(start+p.batch, len(g))]); err != nil {
				return err
			}
		}
	}
	return nil
}

// signature marks which generated columns v leaves unset: a bit per
// generated column, or text for tables with more than 63 of them.
type signature struct {
	bits uint64
	text string
}

// generatedSignature computes v's signature.
func generatedSignature(t *Table, v reflect.Value) signature {
	var sig signature
	n := 0
	for _, c := range t.Columns {
		if !generated(c) {
			continue
		}
		omit := omittedOnInsert(c, v)
		switch {
		case n < 63 && omit:
			sig.bits |= 1 << n
		case n >= 63 && omit:
			sig.text += "1"
		case n >= 63:
			sig.text += "0"
		}
		n++
	}
	return sig
}

// planInsert is the plan of a plain insert of rows like v.
func planInsert(q Querier, t *Table, v reflect.Value) insertPlan {
	p := planFor(q.Dialect(), t, v)
	p.useReturn = p.useReturn && !rowidKeys(q, p)
	return p
}

// planFor returns the cached plan of rows like v: the inserted columns
// (generated ones the row leaves unset are omitted and read back), the array
// casts and the batch size.
func planFor(d dialect.Dialect, t *Table, v reflect.Value) insertPlan {
	omit, ok := omittedMask(t, v)
	k := insertPlanKey{t, d.Name(), omit}
	if ok {
		if p, hit := insertPlans.Load(k); hit {
			return p.(insertPlan)
		}
	}
	p := newInsertPlan(d, t, v)
	if ok {
		insertPlans.Store(k, p)
	}
	return p
}

// newInsertPlan computes planFor's plan.
func newInsertPlan(d dialect.Dialect, t *Table, v reflect.Value) insertPlan {
	var p insertPlan
	for _, c := range t.Columns {
		if omittedOnInsert(c, v) {
			p.returning = append(p.returning, c)
			continue
		}
		p.cols = append(p.cols, c)
	}
	p.useReturn = len(p.returning) > 0 && d.Features().Has(dialect.Returning)
	p.batch = max(1, min(1000, 30000/max(1, len(p.cols))))
	if len(p.cols) == 0 && d.Name() != "mysql" {
		p.batch = 1 // DEFAULT VALUES inserts one row per statement
	}
	if p.casts = arrayCasts(d, p.cols); p.casts != nil {
		p.batch = arrayBatch
	}
	return p
}

// rowidKeys reports an insert whose only generated column is SQLite's
// rowid key: one INSERT gives its rows consecutive rowids (max+1 each,
// under the transaction's write lock), so last_insert_rowid() yields every
// key and the slower RETURNING is not needed.
func rowidKeys(q Querier, p insertPlan) bool {
	return q.Dialect().Name() == "sqlite" && len(p.returning) == 1 && p.returning[0].Autoincrement
}

// insertBatch renders and runs one INSERT and reads generated values.
func insertBatch(ctx context.Context, q Querier, t *Table, p insertPlan, rows []reflect.Value) error {
	args, err := insertArgs(q, t, p, rows)
	if err != nil {
		return err
	}
	query := insertSQL(q.Dialect(), t, p, len(rows))
	if handled, err := readReturningRaw(ctx, q, t, p, query, args, rows); handled {
		return err
	}
	if p.useReturn {
		rs, err := q.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		return readGenerated(q, t, p, rs, rows)
	}
	res, err := q.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	return lastInsertIDs(ctx, q, t, p, res, rows)
}

// insertArgs returns the bound values of rows, row by row, or one array
// per column when the insert binds arrays.
func insertArgs(q Querier, t *Table, p insertPlan, rows []reflect.Value) ([]any, error) {
	if p.usesArrays(len(rows)) {
		return arrayArgs(q, t, p, rows)
	}
	args := make([]any, 0, len(rows)*len(p.cols))
	for _, v := range rows {
		for _, c := range p.cols {
			arg, err := fastArg(q, c, v)
			if err != nil {
				return nil, &ColumnError{"insert", t.Name, c.Name, err}
			}
			args = append(args, arg)
		}
	}
	return args, nil
}

// readGenerated scans RETURNING rows into the rows in order.
func readGenerated(q Querier, t *Table, p insertPlan, rs *sql.Rows, rows []reflect.Value) error {
	defer rs.Close()
	fill := generatedFiller(t, p, rows, scanDestOf)
	for rs.Next() {
		if err := fill(rs.Scan); err != nil {
			return err
		}
	}
	return translate(q.Dialect(), rs.Err())
}

// lastInsertIDs writes MySQL's consecutive generated keys back and
// re-reads server defaults by key.
func lastInsertIDs(ctx context.Context, q Querier, t *Table, p insertPlan, res sql.Result, rows []reflect.Value) error {
	auto := autoColumn(p.returning)
	if auto != nil {
		first, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("orm: generated key of %s: %w", t.Name, err)
		}
		if q.Dialect().Name() == "sqlite" {
			first -= int64(len(rows) - 1) // SQLite reports the last row's key, MySQL the first's
		}
		for i, v := range rows {
			setInt(fieldByIndex(v, auto.index), first+int64(i))
		}
	}
	if len(p.returning) > 1 || (len(p.returning) == 1 && auto == nil) {
		return refetchDefaults(ctx, q, t, p, rows)
	}
	return nil
}

// refetchDefaults reads server-generated columns of rows by key.
func refetchDefaults(ctx context.Context, q Querier, t *Table, p insertPlan, rows []reflect.Value) error {
	for _, v := range rows {
		b := NewBuilder(q.Dialect())
		b.WriteString("SELECT ")
		for i, c := range p.returning {
			if i > 0 {
				b.WriteString(", ")
			}
			b.Ident(c.Name)
		}
		b.WriteString(" FROM ")
		b.Ident(t.Name)
		writeWhere(b, pkConds(q, t, v))
		rs, err := q.QueryContext(ctx, b.String(), b.Args()...)
		if err != nil {
			return err
		}
		if err := readGenerated(q, t, p, rs, []reflect.Value{v}); err != nil {
			return err
		}
	}
	return nil
}

// fastArg is fieldArg without reflection's boxing for fields of the
// predeclared basic types, which no dialect converts.
func fastArg(q Querier, c *Column, v reflect.Value) (any, error) {
	f := fieldByIndex(v, c.index)
	if f.Type().PkgPath() == "" {
		switch f.Kind() {
		case reflect.Int, reflect.Int64, reflect.Int32, reflect.Int16, reflect.Int8:
			return intArg(q, c, f.Int())
		case reflect.String:
			return f.String(), nil
		case reflect.Bool:
			return f.Bool(), nil
		case reflect.Float64:
			return f.Float(), nil
		}
	}
	return fieldArg(q, c, v)
}

// groupBySignature splits rows by generatedSignature, keeping order; the
// common case of one signature costs no copies.
func groupBySignature(t *Table, vals []reflect.Value) [][]reflect.Value {
	first := generatedSignature(t, vals[0])
	same := true
	for _, v := range vals[1:] {
		if generatedSignature(t, v) != first {
			same = false
			break
		}
	}
	if same {
		return [][]reflect.Value{vals}
	}
	var keys []signature
	groups := map[signature][]reflect.Value{}
	for _, v := range vals {
		k := generatedSignature(t, v)
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], v)
	}
	out := make([][]reflect.Value, len(keys))
	for i, k := range keys {
		out[i] = groups[k]
	}
	return out
}
