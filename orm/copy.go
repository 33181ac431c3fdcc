package orm

import (
	"context"
	"fmt"
	"reflect"
	"time"

	"github.com/flagon-go/flagon/orm/dialect"
)

// CopyFrom bulk-loads objs into T's table and returns the number of rows
// loaded. On PostgreSQL it uses COPY ... FROM STDIN (binary), the fastest
// way to load many rows; it runs on q's connection, so inside a
// transaction it is part of it. Unlike InsertMany, generated keys and
// server defaults are not written back (COPY returns nothing): use it for
// loads whose objects are not used afterwards. BeforeInsert hooks and
// client-side defaults apply, as for InsertMany; AfterInsert hooks run.
//
// On other databases, and for columns of user types (which COPY's binary
// encoder cannot know), CopyFrom inserts with InsertMany instead.
func CopyFrom[T any](ctx context.Context, q Querier, objs []*T) (int64, error) {
	iq := InsertInto[T](q).Values(objs...)
	if iq.err != nil || len(objs) == 0 {
		return 0, iq.err
	}
	cp, ok := q.Dialect().(dialect.Copier)
	rc, hasConn := q.(rawConner)
	if !ok || !hasConn || hasUserTypes(iq.table) {
		return int64(len(objs)), iq.Exec(ctx)
	}
	if err := iq.prepare(ctx); err != nil {
		return 0, err
	}
	var total int64
	for _, group := range groupBySignature(iq.table, valuesOf(objs)) {
		n, err := copyGroup(ctx, rc, cp, q.Dialect(), iq.table, group)
		total += n
		if err != nil {
			return total, translate(q.Dialect(), err)
		}
	}
	for _, o := range objs {
		if err := callHook(ctx, any(o), AfterInserter.AfterInsert); err != nil {
			return total, err
		}
	}
	return total, nil
}

// copyGroup copies rows that leave the same generated columns unset.
func copyGroup(ctx context.Context, rc rawConner, cp dialect.Copier, d dialect.Dialect, t *Table, group []reflect.Value) (int64, error) {
	p := planFor(d, t, group[0])
	names := make([]string, len(p.cols))
	var enums []string
	for i, c := range p.cols {
		names[i] = c.Name
		if c.Type.Kind == dialect.Enum && c.Type.EnumName != "" {
			enums = append(enums, c.Type.EnumName)
		}
	}
	rows := make([][]any, len(group))
	for i, v := range group {
		rows[i] = make([]any, len(p.cols))
		for j, c := range p.cols {
			rows[i][j] = copyValue(c, v)
		}
	}
	var n int64
	start := time.Now()
	err := rc.rawConn(ctx, func(driverConn any) error {
		var err error
		n, err = cp.CopyFrom(ctx, driverConn, t.Name, names, enums, rows)
		return err
	})
	if db := rc.engine(); db != nil {
		db.emitStatement(ctx, copyStatement(d, t, p.cols), nil, start, err)
	}
	return n, err
}

// copyStatement is the COPY statement as statement events report it.
func copyStatement(d dialect.Dialect, t *Table, cols []*Column) string {
	b := NewBuilder(d)
	b.WriteString("COPY ")
	b.Ident(t.Name)
	b.WriteString(" (")
	identList(b, cols)
	b.WriteString(") FROM STDIN BINARY")
	return b.String()
}

// copyValue is the field's value for COPY: what a single-row insert binds,
// before the dialect's conversions (COPY encodes Go values itself).
func copyValue(c *Column, v reflect.Value) any {
	return c.codec.bind(fieldByIndex(v, c.index))
}

// hasUserTypes reports columns of user-defined types.
func hasUserTypes(t *Table) bool {
	for _, c := range t.Columns {
		if c.Type.Kind == dialect.Custom {
			return true
		}
	}
	return false
}

// A rawConner runs f on the driver connection its statements use.
type rawConner interface {
	rawConn(ctx context.Context, f func(driverConn any) error) error
	engine() *DB // the engine whose statement events report the copy
}

func (db *DB) engine() *DB { return db }
func (tx *Tx) engine() *DB { return tx.db }
func (s *Session) engine() *DB {
	if rc, ok := s.fix.(rawConner); ok && s.db == nil {
		return rc.engine()
	}
	return s.db
}

// rawConn runs f on a connection from the pool.
func (db *DB) rawConn(ctx context.Context, f func(driverConn any) error) error {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(f)
}

// rawConn runs f on the transaction's connection, inside the transaction.
func (tx *Tx) rawConn(ctx context.Context, f func(driverConn any) error) error {
	if err := tx.check(); err != nil {
		return err
	}
	root := tx
	for root.parent != nil {
		root = root.parent
	}
	return root.conn.Raw(f)
}

// rawConn runs f on the session's connection (its transaction), after
// flushing pending changes as a query would.
func (s *Session) rawConn(ctx context.Context, f func(driverConn any) error) error {
	if _, err := s.prepareQuery(ctx); err != nil {
		return err
	}
	q, err := s.conn(ctx)
	if err != nil {
		return err
	}
	rc, ok := q.(rawConner)
	if !ok {
		return fmt.Errorf("orm: the session's connection %T has no driver connection", q)
	}
	return rc.rawConn(ctx, f)
}
