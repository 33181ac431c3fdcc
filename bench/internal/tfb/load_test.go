package tfb

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkLoaded asserts the row counts, the number range and the fortunes.
func checkLoaded(t *testing.T, dbURL string) {
	t.Helper()
	ctx := context.Background()
	if err := Load(ctx, dbURL); err != nil {
		t.Fatal(err)
	}
	db, err := Open(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	world, err := WorldTable(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if len(world) != WorldRows {
		t.Errorf("world has %d rows, want %d", len(world), WorldRows)
	}
	for id, n := range world {
		if id < 1 || id > WorldRows || n < 1 || n > 10000 {
			t.Fatalf("world row %d has randomnumber %d", id, n)
		}
	}
	var msg string
	if err := db.QueryRowContext(ctx, "SELECT message FROM fortune WHERE id = 12").Scan(&msg); err != nil {
		t.Fatal(err)
	}
	if msg != Fortunes[11].Message {
		t.Errorf("fortune 12 = %q, want %q", msg, Fortunes[11].Message)
	}
}

func TestLoadSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bench.db")
	checkLoaded(t, "sqlite:///"+path)
	checkLoaded(t, "sqlite:///"+path) // a second load replaces the tables
}

func TestLoadPostgres(t *testing.T) {
	base := os.Getenv("FLAGON_TEST_POSTGRES")
	if base == "" {
		t.Skip("FLAGON_TEST_POSTGRES is not set")
	}
	i := strings.LastIndex(base, "/")
	name := fmt.Sprintf("flagon_bench_test_%d", os.Getpid())
	t.Cleanup(func() { dropDatabase(t, base, name) })
	checkLoaded(t, base[:i+1]+name)
}

// dropDatabase drops a test database through the server's base URL,
// closing its remaining connections.
func dropDatabase(t *testing.T, base, name string) {
	admin, err := Open(base)
	if err != nil {
		t.Error(err)
		return
	}
	defer admin.Close()
	if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
		t.Errorf("dropping %s: %v", name, err)
	}
}
