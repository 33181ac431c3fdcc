package database_test

import (
	"bytes"
	"testing"

	"github.com/flagon-go/flagon/ext/database"
)

// TestCommandGroupUsageErrors: the standalone "db" group answers a command
// line it cannot run as Click does, instead of printing its help.
func TestCommandGroupUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown subcommand", []string{"no-such-command"}, "No such command 'no-such-command'."},
		{"unknown option", []string{"create-all", "--bogus"}, "No such option: --bogus"},
		{"extra argument", []string{"shell", "x"}, "Got unexpected extra argument (x)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := database.New(newApp(t, map[string]any{"DATABASE_URL": "sqlite://"}))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			g := db.CommandGroup()
			g.SetOut(&bytes.Buffer{})
			g.SetArgs(tt.args)
			if err := g.Execute(); err == nil || err.Error() != tt.want {
				t.Errorf("db %v: %v, want %q", tt.args, err, tt.want)
			}
		})
	}
}
