package orm

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
)

// ErrStaleData matches a *StaleDataError.
var ErrStaleData = errors.New("orm: stale data")

// A StaleDataError reports an UPDATE or DELETE by primary key (and
// version, for models with a version column) that matched no row: another
// transaction changed or deleted the row since it was loaded.
type StaleDataError struct {
	// Table is the table written to.
	Table string
	// Op is "UPDATE" or "DELETE".
	Op string
	// Key is the row's primary key as loaded.
	Key []any
}

// Error describes the stale row.
func (e *StaleDataError) Error() string {
	return fmt.Sprintf("orm: %s of %s row %v matched no row: it was changed or deleted concurrently", e.Op, e.Table, e.Key)
}

// Unwrap makes errors.Is(err, ErrStaleData) true.
func (e *StaleDataError) Unwrap() error { return ErrStaleData }

// updateAll syncs foreign keys (including post_update ones) and writes
// the changed columns of every persistent object.
func (u *unitOfWork) updateAll(ctx context.Context) error {
	u.applyOrphans()
	if err := u.unlinkPostUpdates(ctx); err != nil {
		return err
	}
	var dirty []*objState
	for _, st := range u.s.byObj {
		if st.status != statusPersistent || (u.insertedNow(st) && !u.needsPostUpdate(st)) {
			continue
		}
		u.syncKeys(st, true)
		if st.isDirty() {
			dirty = append(dirty, st)
		}
	}
	sortStates(dirty)
	for _, st := range dirty {
		if err := u.updateRow(ctx, st); err != nil {
			return err
		}
	}
	return nil
}

// sortStates orders states by table, then key, so statements are
// deterministic.
func sortStates(list []*objState) {
	order, err := tableOrder(tablesOf(list))
	rank := map[*Table]int{}
	for i, t := range order {
		rank[t] = i
	}
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.table != b.table {
			if err != nil {
				return a.table.Name < b.table.Name
			}
			return rank[a.table] < rank[b.table]
		}
		return a.key.less(b.key)
	})
}

// updateRow runs hooks and the UPDATE of one object's changed columns.
func (u *unitOfWork) updateRow(ctx context.Context, st *objState) error {
	post := u.insertedNow(st) // a post_update of a row inserted by this flush
	if !post {
		if err := callHook(ctx, st.obj, BeforeUpdater.BeforeUpdate); err != nil {
			return err
		}
		if err := applyOnUpdate(st.table, st.val(), explicitUpdates(st)); err != nil {
			return err
		}
	}
	cols := st.changed()
	if len(cols) == 0 {
		return nil
	}
	before := st.loaded
	if err := u.execUpdate(ctx, st, cols); err != nil {
		return err
	}
	st.markLoaded()
	u.s.rekey(st)                          // a changed primary key moves the object in the identity map
	u.s.cascadeKeyChange(st, before, cols) // and its referencing objects follow (ON UPDATE CASCADE)
	if post {
		return nil
	}
	u.changes = append(u.changes, Change{Object: st.obj, Op: OpUpdate})
	return callHook(ctx, st.obj, AfterUpdater.AfterUpdate)
}

// execUpdate writes cols of st, bumping and checking the version column.
func (u *unitOfWork) execUpdate(ctx context.Context, st *objState, cols []*Column) error {
	if parts := joinedParts(st.table); parts != nil {
		return u.updateParts(ctx, st, parts, cols)
	}
	return u.execUpdateIn(ctx, st, st.table, cols)
}

// execUpdateIn is execUpdate writing table t (st's table, or one of the
// tables of a joined-inheritance row).
func (u *unitOfWork) execUpdateIn(ctx context.Context, st *objState, t *Table, cols []*Column) error {
	b := NewBuilder(u.q.Dialect())
	b.WriteString("UPDATE ")
	b.Ident(t.Name)
	b.WriteString(" SET ")
	if vc := t.version; vc != nil && !post(u, st) {
		bumpVersion(st, vc)
		cols = appendColumn(cols, vc)
	}
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		arg, err := fieldArg(u.q, c, st.val())
		if err != nil {
			return fmt.Errorf("orm: update %s.%s: %w", t.Name, c.Name, err)
		}
		b.Ident(c.Name)
		b.WriteString(" = ")
		b.bind(arg)
	}
	writeWhere(b, u.keyConds(st, t))
	n, err := rowsAffected(u.q.ExecContext(ctx, b.String(), b.Args()...))
	if err == nil && n == 0 {
		err = &StaleDataError{Table: t.Name, Op: "UPDATE", Key: loadedKey(st)}
	}
	return err
}

// bumpVersion sets the version field of st for its UPDATE: the loaded
// version plus one, or the value the application set, as SQLAlchemy's
// default generator leaves a version attribute that was assigned.
func bumpVersion(st *objState, vc *Column) {
	loaded := reflect.ValueOf(loadedValue(st, vc)).Int()
	f := fieldByIndex(st.val(), vc.index)
	if f.Int() == loaded {
		setInt(f, loaded+1)
	}
}

// post reports whether st's update is a post_update of a new row.
func post(u *unitOfWork, st *objState) bool { return u.insertedNow(st) }

// appendColumn adds c to cols unless present.
func appendColumn(cols []*Column, c *Column) []*Column {
	for _, x := range cols {
		if x == c {
			return cols
		}
	}
	return append(cols, c)
}

// keyConds matches st's row in table t (st's table or one part of a
// joined-inheritance row) by its loaded key, and version when t holds
// the version column.
func (u *unitOfWork) keyConds(st *objState, t *Table) []Expr {
	var conds []Expr
	for _, c := range st.table.pkColumns() {
		arg, _ := bindArg(u.q.Dialect(), c.Type.Kind, loadedArg(st, c))
		conds = append(conds, C(c.Name).Eq(bound{arg}))
	}
	if vc := t.version; vc != nil {
		conds = append(conds, C(vc.Name).Eq(bound{loadedArg(st, vc)}))
	}
	return conds
}

// loadedValue returns column c's value in the loaded snapshot.
func loadedValue(st *objState, c *Column) any {
	return fieldByIndex(st.loaded, c.index).Interface()
}

// loadedArg returns the driver value of c's loaded value.
func loadedArg(st *objState, c *Column) any {
	return c.codec.bind(fieldByIndex(st.loaded, c.index))
}

// loadedKey returns the loaded primary key values.
func loadedKey(st *objState) []any {
	var out []any
	for _, c := range st.table.pkColumns() {
		out = append(out, loadedValue(st, c))
	}
	return out
}

// unlinkPostUpdates sets the post_update keys of rows about to be deleted
// to NULL first, so rows that reference each other can be deleted.
func (u *unitOfWork) unlinkPostUpdates(ctx context.Context) error {
	for _, st := range u.s.deleted {
		if st.flushed {
			continue
		}
		for _, r := range st.table.relations {
			if j, err := r.join(); err == nil && r.PostUpdate && j.kind == ManyToOne {
				clearKey(st.val(), j.local)
			}
		}
		if cols := st.changed(); len(cols) > 0 {
			if err := u.execUpdate(ctx, st, cols); err != nil {
				return err
			}
			st.markLoaded()
		}
	}
	return nil
}

// needsPostUpdate reports whether a row inserted by this flush may need a
// post_update: a post_update relationship of its own or of a parent.
func (u *unitOfWork) needsPostUpdate(st *objState) bool {
	for _, r := range st.table.relations {
		if r.PostUpdate {
			return true
		}
	}
	for _, l := range u.parents[st] {
		if l.rel.PostUpdate {
			return true
		}
	}
	return false
}
