package cli_test

import (
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// TestTagFlag checks that upgrade --tag and downgrade --tag reach the
// revision as op.Tag(), online and with --sql.
func TestTagFlag(t *testing.T) {
	a := newApp(t, dbtest.SQLite(t))
	a.must("init")
	a.must("revision", "-m", "tagged", "--rev-id", "aaaa1111")
	var seen []string
	record := func(op *migrate.Op) error { seen = append(seen, op.Tag()); return nil }
	a.revs = []*migrate.Revision{{ID: "aaaa1111", Message: "tagged", Upgrade: record, Downgrade: record}}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"upgrade with a tag", []string{"upgrade", "--tag", "seed-demo"}, "seed-demo"},
		{"downgrade with a tag", []string{"downgrade", "--tag", "keep data"}, "keep data"},
		{"upgrade without a tag", []string{"upgrade"}, ""},
		{"offline upgrade with a tag", []string{"upgrade", "--sql", "--tag", "offline"}, "offline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seen = nil
			a.must(tt.args...)
			if len(seen) == 0 || seen[len(seen)-1] != tt.want {
				t.Errorf("revision saw tags %q, want %q last", seen, tt.want)
			}
		})
	}
}
