package orm

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"

	"github.com/flagon-go/flagon/orm/dialect"
)

// An UpdateQuery updates rows of model T: Update[T](db).Set("price", 3).
// Where(orm.C("id").Eq(1)).Exec(ctx). As SQLAlchemy's update(), it also
// assigns every onupdate column that Set does not.
type UpdateQuery[T any] struct {
	q     Querier
	table *Table
	err   error
	sets  []pair
	where []Expr
	bulk  bulkOpts
}

// Update starts an UPDATE of model T's table.
func Update[T any](q Querier) *UpdateQuery[T] {
	t, err := tableOf[T]()
	return &UpdateQuery[T]{q: routeQuerier(q, t), table: t, err: err}
}

// Set assigns columns, given as a map[string]any or name, value pairs of
// field or column names; a value may be an Expr such as
// orm.SQL("price + ?", 1).
func (u *UpdateQuery[T]) Set(args ...any) *UpdateQuery[T] {
	pairs, err := filterPairs(args)
	if err != nil && u.err == nil {
		u.err = err
	}
	for _, p := range pairs {
		if u.table == nil {
			break
		}
		c := u.table.lookup(p.name)
		if c == nil {
			u.err = unknownField(u.table, p.name)
			continue
		}
		u.sets = append(u.sets, pair{c.Name, bindValue(c, p.value)})
	}
	return u
}

// Where adds conditions joined with AND.
func (u *UpdateQuery[T]) Where(conds ...Expr) *UpdateQuery[T] {
	u.where = append(u.where, conds...)
	return u
}

// FilterBy adds equality conditions by field or column name.
func (u *UpdateQuery[T]) FilterBy(args ...any) *UpdateQuery[T] {
	conds, err := filterBy(u.table, args)
	if err != nil && u.err == nil {
		u.err = err
	}
	u.where = append(u.where, conds...)
	return u
}

// SQL renders the statement without running it, with its Returning
// columns where the database has UPDATE ... RETURNING.
func (u *UpdateQuery[T]) SQL() (string, []any, error) {
	if err := u.check(); err != nil {
		return "", nil, err
	}
	return u.render(sqlReturning(u.q.Dialect(), false, u.bulk))
}

// check returns the error found while building the update.
func (u *UpdateQuery[T]) check() error {
	if u.err != nil {
		return u.err
	}
	if len(u.sets) == 0 {
		return fmt.Errorf("orm: update of %s sets no columns", u.table.Name)
	}
	return nil
}

// render renders the statement with a RETURNING list (none when empty).
func (u *UpdateQuery[T]) render(returning []Expr) (string, []any, error) {
	onUpdate, err := onUpdateSets(u.q.Dialect(), u.table, u.sets)
	if err != nil {
		return "", nil, err
	}
	b := NewBuilder(u.q.Dialect())
	b.WriteString("UPDATE ")
	b.Ident(u.table.Name)
	b.WriteString(" SET ")
	for i, s := range u.sets {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Ident(s.name)
		b.WriteString(" = ")
		b.Arg(s.value)
	}
	for _, s := range onUpdate {
		b.WriteString(", ")
		b.Ident(s.name)
		b.WriteString(" = ")
		b.bind(s.value)
	}
	writeWhere(b, bulkWhere(b, u.table, u.where))
	writeReturning(b, returning)
	return b.String(), b.Args(), b.Err()
}

