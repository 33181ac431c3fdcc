package tfb

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
)

// schema creates the two tables as TechEmpower's create-postgres.sql does
// (unquoted names, so the column is randomnumber on PostgreSQL).
var schema = []string{
	"DROP TABLE IF EXISTS world",
	"DROP TABLE IF EXISTS fortune",
	"CREATE TABLE world (id integer NOT NULL PRIMARY KEY, randomnumber integer NOT NULL DEFAULT 0)",
	"CREATE TABLE fortune (id integer NOT NULL PRIMARY KEY, message varchar(2048) NOT NULL)",
}

// fillWorld inserts WorldRows rows with random numbers in 1..10000.
var fillWorld = map[string]string{
	"pgx": "INSERT INTO world (id, randomnumber) SELECT x, least(floor(random() * 10000 + 1), 10000) FROM generate_series(1, 10000) AS x",
	"sqlite": "WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < 10000) " +
		"INSERT INTO world (id, randomnumber) SELECT x, abs(random()) % 10000 + 1 FROM s",
}

// Load creates the bench database if it is a PostgreSQL database that does
// not exist yet, then (re)creates and fills the world and fortune tables.
func Load(ctx context.Context, dbURL string) error {
	driver, _, err := DriverDSN(dbURL)
	if err != nil {
		return err
	}
	if driver == "pgx" {
		if err := createPostgresDB(ctx, dbURL); err != nil {
			return err
		}
	}
	db, err := Open(dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	return fill(ctx, db, driver)
}

// fill runs the schema and inserts the rows in one transaction.
func fill(ctx context.Context, db *sql.DB, driver string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("tfb: load: %w", err)
	}
	defer tx.Rollback()
	stmts := append(append([]string(nil), schema...), fillWorld[driver])
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("tfb: load: %s: %w", s, err)
		}
	}
	for _, f := range Fortunes {
		if _, err := tx.ExecContext(ctx, "INSERT INTO fortune (id, message) VALUES ("+placeholders(driver)+")", f.ID, f.Message); err != nil {
			return fmt.Errorf("tfb: load fortune %d: %w", f.ID, err)
		}
	}
	return tx.Commit()
}

// placeholders returns the two parameter markers of the driver.
func placeholders(driver string) string {
	if driver == "pgx" {
		return "$1, $2"
	}
	return "?, ?"
}

// createPostgresDB creates the URL's database through the server's
// "postgres" database when it does not exist.
func createPostgresDB(ctx context.Context, dbURL string) error {
	u, err := url.Parse(dbURL)
	if err != nil {
		return fmt.Errorf("tfb: %w", err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	u.Scheme, u.Path = "postgresql", "/postgres"
	admin, err := Open(u.String())
	if err != nil {
		return err
	}
	defer admin.Close()
	var exists bool
	if err := admin.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		return fmt.Errorf("tfb: %s: %w", u.Redacted(), err)
	}
	if exists {
		return nil
	}
	_, err = admin.ExecContext(ctx, `CREATE DATABASE "`+strings.ReplaceAll(name, `"`, `""`)+`"`)
	return err
}

// WorldTable returns every world row as id -> randomnumber, for checking
// that /updates wrote what it answered.
func WorldTable(ctx context.Context, db *sql.DB) (map[int]int, error) {
	rows, err := db.QueryContext(ctx, "SELECT id, randomnumber FROM world")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[int]int, WorldRows)
	for rows.Next() {
		var id, n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}
