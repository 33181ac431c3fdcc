// Package dbtest gives tests a fresh, private database on every configured
// dialect: SQLite always, PostgreSQL when FLAGON_TEST_POSTGRES is set and
// MySQL/MariaDB when FLAGON_TEST_MYSQL is set.
//
// Tests of many packages run at the same time against the same servers, so
// each call creates a database named flagon_<random hex> and drops it when the
// test ends. A server whose variable is set but cannot be reached fails the
// test; it is never skipped.
package dbtest

import (
	"path/filepath"
	"testing"
)

// Environment variables naming the servers to test against, as
// SQLAlchemy-style URLs.
const (
	EnvPostgres = "FLAGON_TEST_POSTGRES"
	EnvMySQL    = "FLAGON_TEST_MYSQL"
)

// A DB is one database made for a test.
type DB struct {
	// Name is the dialect: "sqlite", "postgresql" or "mysql".
	Name string
	// URL is a SQLAlchemy-style URL of the fresh database.
	URL string
}

// Databases returns one fresh database per available dialect. SQLite is
// always first (a file in t.TempDir()); PostgreSQL and MySQL follow when
// their environment variables are set. Every server database is dropped in
// t.Cleanup.
func Databases(t testing.TB) []DB {
	t.Helper()
	dbs := []DB{SQLite(t)}
	if u := lookup(EnvPostgres); u != "" {
		dbs = append(dbs, Postgres(t, u))
	}
	if u := lookup(EnvMySQL); u != "" {
		dbs = append(dbs, MySQL(t, u))
	}
	return dbs
}

// ForEach runs fn as a subtest named after each database's dialect.
func ForEach(t *testing.T, fn func(t *testing.T, db DB)) {
	t.Helper()
	for _, db := range Databases(t) {
		t.Run(db.Name, func(t *testing.T) { fn(t, db) })
	}
}

// SQLite returns a database in a new file under t.TempDir().
func SQLite(t testing.TB) DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	return DB{Name: "sqlite", URL: "sqlite:///" + filepath.ToSlash(path)}
}
