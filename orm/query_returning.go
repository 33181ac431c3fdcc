package orm

import (
	"context"
	"fmt"
	"strings"
)

// bulkOpts holds what Returning and SynchronizeSession set on a bulk
// Update or Delete.
type bulkOpts struct {
	returning []Expr        // the RETURNING columns Into scans
	retSet    bool          // Returning was called
	noSync    bool          // SynchronizeSession(false)
	loads     []*LoadOption // Options, applied to All's objects
}

// returningExprs resolves Returning's arguments against t: no arguments
// is every column of t; names (Go field or column names, bare or
// qualified by t's name) must be t's; Exprs pass through.
func returningExprs(t *Table, cols []any) ([]Expr, error) {
	if t == nil {
		return nil, nil
	}
	if len(cols) == 0 {
		return columnExprs(t.Columns), nil
	}
	out := make([]Expr, 0, len(cols))
	for _, v := range cols {
		name, ok := v.(string)
		if !ok {
			if v == nil {
				return nil, fmt.Errorf("orm: Returning of a nil column on %s", t.Name)
			}
			out = append(out, asExpr(v))
			continue
		}
		if tbl, col, qualified := strings.Cut(name, "."); qualified && tbl == t.Name {
			name = col
		}
		c := t.lookup(name)
		if c == nil {
			return nil, fmt.Errorf("orm: Returning: table %s has no field or column %q", t.Name, name)
		}
		out = append(out, C(c.Name))
	}
	return out, nil
}

// columnExprs returns the columns as unqualified column expressions.
func columnExprs(cols []*Column) []Expr {
	out := make([]Expr, len(cols))
	for i, c := range cols {
		out[i] = C(c.Name)
	}
	return out
}

// writeReturning appends " RETURNING cols" when there are any.
func writeReturning(b *Builder, cols []Expr) {
	if len(cols) == 0 {
		return
	}
	b.WriteString(" RETURNING ")
	b.list(cols, ", ")
}

// Returning names the columns the statement returns, read with orm.Into
// (SQLAlchemy's update(...).returning(...)): Go field or column names of
// T, or expressions (label them with As to scan them into a struct). No
// arguments returns every column. An unknown name is an error before any
// SQL is sent. All returns whole objects without Returning. On MySQL and
// MariaDB, which have no UPDATE ... RETURNING, the rows are locked and
// read by primary key in the same transaction (see docs/orm.md).
func (u *UpdateQuery[T]) Returning(cols ...any) *UpdateQuery[T] {
	exprs, err := returningExprs(u.table, cols)
	if err != nil && u.err == nil {
		u.err = err
	}
	u.bulk.returning, u.bulk.retSet = exprs, true
	return u
}

// SynchronizeSession sets whether a bulk update run through a session
// updates the session's objects of the matched rows (the default, as
// SQLAlchemy's synchronize_session="auto"); false leaves them as they
// are (synchronize_session=False).
func (u *UpdateQuery[T]) SynchronizeSession(on bool) *UpdateQuery[T] {
	u.bulk.noSync = !on
	return u
}

// All runs the update and returns the updated rows as objects, with
// UPDATE ... RETURNING (SQLAlchemy's update(T).returning(T)); through a
// session they are the session's objects, holding the new values.
func (u *UpdateQuery[T]) All(ctx context.Context) ([]*T, error) {
	if err := u.check(); err != nil {
		return nil, err
	}
	if u.bulk.retSet {
		return nil, errAllWithReturning(u.table)
	}
	sink := &objectSink[T]{table: u.table}
	if _, err := u.stmt().run(ctx, sink); err != nil {
		return nil, err
	}
	return loadReturned(ctx, u.q, u.table, sink.out, u.bulk.loads)
}

// Returning names the columns the statement returns, read with orm.Into
// (SQLAlchemy's delete(...).returning(...)); see UpdateQuery.Returning.
// MariaDB 10.5 and later run DELETE ... RETURNING; on MySQL the rows are
// locked and read before they are deleted, in the same transaction.
func (d *DeleteQuery[T]) Returning(cols ...any) *DeleteQuery[T] {
	exprs, err := returningExprs(d.table, cols)
	if err != nil && d.err == nil {
		d.err = err
	}
	d.bulk.returning, d.bulk.retSet = exprs, true
	return d
}

// SynchronizeSession sets whether a bulk delete run through a session
// marks the session's objects of the deleted rows deleted (the default,
// as SQLAlchemy's synchronize_session="auto"); false leaves them in the
// session (synchronize_session=False).
func (d *DeleteQuery[T]) SynchronizeSession(on bool) *DeleteQuery[T] {
	d.bulk.noSync = !on
	return d
}

// All runs the delete and returns the deleted rows as objects (SQLAlchemy's
// delete(T).returning(T)). Through a session, an object of the session is
// returned as itself, now deleted; other rows come back as new objects
// that are not in the session.
func (d *DeleteQuery[T]) All(ctx context.Context) ([]*T, error) {
	if d.err != nil {
		return nil, d.err
	}
	if d.bulk.retSet {
		return nil, errAllWithReturning(d.table)
	}
	sink := &objectSink[T]{table: d.table, deleting: true}
	if _, err := d.stmt().run(ctx, sink); err != nil {
		return nil, err
	}
	return loadReturned(ctx, d.q, d.table, sink.out, d.bulk.loads)
}

// errAllWithReturning is the error of All after Returning(columns).
func errAllWithReturning(t *Table) error {
	return fmt.Errorf("orm: All returns whole %s objects: read Returning's columns with orm.Into", t.Name)
}

// A RowSource is a statement whose result rows orm.Into scans: a
// Selectable, or a bulk Update or Delete with Returning.
type RowSource interface {
	// SQL renders the statement and its arguments without running it.
	SQL() (string, []any, error)
	querier() Querier
}

func (u *UpdateQuery[T]) querier() Querier { return u.q }
func (d *DeleteQuery[T]) querier() Querier { return d.q }

// A returner is a bulk statement with Returning that Into runs.
type returner interface {
	returningStmt() (*bulkStmt, error)
}

func (u *UpdateQuery[T]) returningStmt() (*bulkStmt, error) {
	if err := u.check(); err != nil {
		return nil, err
	}
	if !u.bulk.retSet {
		return nil, fmt.Errorf("orm: Into of an update of %s needs Returning(...)", u.table.Name)
	}
	return u.stmt(), nil
}

func (d *DeleteQuery[T]) returningStmt() (*bulkStmt, error) {
	if d.err != nil {
		return nil, d.err
	}
	if !d.bulk.retSet {
		return nil, fmt.Errorf("orm: Into of a delete from %s needs Returning(...)", d.table.Name)
	}
	return d.stmt(), nil
}

// returningInto is Into for a bulk statement with Returning.
func returningInto[R any](ctx context.Context, r returner) ([]R, error) {
	st, err := r.returningStmt()
	if err != nil {
		return nil, err
	}
	sink := &intoSink[R]{cols: st.opts.returning}
	if names := exprNames(sink.cols); names != nil {
		if err := sink.start(names); err != nil { // before any SQL is sent
			return nil, err
		}
	}
	if _, err := st.run(ctx, sink); err != nil {
		return nil, err
	}
	return sink.out, nil
}

// exprNames returns the result column names of exprs, or nil when one is
// not known before the statement runs.
func exprNames(exprs []Expr) []string {
	names := make([]string, len(exprs))
	for i, e := range exprs {
		switch e := e.(type) {
		case labeled:
			names[i] = e.name
		case Col:
			names[i] = e.Name[strings.LastIndexByte(e.Name, '.')+1:]
		default:
			return nil
		}
	}
	return names
}
