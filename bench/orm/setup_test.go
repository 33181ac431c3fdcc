package ormbench

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// targets returns the databases to run on: SQLite always, PostgreSQL at
// FLAGON_ORMBENCH_POSTGRES (default DefaultPostgres; "off" disables it).
// An unreachable default server is skipped with a log line; an explicitly
// configured one that cannot be reached fails.
func targets(tb testing.TB) []Target {
	tb.Helper()
	ts := []Target{SQLite(filepath.Join(tb.TempDir(), "bench.db"))}
	pgURL, set := os.LookupEnv("FLAGON_ORMBENCH_POSTGRES")
	set = set && pgURL != "" // empty means the default, as if unset
	if pgURL == "off" {
		return ts
	}
	if !set {
		pgURL = DefaultPostgres
	}
	err := EnsureDatabase(context.Background(), pgURL)
	switch {
	case err == nil:
		return append([]Target{Postgres(pgURL)}, ts...)
	case errors.Is(err, ErrUnreachable) && !set:
		tb.Logf("skipping PostgreSQL: %v", err)
		return ts
	}
	tb.Fatalf("PostgreSQL at FLAGON_ORMBENCH_POSTGRES: %v", err)
	return nil
}

// openImpl empties the models table of t and opens o on it, or skips when o
// does not apply to t.
func openImpl(tb testing.TB, t Target, o Opener) Impl {
	tb.Helper()
	ctx := context.Background()
	admin, err := t.Open()
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	if err := prepareTable(ctx, t, admin); err != nil {
		tb.Fatal(err)
	}
	im, err := o.Open(t)
	if errors.Is(err, ErrNotApplicable) {
		tb.Skipf("%s does not run on %s", o.Name, t.Name)
	}
	if err != nil {
		tb.Fatalf("open %s on %s: %v", o.Name, t.Name, err)
	}
	tb.Cleanup(func() { im.Close() })
	return im
}

// prepareTable creates the models table if needed and empties it.
func prepareTable(ctx context.Context, t Target, db *sql.DB) error {
	if err := t.Create(ctx, db); err != nil {
		return err
	}
	return t.Reset(ctx, db)
}