// onUpdateSets returns the assignments SQLAlchemy's update() adds: each
// column with an onupdate value or function (OnUpdateFunc) that sets does
// not assign, with its value ("now" is the current time) converted for
// dialect d.
func onUpdateSets(d dialect.Dialect, t *Table, sets []pair) ([]pair, error) {
	var out []pair
	for _, c := range t.Columns {
		fn := onUpdateFunc(t, c)
		if (c.OnUpdate == "" && fn == nil) || c.codec == nil || assigns(sets, c.Name) {
			continue
		}
		f := reflect.New(c.codec.typ).Elem()
		if fn != nil {
			f.Set(fn())
		} else if err := setFromString(f, c.OnUpdate); err != nil {
			return nil, &ColumnError{"onupdate", t.Name, c.Name, fmt.Errorf("%q: %w", c.OnUpdate, err)}
		}
		arg, err := bindArg(d, c.Type.Kind, c.codec.bind(f))
		if err != nil {
			return nil, &ColumnError{"onupdate", t.Name, c.Name, fmt.Errorf("%q: %w", c.OnUpdate, err)}
		}
		out = append(out, pair{c.Name, arg})
	}
	return out, nil
}

// assigns reports whether sets assigns column name.
func assigns(sets []pair, name string) bool {
	for _, s := range sets {
		if s.name == name {
			return true
		}
	}
	return false
}

// Exec runs the update and returns the number of matched rows. Through a
// session it also updates the session's objects of those rows (see
// SynchronizeSession).
func (u *UpdateQuery[T]) Exec(ctx context.Context) (int64, error) {
	if err := u.check(); err != nil {
		return 0, err
	}
	if _, ok := u.q.(*Session); !ok { // nothing to synchronize
		return execBulk(ctx, u.q, u.render)
	}
	return u.stmt().run(ctx, nil)
}

// execBulk runs a bulk statement without RETURNING.
func execBulk(ctx context.Context, q Querier, render func([]Expr) (string, []any, error)) (int64, error) {
	query, args, err := render(nil)
	if err != nil {
		return 0, err
	}
	return rowsAffected(q.ExecContext(ctx, query, args...))
}

// rowsAffected unpacks an Exec result.
func rowsAffected(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// A DeleteQuery deletes rows of model T.
type DeleteQuery[T any] struct {
	q     Querier
	table *Table
	err   error
	where []Expr
	bulk  bulkOpts
}

// Delete starts a DELETE from model T's table.
func Delete[T any](q Querier) *DeleteQuery[T] {
	t, err := tableOf[T]()
	return &DeleteQuery[T]{q: routeQuerier(q, t), table: t, err: err}
}

// Where adds conditions joined with AND.
func (d *DeleteQuery[T]) Where(conds ...Expr) *DeleteQuery[T] {
	d.where = append(d.where, conds...)
	return d
}

// FilterBy adds equality conditions by field or column name.
func (d *DeleteQuery[T]) FilterBy(args ...any) *DeleteQuery[T] {
	conds, err := filterBy(d.table, args)
	if err != nil && d.err == nil {
		d.err = err
	}
	d.where = append(d.where, conds...)
	return d
}

// SQL renders the statement without running it, with its Returning
// columns where the database has DELETE ... RETURNING (the mysql dialect
// renders MariaDB's).
func (d *DeleteQuery[T]) SQL() (string, []any, error) {
	if d.err != nil {
		return "", nil, d.err
	}
	return d.render(sqlReturning(d.q.Dialect(), true, d.bulk))
}

// render renders the statement with a RETURNING list (none when empty).
func (d *DeleteQuery[T]) render(returning []Expr) (string, []any, error) {
	b := NewBuilder(d.q.Dialect())
	b.WriteString("DELETE FROM ")
	b.Ident(d.table.Name)
	writeWhere(b, bulkWhere(b, d.table, d.where))
	writeReturning(b, returning)
	return b.String(), b.Args(), b.Err()
}

// Exec runs the delete and returns the number of deleted rows. Through a
// session it also marks the session's objects of those rows deleted (see
// SynchronizeSession).
func (d *DeleteQuery[T]) Exec(ctx context.Context) (int64, error) {
	if d.err != nil {
		return 0, d.err
	}
	if _, ok := d.q.(*Session); !ok { // nothing to synchronize
		return execBulk(ctx, d.q, d.render)
	}
	return d.stmt().run(ctx, nil)
}
