package orm

import (
	"context"
	"fmt"
	"reflect"
)

// Save updates every non-key column of obj's row, found by primary key,
// calling BeforeUpdate/AfterUpdate hooks and applying onupdate values. It
// returns ErrNoRows if no row has the key.
func Save[T any](ctx context.Context, q Querier, obj *T) error {
	t, err := keyedTable[T]()
	if err != nil {
		return err
	}
	if err := callHook(ctx, any(obj), BeforeUpdater.BeforeUpdate); err != nil {
		return err
	}
	v := reflect.ValueOf(obj).Elem()
	if err := applyOnUpdate(t, v, nil); err != nil {
		return err
	}
	n, err := saveRow[T](ctx, q, t, v)
	if err == nil && n == 0 {
		err = ErrNoRows
	}
	if err != nil {
		return err
	}
	return callHook(ctx, any(obj), AfterUpdater.AfterUpdate)
}

// saveRow runs UPDATE t SET every non-key column WHERE key, whose text
// depends only on the table and dialect and is cached.
func saveRow[T any](ctx context.Context, q Querier, t *Table, v reflect.Value) (int64, error) {
	query, err := cachedSQL(t, q.Dialect(), "save", func(b *Builder) {
		u := Update[T](q)
		for _, c := range t.Columns {
			if !c.PrimaryKey {
				u.sets = append(u.sets, pair{c.Name, bound{}})
			}
		}
		u.Where(pkConds(q, t, v)...)
		query, _, err := u.SQL()
		b.WriteString(query)
		b.SetErr(err)
	})
	if err != nil {
		return 0, err
	}
	args := make([]any, 0, len(t.Columns))
	for _, c := range t.Columns {
		if !c.PrimaryKey {
			arg, err := fieldArg(q, c, v)
			if err != nil {
				return 0, err
			}
			args = append(args, arg)
		}
	}
	for _, c := range t.pk {
		arg, _ := fieldArg(q, c, v)
		args = append(args, arg)
	}
	args = append(args, inheritArgs(t)...) // a single-table subtype's criterion
	return rowsAffected(q.ExecContext(ctx, query, args...))
}

// DeleteObject deletes obj's row by primary key, calling BeforeDelete and
// AfterDelete hooks. It returns ErrNoRows if no row has the key.
func DeleteObject[T any](ctx context.Context, q Querier, obj *T) error {
	t, err := keyedTable[T]()
	if err != nil {
		return err
	}
	if err := callHook(ctx, any(obj), BeforeDeleter.BeforeDelete); err != nil {
		return err
	}
	n, err := Delete[T](q).Where(pkConds(q, t, reflect.ValueOf(obj).Elem())...).Exec(ctx)
	if err == nil && n == 0 {
		err = ErrNoRows
	}
	if err != nil {
		return err
	}
	return callHook(ctx, any(obj), AfterDeleter.AfterDelete)
}

// keyedTable returns T's table, which must have a primary key.
func keyedTable[T any]() (*Table, error) {
	t, err := tableOf[T]()
	if err == nil && len(t.PrimaryKey) == 0 {
		err = fmt.Errorf("orm: table %s has no primary key", t.Name)
	}
	return t, err
}

// pkConds returns key = value conditions for the row v.
func pkConds(q Querier, t *Table, v reflect.Value) []Expr {
	vals := pkValues(q, t, v)
	conds := make([]Expr, len(vals))
	for i, c := range t.pkColumns() {
		conds[i] = C(c.Name).Eq(bound{vals[i]})
	}
	return conds
}

// bound is an already converted driver value, bound without conversion.
type bound struct{ v any }

// AppendSQL binds the value.
func (x bound) AppendSQL(b *Builder) { b.bind(x.v) }
