package orm

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"slices"

	"github.com/flagon-go/flagon/orm/dialect"
)

// A bulkStmt is a bulk Update or Delete of one model's rows, as its run
// needs it whatever the model type.
type bulkStmt struct {
	q        Querier
	table    *Table
	del      bool
	where    []Expr
	render   func(returning []Expr) (string, []any, error)
	assigned []*Column // the columns an update sets (onupdate ones too)
	opts     bulkOpts
}

// stmt returns the update as a bulkStmt. Its where holds the
// discriminator filter of a single-table subtype, so the rows the
// emulation and the session synchronization read are the statement's.
func (u *UpdateQuery[T]) stmt() *bulkStmt {
	return &bulkStmt{q: u.q, table: u.table, where: inheritWhere(u.table, u.where), render: u.render,
		assigned: assignedColumns(u.table, u.sets), opts: u.bulk}
}

// stmt returns the delete as a bulkStmt.
func (d *DeleteQuery[T]) stmt() *bulkStmt {
	return &bulkStmt{q: d.q, table: d.table, del: true, where: inheritWhere(d.table, d.where), render: d.render, opts: d.bulk}
}

// assignedColumns lists the columns an update sets: those of sets, then
// the onupdate columns sets does not assign.
func assignedColumns(t *Table, sets []pair) []*Column {
	var out []*Column
	for _, s := range sets {
		if c := t.Column(s.name); c != nil {
			out = appendColumn(out, c)
		}
	}
	for _, c := range t.Columns {
		if (c.OnUpdate != "" || onUpdateFunc(t, c) != nil) && c.codec != nil {
			out = appendColumn(out, c)
		}
	}
	return out
}

// sqlReturning is the RETURNING list SQL() renders: Returning's columns
// where the dialect has RETURNING for the statement (DELETE ... RETURNING
// on the mysql dialect is MariaDB's).
func sqlReturning(d dialect.Dialect, del bool, o bulkOpts) []Expr {
	if d.Features().Has(dialect.Returning) || del && d.Name() == "mysql" {
		return o.returning
	}
	return nil
}

// A bulkRun is one execution of a bulk statement: where it runs, what it
// returns, and the rows read back to synchronize the session.
type bulkRun struct {
	*bulkStmt
	q    Querier
	s    *Session // nil outside a session
	sync bool     // synchronize s
	sink returnSink
	rows []reflect.Value // rows read back, as structs of the model
	n    int64
}

// run executes the statement, feeding any returned rows to sink, and
// synchronizes the session: SQLAlchemy's synchronize_session="fetch",
// with the matched keys (and new values) from RETURNING, or from a
// SELECT ... FOR UPDATE where the database has no RETURNING for it.
func (b *bulkStmt) run(ctx context.Context, sink returnSink) (int64, error) {
	r := &bulkRun{bulkStmt: b, q: b.q, sink: sink}
	if s, ok := b.q.(*Session); ok {
		if _, err := s.prepareQuery(ctx); err != nil {
			return 0, err
		}
		q, err := s.conn(ctx)
		if err != nil {
			return 0, err
		}
		r.s, r.q = s, q
		r.sync = !b.opts.noSync && s.holds(b.table)
	}
	if r.sync && !b.del && assignsKey(b.table, b.assigned) {
		return r.runKeyChange(ctx)
	}
	return r.execute(ctx)
}

// execute runs the statement, reading back what the sink and the session
// need.
func (r *bulkRun) execute(ctx context.Context) (int64, error) {
	if !r.sync && r.sink == nil {
		return execBulk(ctx, r.q, r.render)
	}
	native, err := r.nativeReturning(ctx)
	if err != nil {
		return 0, err
	}
	run := r.emulate
	if native {
		run = r.returning
	}
	if err := r.inTransaction(ctx, run); err != nil {
		return 0, err
	}
	r.finish()
	return r.n, nil
}

// inTransaction runs fn in a transaction of its own when the statement
// runs on a *DB: the emulation's statements must share one, and a
// returned row that cannot be scanned must roll the statement back
// rather than lose the rows it returned. Transactions and sessions
// already provide one.
func (r *bulkRun) inTransaction(ctx context.Context, fn func(context.Context) error) (err error) {
	db, ok := r.q.(*DB)
	if !ok {
		return fn(ctx)
	}
	tx, err := db.Begin(ctx, nil)
	if err != nil {
		return err
	}
	r.q = tx
	defer func() {
		if err != nil {
			_ = tx.Rollback()
			return
		}
		err = tx.Commit()
	}()
	return fn(ctx)
}

