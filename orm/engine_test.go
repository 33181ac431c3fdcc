package orm_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flagon-go/flagon/orm"
)

func TestOpenMemoryDatabaseIsSharedByThePool(t *testing.T) {
	for _, url := range []string{"sqlite://", "sqlite:///:memory:"} {
		t.Run(url, func(t *testing.T) {
			ctx := context.Background()
			db, err := orm.Open(url, orm.MaxOpenConns(10))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if err := newMetaData(t).CreateAll(ctx, db); err != nil {
				t.Fatal(err)
			}
			var wg sync.WaitGroup
			for i := range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					if err := orm.Insert(ctx, db, &Owner{Email: strings.Repeat("x", i+1)}); err != nil {
						t.Error(err)
					}
				}()
			}
			wg.Wait()
			if n, err := orm.Select[Owner](db).Count(ctx); err != nil || n != 8 {
				t.Errorf("rows seen by the pool = %d, %v; want 8", n, err)
			}
		})
	}
}

func TestOpenOptionsAndAccessors(t *testing.T) {
	db, err := orm.Open("sqlite:///"+t.TempDir()+"/x.db", orm.MaxOpenConns(3), orm.MaxIdleConns(2),
		orm.ConnMaxLifetime(time.Minute), orm.PrePing())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if db.SQL().Stats().MaxOpenConnections != 3 || db.Dialect().Name() != "sqlite" || db.URL().Dialect != "sqlite" {
		t.Errorf("options or accessors wrong: %+v", db.SQL().Stats())
	}
	var mode string
	if err := db.SQL().QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := db.SQL().QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", fk, err)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := orm.Open("oracle://u:pw@h/d"); err == nil || !strings.Contains(err.Error(), "oracle") {
		t.Errorf("unknown dialect err = %v", err)
	}
	_, err := orm.Open("postgresql://u:hunter2@127.0.0.1:1/d", orm.PrePing())
	if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "***") {
		t.Errorf("unreachable server err = %v, want a redacted connection error", err)
	}
	// pgx reads the options when the engine opens, not at the first query.
	_, err = orm.Open("postgresql://u:hunter2@127.0.0.1/d?sslmode=sometimes")
	if err == nil || strings.Contains(err.Error(), "hunter2") || !strings.Contains(err.Error(), "sslmode") {
		t.Errorf("bad sslmode err = %v, want it named, without the password", err)
	}
}

func TestEcho(t *testing.T) {
	var buf bytes.Buffer
	// Info level, as SQLAlchemy's echo=True: a logger at its default level
	// shows the statements.
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	db, err := orm.Open("sqlite://", orm.Echo(logger))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := orm.Exec(context.Background(), db, "SELECT ?", 42); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`msg="SELECT ?"`, "args=[42]", "duration=", "engine_test.go:"} {
		if !strings.Contains(out, want) {
			t.Errorf("echo output lacks %q:\n%s", want, out)
		}
	}
}
