package main

import (
	"bytes"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
)

const secretKeyWarning = "SECRET_KEY is not set: using a random key"

// TestSecretKeyWarningOnlyWhenServing: in debug mode without SECRET_KEY
// the warning is printed once when the server starts, and not for --help,
// a usage error or another command.
func TestSecretKeyWarningOnlyWhenServing(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		serve bool
		want  int
	}{
		{"help", []string{"--help"}, false, 0},
		{"run help", []string{"run", "--help"}, false, 0},
		{"usage error", []string{"run", "--port", "x"}, false, 0},
		{"routes", []string{"routes"}, false, 0},
		{"run", []string{"run", "-p", "0", "--no-reload"}, true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("SECRET_KEY", "")
			t.Setenv("FLAGON_DEBUG", "")
			os.Unsetenv("FLAGON_DEBUG") // the example's default: debug mode
			t.Setenv("DATABASE_URL", dbtest.SQLite(t).URL)
			// What the factory logs before the CLI installs its logger
			// goes to slog's default logger: capture it too.
			var early bytes.Buffer
			defer slog.SetDefault(slog.Default())
			slog.SetDefault(slog.New(slog.NewTextHandler(&early, nil)))
			var out string
			if tt.serve {
				p := flagontest.StartCLI(t, newApp, tt.args...)
				if p.URL(20*time.Second) == "" {
					_, errOut, code := p.Stop()
					t.Fatalf("not serving (exit %d):\n%s", code, errOut)
				}
				stdout, stderr, _ := p.Stop()
				out = stdout + stderr
			} else {
				stdout, stderr, _ := flagontest.RunCLI(t, newApp, tt.args...)
				out = stdout + stderr
			}
			out += early.String()
			if got := strings.Count(out, secretKeyWarning); got != tt.want {
				t.Errorf("warning printed %d times, want %d:\n%s", got, tt.want, out)
			}
		})
	}
}
