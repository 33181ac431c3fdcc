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
// returns its URL; t.Cleanup drops it. It fails the test if the server
// cannot be reached.
func Postgres(t testing.TB, rawURL string) DB {
	t.Helper()
	return onServer(t, postgresServer, rawURL)
}

// MySQL creates a fresh database on the MySQL/MariaDB server at rawURL and
// returns its URL; t.Cleanup drops it. It fails the test if the server
// cannot be reached.
func MySQL(t testing.TB, rawURL string) DB {
	t.Helper()
	return onServer(t, mysqlServer, rawURL)
}

// RandomName returns a database name of the form flagon_<16 hex digits>.
func RandomName() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return "flagon_" + hex.EncodeToString(b[:])
}

// server knows how to create and drop databases on one kind of server.
type server struct {
	name, env, driver string
	dsn               func(*url.URL) string
	create, drop      func(name string) string
}

var postgresServer = server{
	name: "postgresql", env: EnvPostgres, driver: "pgx", dsn: pgDSN,
	create: func(n string) string { return `CREATE DATABASE "` + n + `"` },
	drop:   func(n string) string { return `DROP DATABASE IF EXISTS "` + n + `" WITH (FORCE)` },
}

var mysqlServer = server{
	name: "mysql", env: EnvMySQL, driver: "mysql", dsn: mysqlDSN,
	create: func(n string) string { return "CREATE DATABASE `" + n + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" },
	drop:   func(n string) string { return "DROP DATABASE IF EXISTS `" + n + "`" },
}

// onServer creates a database for a test, dropped in t.Cleanup.
func onServer(t testing.TB, s server, rawURL string) DB {
	t.Helper()
	db, dropDB, err := s.fresh(rawURL)
	if err != nil {
		t.Fatalf("%v", err)
	}
	t.Cleanup(func() {
		if err := dropDB(); err != nil {
			t.Errorf("%v", err)
		}
	})
	return db
}

// fresh creates a database and returns it with the function that drops it.
func (s server) fresh(rawURL string) (DB, func() error, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return DB{}, nil, fmt.Errorf("dbtest: %s=%q is not a database URL (want scheme://user@host:port/db)", s.env, rawURL)
	}
	name := RandomName()
	admin := s.dsn(u)
	if err := exec(s.driver, admin, s.create(name)); err != nil {
		return DB{}, nil, fmt.Errorf("dbtest: %s server unreachable or refused %q: %w", s.name, s.create(name), err)
	}
	dropDB := func() error {
		if err := exec(s.driver, admin, s.drop(name)); err != nil {
			return fmt.Errorf("dbtest: cleanup %q: %w", s.drop(name), err)
		}
		return nil
	}
	return DB{Name: s.name, URL: withDatabase(u, name)}, dropDB, nil
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

// exec opens a short-lived connection and runs one statement.
func exec(driver, dsn, stmt string) error {
	db, err := sql.Open(driver, dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err = db.ExecContext(ctx, stmt)
	return err
}
