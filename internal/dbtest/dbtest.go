// Package dbtest is flagon's own name for the public package
// github.com/flagon-go/flagon/flagontest/dbtest, which it delegates to:
// a fresh, private database on every configured dialect (SQLite always,
// PostgreSQL when FLAGON_TEST_POSTGRES is set, MySQL/MariaDB when
// FLAGON_TEST_MYSQL is set), dropped when the test ends.
package dbtest

import (
	"testing"

	pub "github.com/flagon-go/flagon/flagontest/dbtest"
)

// Environment variables naming the servers to test against, as
// SQLAlchemy-style URLs.
const (
	EnvPostgres = pub.EnvPostgres
	EnvMySQL    = pub.EnvMySQL
)

// DB is one database made for a test (pub.DB).
type DB = pub.DB

// Databases returns one fresh database per available dialect, SQLite
// first (pub.Databases).
func Databases(t testing.TB) []DB { t.Helper(); return pub.Databases(t) }

// ForEach runs fn as a subtest named after each database's dialect
// (pub.ForEach).
func ForEach(t *testing.T, fn func(t *testing.T, db DB)) { t.Helper(); pub.ForEach(t, fn) }

// SQLite returns a database in a new file under t.TempDir() (pub.SQLite).
func SQLite(t testing.TB) DB { t.Helper(); return pub.SQLite(t) }

// Postgres creates a fresh database on the PostgreSQL server at rawURL
// (pub.Postgres).
func Postgres(t testing.TB, rawURL string) DB { t.Helper(); return pub.Postgres(t, rawURL) }

// MySQL creates a fresh database on the MySQL/MariaDB server at rawURL
// (pub.MySQL).
func MySQL(t testing.TB, rawURL string) DB { t.Helper(); return pub.MySQL(t, rawURL) }

// RandomName returns a database name of the form flagon_<16 hex digits>
// (pub.RandomName).
func RandomName() string { return pub.RandomName() }
