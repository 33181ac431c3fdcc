package orm

import (
	"context"
	"errors"
	"reflect"

	"github.com/flagon-go/flagon/orm/dialect"
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
// AfterInsert hooks.
func (iq *InsertQuery[T]) Exec(ctx context.Context) error {
	if iq.err != nil || len(iq.objs) == 0 {
		return iq.err
	}
	if err := iq.prepare(ctx); err != nil {
		return err
	}
	groups := [][]*T{iq.objs}
	if len(iq.objs) > 1 && !iq.sameGenerated() {
		groups = iq.groups()
	}
	for _, group := range groups {
		plan := iq.plan(group)
		for start := 0; start < len(group); start += plan.batch {
			end := min(start+plan.batch, len(group))
			if err := iq.execBatch(ctx, plan, group[start:end]); err != nil {
				return err
			}
		}
	}
	for _, o := range iq.objs {
		if err := callHook(ctx, any(o), AfterInserter.AfterInsert); err != nil {
			return err
		}
	}
	return nil
}

// prepare runs BeforeInsert hooks and applies client-side defaults.
func (iq *InsertQuery[T]) prepare(ctx context.Context) error {
	for _, o := range iq.objs {
		if err := callHook(ctx, any(o), BeforeInserter.BeforeInsert); err != nil {
			return err
		}
		v := reflect.ValueOf(o).Elem()
		for _, c := range iq.table.Columns {
			if err := applyDefault(c, v); err != nil {
				return err
			}
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

// groups splits the rows by which generated columns they leave zero, so
// every statement has one column list; order within a group is kept.
func (iq *InsertQuery[T]) groups() [][]*T {
	if len(iq.objs) == 1 || iq.sameGenerated() {
		return [][]*T{iq.objs}
	}
	var keys []string
	byKey := map[string][]*T{}
	for _, o := range iq.objs {
		v := reflect.ValueOf(o).Elem()
		key := make([]byte, len(iq.table.Columns))
		for i, c := range iq.table.Columns {
			key[i] = '0'
			if generated(c) && isZeroField(c, v) {
				key[i] = '1'
			}
		}
		k := string(key)
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], o)
	}
	out := make([][]*T, len(keys))
	for i, k := range keys {
		out[i] = byKey[k]
	}
	return out
}

// sameGenerated reports whether every row leaves the same generated
// columns zero, the common case, which needs no grouping.
func (iq *InsertQuery[T]) sameGenerated() bool {
	first, ok := zeroGenerated(iq.table, reflect.ValueOf(iq.objs[0]).Elem())
	if !ok {
		return false
	}
	for _, o := range iq.objs[1:] {
		if m, _ := zeroGenerated(iq.table, reflect.ValueOf(o).Elem()); m != first {
			return false
		}
	}
	return true
}

// plan omits the generated columns the rows leave zero: the autoincrement
// key and columns with a server default.
func (iq *InsertQuery[T]) plan(objs []*T) insertPlan {
	d := iq.q.Dialect()
	zero, ok := zeroGenerated(iq.table, reflect.ValueOf(objs[0]).Elem())
	k := insertPlanKey{iq.table, d.Name(), zero, iq.doNothing, iq.upsert()}
	if ok {
		if p, hit := insertPlans.Load(k); hit {
			return p.(insertPlan)
		}
	}
	p := iq.newPlan(objs)
	if ok {
		insertPlans.Store(k, p)
	}
	return p
}

// newPlan computes the plan of rows like objs[0].
func (iq *InsertQuery[T]) newPlan(objs []*T) insertPlan {
	var p insertPlan
	for _, c := range iq.table.Columns {
		if generated(c) && isZeroField(c, reflect.ValueOf(objs[0]).Elem()) {
			p.returning = append(p.returning, c)
			continue
		}
		p.cols = append(p.cols, c)
	}
	feats := iq.q.Dialect().Features()
	p.useReturn = len(p.returning) > 0 && feats.Has(dialect.Returning) && !iq.doNothing
	p.batch = max(1, 30000/max(1, len(p.cols)))
	if p.casts = arrayCasts(iq.q.Dialect(), p.cols); p.casts != nil {
		p.batch = arrayBatch
	}
	if iq.lastIDUpsert(p) {
		p.batch = 1 // MySQL reports one key per upsert statement
	}
	return p
}

// SQL renders the statement for the rows without running it or their
// hooks; rows that leave different generated columns zero would be sent as
// separate statements, and only the first group is rendered.
func (iq *InsertQuery[T]) SQL() (string, []any, error) {
	if iq.err != nil || len(iq.objs) == 0 {
		return "", nil, errors.Join(iq.err, errors.New("orm: insert has no rows"))
	}
	group := iq.groups()[0]
	b := NewBuilder(iq.q.Dialect())
	err := iq.render(b, iq.plan(group), group)
	return b.String(), b.Args(), err
}
