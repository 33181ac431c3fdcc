package database_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/orm"
)

// TestEchoUnderRun: SQLALCHEMY_ECHO=true shows the statements in `run`'s
// terminal log (at info level, as SQLAlchemy's echo=True), although the
// CLI installs its logger after the factory opened the database.
func TestEchoUnderRun(t *testing.T) {
	root := t.TempDir()
	factory := func() (*flagon.App, error) {
		app := flagon.New(flagon.WithRootPath(root))
		app.Config.FromEnv("FLAGON")
		db, err := database.New(app)
		if err != nil {
			return nil, err
		}
		app.Get("/answer", func(c *flagon.Ctx) error {
			_, err := orm.Exec(c.Context(), db.Engine(), "SELECT 42")
			return err
		})
		return app, nil
	}
	tests := []struct {
		name, echo string
		want       bool
	}{
		{"echo on", "true", true},
		{"echo off", "false", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("FLAGON_SQLALCHEMY_ECHO", tt.echo)
			t.Setenv("FLAGON_DATABASE_URL", "sqlite://")
			p := flagontest.StartCLI(t, factory, "--no-debug", "run", "-p", "0")
			url := p.URL(10 * time.Second)
			if url == "" {
				_, errOut, code := p.Stop()
				t.Fatalf("not serving (exit %d):\n%s", code, errOut)
			}
			resp, err := http.Get(url + "/answer")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			p.WaitOutput("path=/answer", 5*time.Second)
			_, errOut, _ := p.Stop()
			if got := strings.Contains(errOut, "INFO  SELECT 42"); got != tt.want {
				t.Errorf("statement in the log = %v, want %v:\n%s", got, tt.want, errOut)
			}
		})
	}
}
