// Package dbtest gives tests a fresh, private database on every configured
// dialect: SQLite always, PostgreSQL when FLAGON_TEST_POSTGRES is set and
// MySQL/MariaDB when FLAGON_TEST_MYSQL is set (SQLAlchemy-style URLs of a
// server and an account that may create databases, e.g.
// postgresql://postgres@127.0.0.1:5432/test). These are the variables
// flagon's own tests use, so one export tests an app and flagon alike.
//
// Tests of many packages run at the same time against the same servers, so
// each database is named flagon_<random hex> and dropped when the test (or,
// with Main, the test binary) ends. A server whose variable is set but
// cannot be reached fails the test; it is never skipped.
//
// A fresh database per test:
//
//	func TestProducts(t *testing.T) {
//		dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
//			app := newApp(db.URL) // e.g. app.Config.Set("DATABASE_URL", db.URL)
//			...
//		})
//	}
//
// One set per package, made in TestMain (faster when the schema is large;
// the tests then share the databases and must clean up after themselves):
//
//	func TestMain(m *testing.M) { dbtest.Main(m) }
//
//	func TestProducts(t *testing.T) {
//		for _, db := range dbtest.Shared(t) { ... }
//	}
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
	// URL is a SQLAlchemy-style URL of the fresh database, for orm.Open
	// or the DATABASE_URL setting.
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

// ForEach runs fn as a subtest named after each database's dialect, each
// with a fresh database.
func ForEach(t *testing.T, fn func(t *testing.T, db DB)) {
	t.Helper()
	for _, db := range Databases(t) {
		t.Run(db.Name, func(t *testing.T) { fn(t, db) })
	}
}

// SQLite returns a database in a new file under t.TempDir().
func SQLite(t testing.TB) DB {
	t.Helper()
	return sqliteIn(t.TempDir())
}

func sqliteIn(dir string) DB {
	path := filepath.Join(dir, "test.db")
	return DB{Name: "sqlite", URL: "sqlite:///" + filepath.ToSlash(path)}
}
