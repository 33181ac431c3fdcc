package orm

import (
	"context"
	"errors"
	"reflect"
)

// An InsertQuery inserts model rows, optionally as an upsert.
type InsertQuery[T any] struct {
	q         Querier
	table     *Table
	err       error
	objs      []*T
	conflict  []string
	update    []string
	doNothing bool
	loads     []*LoadOption // Options, applied to All's objects
}

// Insert inserts one row and writes generated keys (and server defaults
// where RETURNING is available) back into obj.
func Insert[T any](ctx context.Context, q Querier, obj *T) error {
	t, err := tableOf[T]()
	iq := InsertQuery[T]{q: q, table: t, err: err, objs: []*T{obj}}
	return iq.Exec(ctx)
}

// InsertMany inserts rows with multi-row VALUES statements, writing
// generated keys back.
func InsertMany[T any](ctx context.Context, q Querier, objs []*T) error {
	return InsertInto[T](q).Values(objs...).Exec(ctx)
}

// InsertInto starts an insert of model T rows.
func InsertInto[T any](q Querier) *InsertQuery[T] {
	t, err := tableOf[T]()
	return &InsertQuery[T]{q: q, table: t, err: err}
}

// Values adds rows to insert.
func (iq *InsertQuery[T]) Values(objs ...*T) *InsertQuery[T] {
	iq.objs = append(iq.objs, objs...)
	return iq
}

// OnConflict makes the insert an upsert on a conflict over cols (the unique
// key; MySQL uses whichever unique key conflicts). Follow it with DoUpdate
// or DoNothing.
func (iq *InsertQuery[T]) OnConflict(cols ...string) *InsertQuery[T] {
	iq.conflict = iq.resolve(cols)
	return iq
}

// DoUpdate overwrites cols of the existing row with the new values.
func (iq *InsertQuery[T]) DoUpdate(cols ...string) *InsertQuery[T] {
	iq.update = iq.resolve(cols)
	return iq
}

// DoNothing keeps the existing row.
func (iq *InsertQuery[T]) DoNothing() *InsertQuery[T] {
	iq.doNothing = true
	return iq
}

// resolve maps field or column names to column names.
func (iq *InsertQuery[T]) resolve(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if iq.table == nil {
			break
		}
		c := iq.table.lookup(n)
		if c == nil {
			iq.err = errors.Join(iq.err, unknownField(iq.table, n))
			continue
		}
		out = append(out, c.Name)
	}
	return out
}

// upsert reports whether the insert has an ON CONFLICT clause.
func (iq *InsertQuery[T]) upsert() bool {
	return iq.conflict != nil || len(iq.update) > 0 || iq.doNothing
}

// Exec runs BeforeInsert hooks, the insert in batches, key write-back and
// AfterInsert hooks. A plain insert runs as the session's flush does
// (insertValues); an upsert renders its conflict clause per batch.
func (iq *InsertQuery[T]) Exec(ctx context.Context) error {
	if iq.err != nil || len(iq.objs) == 0 {
		return iq.err
	}
	if err := iq.prepare(ctx); err != nil {
		return err
	}
	rows := valuesOf(iq.objs)
	var err error
	if iq.upsert() {
		err = iq.upsertValues(ctx, rows)
	} else {
		err = insertValues(ctx, iq.q, iq.table, rows)
	}
	if err != nil {
		return err
	}
	for _, o := range iq.objs {
		if err := callHook(ctx, any(o), AfterInserter.AfterInsert); err != nil {
			return err
		}
	}
	return nil
}

// prepare runs BeforeInsert hooks, applies client-side defaults and
// starts an unset version column at 1.
func (iq *InsertQuery[T]) prepare(ctx context.Context) error {
	for _, o := range iq.objs {
		if err := callHook(ctx, any(o), BeforeInserter.BeforeInsert); err != nil {
			return err
		}
		v := reflect.ValueOf(o).Elem()
		for _, c := range iq.table.Columns {
			if err := applyDefault(iq.table, c, v); err != nil {
				return err
			}
		}
		if vc := iq.table.version; vc != nil && isZeroField(vc, v) {
			setInt(fieldByIndex(v, vc.index), 1) // as the session's flush starts it
		}
	}
	return nil
}

// insertPlan is the column layout shared by every row of the insert.
type insertPlan struct {
	cols      []*Column // inserted columns
	returning []*Column // generated columns read back
	batch     int       // rows per statement
	useReturn bool
	casts     []string // array types when columns bind as arrays, else nil
}

// generated reports whether the database may fill column c.
func generated(c *Column) bool { return c.Autoincrement || c.ServerDefault != "" }

// SQL renders the statement for the rows without running it or their
// hooks; rows that leave different generated columns unset would be sent as
// separate statements, and only the first group is rendered.
func (iq *InsertQuery[T]) SQL() (string, []any, error) {
	if iq.err != nil || len(iq.objs) == 0 {
		return "", nil, errors.Join(iq.err, errors.New("orm: insert has no rows"))
	}
	group := groupBySignature(iq.table, valuesOf(iq.objs))[0]
	if iq.upsert() {
		b := NewBuilder(iq.q.Dialect())
		err := iq.renderUpsert(b, iq.upsertPlan(group[0]), group)
		return b.String(), b.Args(), err
	}
	p := planInsert(iq.q, iq.table, group[0])
	args, err := insertArgs(iq.q, iq.table, p, group)
	return insertSQL(iq.q.Dialect(), iq.table, p, len(group)), args, err
}
