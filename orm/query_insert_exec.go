package orm

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
)

// execBatch inserts one batch of rows and writes generated values back.
func (iq *InsertQuery[T]) execBatch(ctx context.Context, p insertPlan, objs []*T) error {
	query, args, err := iq.statement(p, objs)
	if err != nil {
		return err
	}
	if handled, err := readReturningRaw(ctx, iq.q, iq.table, p, query, args, valuesOf(objs)); handled {
		return err
	}
	if p.useReturn {
		rows, err := iq.q.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		return iq.readReturning(rows, p, objs)
	}
	res, err := iq.q.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	return iq.writeBackLastID(ctx, res, p, objs)
}

// statement returns the batch's SQL and arguments; a plain insert's text
// is cached and only its values are bound.
func (iq *InsertQuery[T]) statement(p insertPlan, objs []*T) (string, []any, error) {
	if iq.upsert() {
		b := NewBuilder(iq.q.Dialect())
		err := iq.render(b, p, objs)
		return b.String(), b.Args(), err
	}
	args, err := iq.args(p, objs)
	if err != nil {
		return "", nil, err
	}
	return insertSQL(iq.q.Dialect(), iq.table, p, len(objs)), args, nil
}

// args returns the bound values of objs, row by row, or one array per
// column when the insert binds arrays.
func (iq *InsertQuery[T]) args(p insertPlan, objs []*T) ([]any, error) {
	if p.usesArrays(len(objs)) {
		return arrayArgs(iq.q, iq.table, p, valuesOf(objs))
	}
	args := make([]any, 0, len(objs)*len(p.cols))
	for _, o := range objs {
		v := reflect.ValueOf(o).Elem()
		for _, c := range p.cols {
			arg, err := fieldArg(iq.q, c, v)
			if err != nil {
				return nil, fmt.Errorf("orm: insert %s.%s: %w", iq.table.Name, c.Name, err)
			}
			args = append(args, arg)
		}
	}
	return args, nil
}

// render writes INSERT INTO t (cols) VALUES (...), ... [upsert] [RETURNING].
func (iq *InsertQuery[T]) render(b *Builder, p insertPlan, objs []*T) error {
	if p.usesArrays(len(objs)) {
		args, err := iq.args(p, objs)
		if err != nil {
			return err
		}
		renderUnnestRows(b, iq.table, p, args)
	} else if err := iq.renderValues(b, p, objs); err != nil {
		return err
	}
	iq.renderConflict(b, p)
	renderReturning(b, p)
	return b.Err()
}

// renderValues writes INSERT INTO t (cols) VALUES (...), ... with bound
// values.
func (iq *InsertQuery[T]) renderValues(b *Builder, p insertPlan, objs []*T) error {
	b.WriteString("INSERT INTO ")
	b.Ident(iq.table.Name)
	b.WriteString(" (")
	identList(b, p.cols)
	b.WriteString(") VALUES ")
	for i, o := range objs {
		if i > 0 {
			b.WriteString(", ")
		}
		if err := iq.renderRow(b, p, o); err != nil {
			return err
		}
	}
	return nil
}

// renderRow writes one parenthesised row of bound values.
func (iq *InsertQuery[T]) renderRow(b *Builder, p insertPlan, o *T) error {
	v := reflect.ValueOf(o).Elem()
	b.WriteString("(")
	for j, c := range p.cols {
		if j > 0 {
			b.WriteString(", ")
		}
		arg, err := fieldArg(iq.q, c, v)
		if err != nil {
			return fmt.Errorf("orm: insert %s.%s: %w", iq.table.Name, c.Name, err)
		}
		b.bind(arg)
	}
	b.WriteString(")")
	return nil
}

// readReturning scans RETURNING rows into the objects in order.
func (iq *InsertQuery[T]) readReturning(rows *sql.Rows, p insertPlan, objs []*T) error {
	defer rows.Close()
	dest := make([]any, len(p.returning))
	for i := 0; rows.Next(); i++ {
		if i >= len(objs) {
			return fmt.Errorf("orm: insert into %s returned more rows than it sent", iq.table.Name)
		}
		v := reflect.ValueOf(objs[i]).Elem()
		for j, c := range p.returning {
			dest[j] = c.codec.scanDest(fieldByIndex(v, c.index))
		}
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("orm: read generated values of %s: %w", iq.table.Name, err)
		}
	}
	return translate(iq.q.Dialect(), rows.Err())
}

// writeBackLastID sets the autoincrement key from LastInsertId (MySQL
// reports the first id of a multi-row insert; ids are consecutive) and
// re-reads server defaults by key.
func (iq *InsertQuery[T]) writeBackLastID(ctx context.Context, res sql.Result, p insertPlan, objs []*T) error {
	if len(p.returning) == 0 || iq.upsert() && !iq.lastIDUpsert(p) {
		return nil
	}
	if auto := autoColumn(p.returning); auto != nil {
		first, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("orm: generated key of %s: %w", iq.table.Name, err)
		}
		for i, o := range objs {
			setInt(fieldByIndex(reflect.ValueOf(o).Elem(), auto.index), first+int64(i))
		}
	}
	return iq.refetch(ctx, p, objs)
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
