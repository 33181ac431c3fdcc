package orm

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
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

// hasDeleteReturning reports whether the MySQL-family server q runs on has
// DELETE ... RETURNING (MariaDB 10.5 and later). The server's version is
// asked once per engine (see DB.serverVersion); a querier flagon cannot
// trace to its engine is asked every time.
func hasDeleteReturning(ctx context.Context, q Querier) (bool, error) {
	var version string
	var err error
	if db := engineOf(q); db != nil {
		version, err = db.serverVersion(ctx, q)
	} else {
		version, err = queryVersion(ctx, q)
	}
	if err != nil {
		return false, err
	}
	return mariaDBAtLeast(version, 10, 5), nil
}

// serverVersion returns the server's SELECT VERSION(), asking it through
// q (a querier on db: inside a transaction the question runs there) the
// first time only.
func (db *DB) serverVersion(ctx context.Context, q Querier) (string, error) {
	if v := db.version.Load(); v != nil {
		return *v, nil
	}
	v, err := queryVersion(ctx, q)
	if err != nil {
		return "", err
	}
	db.version.Store(&v)
	return v, nil
}

// queryVersion runs SELECT VERSION() through q.
func queryVersion(ctx context.Context, q Querier) (string, error) {
	var version string
	rows, err := q.QueryContext(ctx, "SELECT VERSION()")
	if err != nil {
		return "", err
	}
	defer rows.Close()
	if rows.Next() {
		if err := rows.Scan(&version); err != nil {
			return "", err
		}
	}
	return version, rows.Err()
}

// engineOf returns the engine a querier runs on: a *DB, the engine of a
// *Tx or a session, or of a type embedding one of them; nil when unknown.
func engineOf(q Querier) *DB {
	if x, ok := q.(interface{ engine() *DB }); ok {
		return x.engine()
	}
	return nil
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
