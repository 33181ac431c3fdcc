package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

// Postgres creates a fresh database on the PostgreSQL server at rawURL and
// returns its URL. It fails the test if the server cannot be reached.
func Postgres(t testing.TB, rawURL string) DB {
	t.Helper()
	u := mustParse(t, EnvPostgres, rawURL)
	name := RandomName()
	admin := pgDSN(u)
	create(t, "pgx", admin, `CREATE DATABASE "`+name+`"`)
	t.Cleanup(func() {
		drop(t, "pgx", admin, `DROP DATABASE IF EXISTS "`+name+`" WITH (FORCE)`)
	})
	return DB{Name: "postgresql", URL: withDatabase(u, name)}
}

// MySQL creates a fresh database on the MySQL/MariaDB server at rawURL and
// returns its URL. It fails the test if the server cannot be reached.
func MySQL(t testing.TB, rawURL string) DB {
	t.Helper()
	u := mustParse(t, EnvMySQL, rawURL)
	name := RandomName()
	admin := mysqlDSN(u)
	create(t, "mysql", admin, "CREATE DATABASE `"+name+"` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
	t.Cleanup(func() { drop(t, "mysql", admin, "DROP DATABASE IF EXISTS `"+name+"`") })
	return DB{Name: "mysql", URL: withDatabase(u, name)}
}

// RandomName returns a database name of the form flagon_<16 hex digits>.
func RandomName() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return "flagon_" + hex.EncodeToString(b[:])
}

// mustParse parses a server URL or fails the test naming the variable.
func mustParse(t testing.TB, env, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		t.Fatalf("dbtest: %s=%q is not a database URL (want scheme://user@host:port/db)", env, raw)
	}
	return u
}

// withDatabase returns u with its path replaced by the database name.
func withDatabase(u *url.URL, name string) string {
	c := *u
	c.Path = "/" + name
	return c.String()
}

// pgDSN turns a postgresql:// or postgresql+driver:// URL into a pgx URL.
func pgDSN(u *url.URL) string {
	c := *u
	c.Scheme = "postgres"
	return c.String()
}

// mysqlDSN turns a mysql:// URL into a go-sql-driver DSN.
func mysqlDSN(u *url.URL) string {
	cfg := mysql.NewConfig()
	cfg.User = u.User.Username()
	cfg.Passwd, _ = u.User.Password()
	cfg.Net = "tcp"
	cfg.Addr = u.Host
	if u.Port() == "" {
		cfg.Addr = u.Hostname() + ":3306"
	}
	cfg.DBName = strings.TrimPrefix(u.Path, "/")
	return cfg.FormatDSN()
}

// create runs a CREATE DATABASE statement, failing the test on any error.
func create(t testing.TB, driver, dsn, stmt string) {
	t.Helper()
	if err := exec(driver, dsn, stmt); err != nil {
		t.Fatalf("dbtest: %s server unreachable or refused %q: %v", driver, stmt, err)
	}
}

// drop runs a DROP DATABASE statement, reporting (not failing on) errors.
func drop(t testing.TB, driver, dsn, stmt string) {
	if err := exec(driver, dsn, stmt); err != nil {
		t.Errorf("dbtest: cleanup %q: %v", stmt, err)
	}
}

// exec opens a short-lived connection and runs one statement.
func exec(driver, dsn, stmt string) error {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := db.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("%w", err)
	}
	return nil
}
