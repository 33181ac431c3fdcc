package orm

import (
	"context"
	"fmt"
	"reflect"
)

// insertAll inserts pending objects table by table in dependency order;
// rows of a self-referencing table go in layers, parents first.
func (u *unitOfWork) insertAll(ctx context.Context) error {
	var pending []*objState
	for _, st := range u.s.pending {
		if st.status == statusPending {
			pending = append(pending, st)
		}
	}
	if len(pending) == 0 {
		return nil
	}
	order, err := tableOrder(tablesOf(pending, u.s.deleted))
	if err != nil {
		return err
	}
	return u.insertGroups(ctx, groupByTable(order, pending))
}

// insertTable inserts the pending rows of one table.
func (u *unitOfWork) insertTable(ctx context.Context, rows []*objState) error {
	if len(rows) == 0 {
		return nil
	}
	groups := [][]*objState{rows}
	if hasSelfReference(rows[0].table) {
		var err error
		if groups, err = layers(rows, u.rowDependsOn); err != nil {
			return err
		}
	}
	for _, g := range groups {
		if err := u.insertRows(ctx, g); err != nil {
			return err
		}
	}
	return nil
}

// insertRows prepares, inserts and registers rows of one table.
func (u *unitOfWork) insertRows(ctx context.Context, rows []*objState) error {
	t := rows[0].table
	vals := make([]reflect.Value, len(rows))
	for i, st := range rows {
		u.syncKeys(st, false)
		if err := prepareInsert(ctx, st); err != nil {
			return err
		}
		vals[i] = st.val()
	}
	if err := insertValues(ctx, u.q, t, vals); err != nil {
		return err
	}
	for _, st := range rows {
		if err := u.afterInsert(ctx, st); err != nil {
			return err
		}
	}
	return nil
}

// prepareInsert runs BeforeInsert, client defaults and the version start.
func prepareInsert(ctx context.Context, st *objState) error {
	if err := callHook(ctx, st.obj, BeforeInserter.BeforeInsert); err != nil {
		return err
	}
	for _, c := range st.table.Columns {
		if err := applyDefault(st.table, c, st.val()); err != nil {
			return err
		}
	}
	if vc := st.table.version; vc != nil && isZeroField(vc, st.val()) {
		setInt(fieldByIndex(st.val(), vc.index), 1)
	}
	return nil
}

// afterInsert makes an inserted row persistent and calls AfterInsert.
// When the flush is Commit's and the identity map is emptied right after
// (DetachOnCommit, no hook that could look at the session in between), the
// row is not entered in the identity map nor snapshotted: nothing would
// read either.
func (u *unitOfWork) afterInsert(ctx context.Context, st *objState) error {
	k, ok := rowKey(st.table, st.val())
	if !ok {
		return fmt.Errorf("orm: inserted %s row has no primary key value", st.table.Name)
	}
	st.key, st.hasKey, st.status = k, true, statusPersistent
	st.inserted = true
	st.insertGen = u.gen
	if !u.discardAfterCommit(st) {
		u.s.identity.put(k, st)
		u.s.markFlushed(st)
	}
	u.changes = append(u.changes, Change{Object: st.obj, Op: OpInsert})
	return callHook(ctx, st.obj, AfterInserter.AfterInsert)
}

// discardAfterCommit reports whether st's state is dropped right after
// this flush: Commit's flush, DetachOnCommit, no flush or commit hooks, no
// post_update to run.
func (u *unitOfWork) discardAfterCommit(st *objState) bool {
	s := u.s
	return s.committing && s.opts.detachOnCommit && len(s.hooks.afterFlush) == 0 &&
		len(s.hooks.beforeCommit) == 0 && !u.needsPostUpdate(st)
}