// runKeyChange runs an update that assigns a primary key column: the
// rows' new keys no longer name the session's objects, so their old keys
// are read first (SELECT ... FOR UPDATE) and those objects are expunged
// (they stay in the session if the update fails).
func (r *bulkRun) runKeyChange(ctx context.Context) (int64, error) {
	rows, err := r.selectRows(ctx, columnExprs(r.table.pkColumns()), func(*Builder) []Expr { return r.where }, true)
	if err != nil {
		return 0, err
	}
	keys, err := scanKeys(rows, r.table)
	if err != nil {
		return 0, err
	}
	r.sync = false
	held := r.s.expungeKeys(r.table, keys)
	n, err := r.execute(ctx)
	if err != nil {
		r.s.readmit(held)
	}
	return n, err
}

// assignsKey reports whether cols include a primary key column.
func assignsKey(t *Table, cols []*Column) bool {
	for _, c := range cols {
		if slices.Contains(t.pkColumns(), c) {
			return true
		}
	}
	return false
}

// nativeReturning reports whether the database runs the statement with
// RETURNING: PostgreSQL and SQLite always, MariaDB 10.5+ for DELETE.
func (r *bulkRun) nativeReturning(ctx context.Context) (bool, error) {
	d := r.q.Dialect()
	if d.Features().Has(dialect.Returning) {
		return true, nil
	}
	if r.del && d.Name() == "mysql" {
		return hasDeleteReturning(ctx, r.q)
	}
	return false, nil
}

// A rowLayout is the result columns of a statement a bulk run reads: the
// primary key and the assigned columns read back for the session, then
// the sink's.
type rowLayout struct {
	keys, synced []*Column
	user         []Expr
}

// layout returns what the run reads back; a sink of whole objects serves
// the session by itself.
func (r *bulkRun) layout() rowLayout {
	var l rowLayout
	if r.sink != nil {
		l.user = r.sink.exprs()
		if _, whole := r.sink.object(); whole {
			return l
		}
	}
	if r.sync {
		l.keys = r.table.pkColumns()
		if !r.del {
			l.synced = r.assigned
		}
	}
	return l
}

// exprs is the layout's column list.
func (l rowLayout) exprs() []Expr {
	out := append(columnExprs(l.keys), columnExprs(l.synced)...)
	return append(out, l.user...)
}

// returning runs the statement with RETURNING.
func (r *bulkRun) returning(ctx context.Context) error {
	l := r.layout()
	query, args, err := r.render(l.exprs())
	if err != nil {
		return err
	}
	rows, err := r.q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	return r.consume(rows, l)
}

// consume reads rows laid out as l, closing them.
func (r *bulkRun) consume(rows *sql.Rows, l rowLayout) error {
	defer rows.Close()
	names, err := rows.Columns()
	if err != nil {
		return err
	}
	prefix := append(append([]*Column(nil), l.keys...), l.synced...)
	if r.sink != nil {
		if err := r.sink.start(names[len(prefix):]); err != nil {
			return err
		}
	}
	dest := make([]any, 0, len(names))
	for rows.Next() {
		var row reflect.Value
		dest = dest[:0]
		if len(prefix) > 0 {
			row = reflect.New(r.table.model).Elem()
			for _, c := range prefix {
				dest = append(dest, c.codec.scanDest(fieldByIndex(row, c.index)))
			}
		}
		if r.sink != nil {
			dest = append(dest, r.sink.next()...)
		}
		if err := rows.Scan(dest...); err != nil {
			return fmt.Errorf("orm: scan the rows returned by %s: %w", r.verb(), err)
		}
		if r.sink != nil {
			r.sink.keep()
			if obj, whole := r.sink.object(); whole {
				row = obj
			}
		}
		if r.sync && r.s.heldState(r.table, row) != nil {
			r.rows = append(r.rows, row) // only the rows the session holds
		}
		r.n++
	}
	return translate(r.q.Dialect(), rows.Err())
}

// finish hands the rows to the sink and synchronizes the session.
func (r *bulkRun) finish() {
	if r.sink != nil {
		r.sink.finish(r.s)
	}
	if !r.sync {
		return
	}
	if r.del {
		r.s.syncDeleted(r.table, r.rows)
		return
	}
	cols := r.assigned
	if r.sink != nil {
		if _, whole := r.sink.object(); whole {
			cols = r.table.Columns
		}
	}
	r.s.syncUpdated(r.table, r.rows, cols)
}

// verb names the statement in messages.
func (r *bulkRun) verb() string {
	if r.del {
		return "DELETE FROM " + r.table.Name
	}
	return "UPDATE " + r.table.Name
}
