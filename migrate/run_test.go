package migrate_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/internal/tutorial/versions"
)

func TestTutorialUpgradeDowngrade(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		sdb := open(t, db)
		m, log := migrator(t, sdb, db.Name, versions.All())
		if err := m.Upgrade(ctx, "+1"); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"Chair", "Table", "Lamp"} {
			if _, err := sdb.Exec("INSERT INTO product (name) VALUES ('" + name + "')"); err != nil {
				t.Fatal(err)
			}
		}
		steps := []struct {
			name    string
			run     func() error
			current []string
			cols    []string
		}{
			{"upgrade head", func() error { return m.Upgrade(ctx, "head") }, []string{"8825e31503db"}, []string{"id", "name", "price"}},
			{"downgrade -1", func() error { return m.Downgrade(ctx, "-1") }, []string{"db531a47e319"}, []string{"id", "name"}},
			{"upgrade again", func() error { return m.Upgrade(ctx, "heads") }, []string{"8825e31503db"}, []string{"id", "name", "price"}},
		}
		for _, s := range steps {
			if err := s.run(); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			cur, err := m.Current(ctx)
			if err != nil || !slices.Equal(cur, s.current) {
				t.Fatalf("%s: Current() = %v, %v; want %v", s.name, cur, err, s.current)
			}
			if cols := columns(t, sdb, "product"); !slices.Equal(cols, s.cols) {
				t.Errorf("%s: columns = %v, want %v", s.name, cols, s.cols)
			}
			if ids := queryInts(t, sdb, "SELECT id FROM product ORDER BY id"); !slices.Equal(ids, []int64{1, 2, 3}) {
				t.Errorf("%s: product ids = %v, want [1 2 3] (rows must survive)", s.name, ids)
			}
		}
		if err := m.Downgrade(ctx, "base"); err != nil {
			t.Fatal(err)
		}
		if tableExists(sdb, "product") {
			t.Error("product still exists after downgrade base")
		}
		want := []string{
			"Running upgrade  -> db531a47e319, initial migration",
			"Running upgrade db531a47e319 -> 8825e31503db, add price column",
			"Running downgrade 8825e31503db -> db531a47e319, add price column",
			"Running upgrade db531a47e319 -> 8825e31503db, add price column",
			"Running downgrade 8825e31503db -> db531a47e319, add price column",
			"Running downgrade db531a47e319 -> , initial migration",
		}
		lines := strings.Split(strings.TrimSpace(log.String()), "\n")
		if len(lines) != len(want) {
			t.Fatalf("log = %q", log.String())
		}
		for i, l := range lines {
			if !strings.HasPrefix(l, want[i]+" (") || !strings.HasSuffix(l, ")") {
				t.Errorf("log line %d = %q, want %q with a duration", i, l, want[i])
			}
		}
	})
}

func TestCurrentWithoutVersionTable(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		m, _ := migrator(t, open(t, db), db.Name, versions.All())
		cur, err := m.Current(context.Background())
		if err != nil || cur != nil {
			t.Errorf("Current() = %v, %v; want nothing", cur, err)
		}
	})
}

func TestUpgradeErrors(t *testing.T) {
	m, _ := migrator(t, open(t, dbtest.SQLite(t)), migrate.SQLite, versions.All())
	tests := []struct {
		name, target, want string
	}{
		{"unknown", "zzz", "Can't locate revision identified by 'zzz'"},
		{"past head", "+3", "Relative revision +3 didn't produce 3 migrations"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := m.Upgrade(context.Background(), tt.target)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Upgrade(%q) = %v, want %q", tt.target, err, tt.want)
			}
		})
	}
}

func TestStamp(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		m, _ := migrator(t, open(t, db), db.Name, versions.All())
		steps := []struct {
			target string
			purge  bool
			want   []string
		}{
			{"head", false, []string{"8825e31503db"}},
			{"db531a47e319", false, []string{"db531a47e319"}},
			{"base", false, nil},
			{"8825", true, []string{"8825e31503db"}},
		}
		for _, s := range steps {
			if err := m.Stamp(ctx, s.target, s.purge); err != nil {
				t.Fatal(err)
			}
			if cur, _ := m.Current(ctx); !slices.Equal(cur, s.want) {
				t.Errorf("after stamp %s: Current() = %v, want %v", s.target, cur, s.want)
			}
		}
		var re *migrate.RevisionError
		if errors.As(m.Stamp(ctx, "nope", false), &re) {
			t.Error("stamp of unknown revision should be a graph error")
		}
	})
}
