package ormbench

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx"
	_ "modernc.org/sqlite"             // database/sql driver "sqlite"
)

// A Target is one database the benchmark runs on.
type Target struct {
	Name   string // "postgres" or "sqlite"
	URL    string // SQLAlchemy-style URL, for flagon
	Driver string // database/sql driver name: "pgx" or "sqlite"
	DSN    string // the driver's data source name, the one flagon builds
}

// Postgres is the target for a pgx URL such as
// postgres://postgres@127.0.0.1:5432/flagon_ormbench?sslmode=disable.
func Postgres(pgURL string) Target {
	return Target{Name: "postgres", URL: pgURL, Driver: "pgx", DSN: pgURL}
}

// SQLite is the target for an SQLite file at path, opened with the pragmas
// flagon's sqlite dialect sets (WAL, busy timeout, foreign keys) plus
// synchronous=NORMAL, so that a commit in WAL mode does not wait for fsync
// (the disk is shared with other jobs; the benchmark measures the code).
func SQLite(path string) Target {
	const sync = "_pragma=synchronous%28NORMAL%29"
	dsn := "file:" + path + "?" + sync + "&_pragma=foreign_keys%281%29&_pragma=journal_mode%28WAL%29" +
		"&_pragma=busy_timeout%285000%29&_time_format=sqlite&_txlock=immediate"
	return Target{Name: "sqlite", URL: "sqlite:///" + path + "?" + sync, Driver: "sqlite", DSN: dsn}
}

// IsPostgres reports whether t is a PostgreSQL target.
func (t Target) IsPostgres() bool { return t.Driver == "pgx" }

// Open opens a database/sql pool on t.
func (t Target) Open() (*sql.DB, error) { return sql.Open(t.Driver, t.DSN) }

// Placeholder returns the n-th (1-based) bind parameter of t's dialect.
func (t Target) Placeholder(n int) string {
	if t.IsPostgres() {
		return "$" + strconv.Itoa(n)
	}
	return "?"
}

// Create creates the models table if it is missing.
func (t Target) Create(ctx context.Context, db *sql.DB) error {
	id := "INTEGER PRIMARY KEY"
	if t.IsPostgres() {
		id = "SERIAL PRIMARY KEY"
	}
	_, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS models (id `+id+`, name TEXT NOT NULL, `+
		`title TEXT NOT NULL, fax TEXT NOT NULL, web TEXT NOT NULL, age INTEGER NOT NULL, `+
		`"right" BOOLEAN NOT NULL, counter BIGINT NOT NULL)`)
	if err != nil {
		return fmt.Errorf("create models on %s: %w", t.Name, err)
	}
	return nil
}

// Reset empties the models table.
func (t Target) Reset(ctx context.Context, db *sql.DB) error {
	q := "DELETE FROM models"
	if t.IsPostgres() {
		q = "TRUNCATE models RESTART IDENTITY"
	}
	if _, err := db.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("reset models on %s: %w", t.Name, err)
	}
	return nil
}
