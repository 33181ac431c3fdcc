package tfb

import (
	"database/sql"
	"fmt"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // "pgx" driver
	_ "modernc.org/sqlite"             // "sqlite" driver
)

// sqlitePragmas are the connection settings of every SQLite pool in the
// benchmark, the same as flagon's ORM uses: WAL, a busy timeout so that
// concurrent writers wait instead of failing, and immediate transactions.
const sqlitePragmas = "_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_txlock=immediate"

// DriverDSN turns a SQLAlchemy-style URL (postgresql://user@host:port/db
// or sqlite:///relative.db, sqlite:////absolute.db) into a database/sql
// driver name and data source name.
func DriverDSN(url string) (driver, dsn string, err error) {
	scheme, rest, ok := strings.Cut(url, "://")
	if !ok {
		return "", "", fmt.Errorf("tfb: database URL %q has no scheme", url)
	}
	name, _, _ := strings.Cut(scheme, "+")
	switch name {
	case "postgresql", "postgres":
		return "pgx", "postgres://" + rest, nil
	case "sqlite":
		path, ok := strings.CutPrefix(rest, "/")
		if !ok || path == "" {
			return "", "", fmt.Errorf("tfb: SQLite URL %q wants sqlite:///file.db", url)
		}
		return "sqlite", "file:" + path + "?" + sqlitePragmas, nil
	}
	return "", "", fmt.Errorf("tfb: unsupported database URL %q (want postgresql:// or sqlite:///)", url)
}

// Open opens a database/sql pool for a SQLAlchemy-style URL.
func Open(url string) (*sql.DB, error) {
	driver, dsn, err := DriverDSN(url)
	if err != nil {
		return nil, err
	}
	return sql.Open(driver, dsn)
}
