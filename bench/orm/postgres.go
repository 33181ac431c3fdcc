package ormbench

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// DefaultPostgres is the benchmark database used when FLAGON_ORMBENCH_POSTGRES
// is unset.
const DefaultPostgres = "postgres://postgres@127.0.0.1:5432/flagon_ormbench?sslmode=disable"

// ErrUnreachable reports that the PostgreSQL server did not answer.
var ErrUnreachable = errors.New("postgres unreachable")

// EnsureDatabase connects to the server of pgURL and creates its database
// if it is missing. It wraps ErrUnreachable when the server cannot be
// reached within a few seconds.
func EnsureDatabase(ctx context.Context, pgURL string) error {
	u, err := url.Parse(pgURL)
	if err != nil {
		return fmt.Errorf("postgres url: %w", err)
	}
	name := strings.TrimPrefix(u.Path, "/")
	u.Path = "/postgres"
	db, err := sql.Open("pgx", u.String())
	if err != nil {
		return err
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		return fmt.Errorf("%w: %v", ErrUnreachable, err)
	}
	if err := createDatabase(ctx, db, name); err != nil {
		return err
	}
	return noSyncCommit(ctx, db, name)
}

// noSyncCommit turns synchronous_commit off for the benchmark database, so
// that a commit does not wait for the WAL flush: writes then measure the
// client and server work, not the disk, which other jobs on this machine
// share. It applies to connections opened afterwards.
func noSyncCommit(ctx context.Context, db *sql.DB, name string) error {
	_, err := db.ExecContext(ctx, `ALTER DATABASE "`+strings.ReplaceAll(name, `"`, `""`)+`" SET synchronous_commit = off`)
	return err
}

// createDatabase creates database name unless it exists.
func createDatabase(ctx context.Context, db *sql.DB, name string) error {
	var n int
	err := db.QueryRowContext(ctx, "SELECT count(*) FROM pg_database WHERE datname = $1", name).Scan(&n)
	if err != nil || n > 0 {
		return err
	}
	_, err = db.ExecContext(ctx, `CREATE DATABASE "`+strings.ReplaceAll(name, `"`, `""`)+`"`)
	return err
}
