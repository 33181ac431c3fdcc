package orm

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"sync"
)

// keyChunk is how many primary keys one read-back SELECT binds.
const keyChunk = 500

// emulate runs the statement where the database has no RETURNING for it
// (MySQL; MariaDB's UPDATE), inside one transaction (see inTransaction):
// SELECT ... FOR UPDATE locks the matching rows and reads their keys (a
// DELETE's returned columns too), the statement runs, and an UPDATE's new
// values are read back by key. The rows returned are exactly the rows
// changed, since no other transaction can change the locked rows.
func (r *bulkRun) emulate(ctx context.Context) error {
	if r.del {
		return r.emulateDelete(ctx)
	}
	return r.emulateUpdate(ctx)
}

// emulateDelete locks and reads the rows, then deletes them.
func (r *bulkRun) emulateDelete(ctx context.Context) error {
	l := r.layout()
	rows, err := r.selectRows(ctx, l.exprs(), func(*Builder) []Expr { return r.where }, true)
	if err != nil {
		return err
	}
	if err := r.consume(rows, l); err != nil {
		return err
	}
	return r.execStatement(ctx)
}

// emulateUpdate locks the rows and reads their keys, updates them, and
// reads back what the sink and the session need by key.
func (r *bulkRun) emulateUpdate(ctx context.Context) error {
	pk := r.table.pkColumns()
	if len(pk) == 0 {
		return fmt.Errorf("orm: %s has no primary key: %s ... RETURNING cannot be emulated on %s", r.table.Name, r.verb(), r.q.Dialect().Name())
	}
	rows, err := r.selectRows(ctx, columnExprs(pk), func(*Builder) []Expr { return r.where }, true)
	if err != nil {
		return err
	}
	keys, err := scanKeys(rows, r.table)
	if err != nil {
		return err
	}
	if err := r.execStatement(ctx); err != nil {
		return err
	}
	if r.sink == nil {
		keys = r.s.heldKeys(r.table, keys)
	}
	n, l := r.n, r.layout()
	for start := 0; start < len(keys); start += keyChunk {
		chunk := keys[start:min(start+keyChunk, len(keys))]
		rows, err := r.selectRows(ctx, l.exprs(), func(b *Builder) []Expr { return []Expr{keysIn(b, r.table, pk, chunk)} }, false)
		if err != nil {
			return err
		}
		if err := r.consume(rows, l); err != nil {
			return err
		}
	}
	r.n = n
	return nil
}

// execStatement runs the statement itself, without RETURNING.
func (r *bulkRun) execStatement(ctx context.Context) error {
	query, args, err := r.render(nil)
	if err != nil {
		return err
	}
	r.n, err = rowsAffected(r.q.ExecContext(ctx, query, args...))
	return err
}

// selectRows runs SELECT cols FROM table WHERE ..., locking the rows
// FOR UPDATE when lock is set.
func (r *bulkRun) selectRows(ctx context.Context, cols []Expr, where func(*Builder) []Expr, lock bool) (*sql.Rows, error) {
	b := NewBuilder(r.q.Dialect())
	b.WriteString("SELECT ")
	b.list(cols, ", ")
	b.WriteString(" FROM ")
	b.Ident(r.table.Name)
	writeWhere(b, where(b))
	if lock && r.q.Dialect().Name() != "sqlite" {
		b.WriteString(" FOR UPDATE")
	}
	if b.Err() != nil {
		return nil, b.Err()
	}
	return r.q.QueryContext(ctx, b.String(), b.Args()...)
}

// scanKeys reads rows of t's primary key values, closing them.
func scanKeys(rows *sql.Rows, t *Table) ([][]any, error) {
	defer rows.Close()
	pk := t.pkColumns()
	var keys [][]any
	dest := make([]any, len(pk))
	for rows.Next() {
		row := reflect.New(t.model).Elem()
		for i, c := range pk {
			dest[i] = c.codec.scanDest(fieldByIndex(row, c.index))
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("orm: scan primary keys of %s: %w", t.Name, err)
		}
		keys = append(keys, colValues(row, pk))
	}
	return keys, rows.Err()
}

// deleteReturning caches, per server (host and port), whether it runs
// DELETE ... RETURNING (MariaDB 10.5 and later).
var deleteReturning sync.Map // string -> bool

// hasDeleteReturning reports whether the MySQL-family server q runs on has
// DELETE ... RETURNING, asking it once per server.
func hasDeleteReturning(ctx context.Context, q Querier) (bool, error) {
	key := serverKey(q)
	if ok, found := deleteReturning.Load(key); found && key != "" {
		return ok.(bool), nil
	}
	var version string
	rows, err := q.QueryContext(ctx, "SELECT VERSION()")
	if err != nil {
		return false, err
	}
	defer rows.Close()
	if rows.Next() {
		if err := rows.Scan(&version); err != nil {
			return false, err
		}
	}
	if err := rows.Err(); err != nil {
		return false, err
	}
	ok := mariaDBAtLeast(version, 10, 5)
	if key != "" {
		deleteReturning.Store(key, ok)
	}
	return ok, nil
}

// serverKey names the server a querier runs on ("" when unknown).
func serverKey(q Querier) string {
	var db *DB
	switch x := q.(type) {
	case *DB:
		db = x
	case *Tx:
		db = x.db
	case *Session:
		db = x.db
	}
	if db == nil || db.url == nil {
		return ""
	}
	return fmt.Sprintf("%s://%s:%d", db.url.Dialect, db.url.Host, db.url.Port)
}

var (
	versionNumbers = regexp.MustCompile(`^(\d+)\.(\d+)`)
	mariaDBName    = regexp.MustCompile(`(?i)mariadb`)
)

// mariaDBAtLeast reports whether a server version string (SELECT
// VERSION()) is MariaDB's, at least major.minor.
func mariaDBAtLeast(version string, major, minor int) bool {
	m := versionNumbers.FindStringSubmatch(version)
	if m == nil || !mariaDBName.MatchString(version) {
		return false
	}
	maj, _ := strconv.Atoi(m[1])
	mnr, _ := strconv.Atoi(m[2])
	return maj > major || maj == major && mnr >= minor
}
