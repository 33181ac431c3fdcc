package orm

import (
	"context"
	"fmt"
	"slices"
)

// deleteAll deletes marked objects, child tables first; rows of a
// self-referencing table go children first.
func (u *unitOfWork) deleteAll(ctx context.Context) error {
	var rows []*objState
	for _, st := range u.s.deleted {
		if !st.flushed {
			rows = append(rows, st)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	order, err := tableOrder(tablesOf(rows))
	if err != nil {
		return err
	}
	slices.Reverse(order)
	for _, group := range groupByTable(order, rows) {
		if err := u.deleteTable(ctx, group); err != nil {
			return err
		}
	}
	return nil
}

// deleteTable deletes one table's rows, in layers when they reference
// each other.
func (u *unitOfWork) deleteTable(ctx context.Context, rows []*objState) error {
	if len(rows) == 0 {
		return nil
	}
	groups := [][]*objState{rows}
	if hasSelfReference(rows[0].table) {
		var err error
		// a row is deleted before the rows it references
		if groups, err = layers(rows, func(a, b *objState) bool { return u.rowDependsOn(b, a) }); err != nil {
			return err
		}
	}
	for _, g := range groups {
		if err := u.deleteRows(ctx, g); err != nil {
			return err
		}
	}
	return nil
}

// deleteRows deletes rows of one table: with one DELETE ... WHERE key IN
// (...) per 500 rows for a single-column key without version, else one
// statement per row.
func (u *unitOfWork) deleteRows(ctx context.Context, rows []*objState) error {
	t := rows[0].table
	if len(t.PrimaryKey) != 1 || t.version != nil || len(rows) == 1 || joinedParts(t) != nil {
		for _, st := range rows {
			if err := u.deleteRow(ctx, st); err != nil {
				return err
			}
		}
		return nil
	}
	for start := 0; start < len(rows); start += selectInBatch {
		if err := u.deleteBatch(ctx, rows[start:min(start+selectInBatch, len(rows))]); err != nil {
			return err
		}
	}
	return nil
}

// deleteBatch deletes rows by key with one statement.
func (u *unitOfWork) deleteBatch(ctx context.Context, rows []*objState) error {
	for _, st := range rows {
		if err := callHook(ctx, st.obj, BeforeDeleter.BeforeDelete); err != nil {
			return err
		}
	}
	t, pk := rows[0].table, rows[0].table.pk[0]
	keys := make([]any, len(rows))
	for i, st := range rows {
		keys[i], _ = bindArg(u.q.Dialect(), pk.Type.Kind, loadedArg(st, pk))
		keys[i] = bound{keys[i]}
	}
	b := NewBuilder(u.q.Dialect())
	b.WriteString("DELETE FROM ")
	b.Ident(t.Name)
	writeWhere(b, []Expr{C(pk.Name).In(keys...)})
	n, err := rowsAffected(u.q.ExecContext(ctx, b.String(), b.Args()...))
	if err == nil && n != int64(len(rows)) {
		err = &StaleDataError{Table: t.Name, Op: "DELETE", Key: []any{fmt.Sprintf("%d of %d rows", len(rows)-int(n), len(rows))}}
	}
	if err != nil {
		return err
	}
	for _, st := range rows {
		if err := u.afterDelete(ctx, st); err != nil {
			return err
		}
	}
	return nil
}

// deleteRow runs hooks and the DELETE of one object.
func (u *unitOfWork) deleteRow(ctx context.Context, st *objState) error {
	if err := callHook(ctx, st.obj, BeforeDeleter.BeforeDelete); err != nil {
		return err
	}
	for _, t := range deleteTables(st.table) {
		b := NewBuilder(u.q.Dialect())
		b.WriteString("DELETE FROM ")
		b.Ident(t.Name)
		writeWhere(b, u.keyConds(st, t))
		n, err := rowsAffected(u.q.ExecContext(ctx, b.String(), b.Args()...))
		if err == nil && n == 0 {
			err = &StaleDataError{Table: t.Name, Op: "DELETE", Key: loadedKey(st)}
		}
		if err != nil {
			return err
		}
	}
	return u.afterDelete(ctx, st)
}

// afterDelete records a deleted row and calls AfterDelete.
func (u *unitOfWork) afterDelete(ctx context.Context, st *objState) error {
	st.flushed = true
	if st.hasKey {
		u.s.identity.del(st.key, st)
	}
	u.changes = append(u.changes, Change{Object: st.obj, Op: OpDelete})
	return callHook(ctx, st.obj, AfterDeleter.AfterDelete)
}
