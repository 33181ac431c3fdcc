package migration_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/ext/migration"
	"github.com/flagon-go/flagon/flagontest"
)

// TestDBUsageErrors runs bad "db" command lines through the app's command
// line: Click's "Error: ..." messages and exit status 2, where "db
// no-such-command" used to print the help and succeed.
func TestDBUsageErrors(t *testing.T) {
	url := "sqlite:///" + filepath.Join(t.TempDir(), "app.db")
	factory := func() (*flagon.App, error) {
		app := flagon.New(flagon.WithConfig(map[string]any{"DATABASE_URL": url}))
		db, err := database.New(app)
		if err != nil {
			return nil, err
		}
		migration.New(app, db, nil, migration.Options{Directory: filepath.Join(t.TempDir(), "migrations")})
		return app, nil
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown subcommand", []string{"db", "no-such-command"}, 2, "Error: No such command 'no-such-command'."},
		{"unknown option", []string{"db", "upgrade", "--bogus"}, 2, "Error: No such option: --bogus"},
		{"missing argument", []string{"db", "merge"}, 2, "Error: Missing argument 'REVISIONS...'."},
		{"extra argument", []string{"db", "current", "x"}, 2, "Error: Got unexpected extra argument (x)"},
		{"database command option", []string{"db", "create-all", "--bogus"}, 2, "Error: No such option: --bogus"},
		{"group alone shows its help", []string{"db"}, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := flagontest.RunCLI(t, factory, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Fatalf("exit %d, stderr %q; want %d and %q", code, errOut, tt.code, tt.want)
			}
			if tt.code == 0 && !strings.Contains(out, "Perform database migrations.") {
				t.Errorf("help: %q", out)
			}
		})
	}
}
