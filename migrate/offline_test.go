package migrate_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/internal/tutorial/versions"
)

func TestOfflineSQLGolden(t *testing.T) {
	tests := []struct {
		name, rng string
		up        bool
	}{
		{"upgrade_head", "head", true},
		{"upgrade_range", "db531a47e319:head", true},
		{"downgrade_base", "head:base", false},
	}
	for _, d := range []string{migrate.SQLite, migrate.PostgreSQL, migrate.MySQL} {
		for _, tt := range tests {
			t.Run(d+"/"+tt.name, func(t *testing.T) {
				m, err := migrate.NewMigrator(nil, d, versions.All())
				if err != nil {
					t.Fatal(err)
				}
				var out, log bytes.Buffer
				m.Log = &log
				run := m.UpgradeSQL
				if !tt.up {
					run = m.DowngradeSQL
				}
				if err := run(context.Background(), &out, tt.rng); err != nil {
					t.Fatal(err)
				}
				migrate.Golden(t, filepath.Join("offline", d, tt.name+".sql"), out.String())
				if !strings.Contains(log.String(), "Generating static SQL") {
					t.Errorf("log = %q", log.String())
				}
			})
		}
	}
}

func TestDowngradeSQLNeedsRange(t *testing.T) {
	m, _ := migrate.NewMigrator(nil, migrate.SQLite, versions.All())
	if err := m.DowngradeSQL(context.Background(), &bytes.Buffer{}, "base"); err == nil || !strings.Contains(err.Error(), "<fromrev>:<torev>") {
		t.Errorf("DowngradeSQL(base) = %v", err)
	}
}
