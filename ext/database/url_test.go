package database_test

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
)

// TestURLFromEnvironment: the default database's URL comes from the app's
// config first, then from the environment (FLAGON_ prefixed as Flask's
// from_prefixed_env, then the twelve-factor DATABASE_URL).
func TestURLFromEnvironment(t *testing.T) {
	dir := t.TempDir()
	file := func(name string) string { return "sqlite:///" + filepath.Join(dir, name) }
	tests := []struct {
		name   string
		config map[string]any
		env    map[string]string
		want   string // database file name
	}{
		{"DATABASE_URL", nil, map[string]string{"DATABASE_URL": file("env.db")}, "env.db"},
		{"FLAGON_DATABASE_URL", nil, map[string]string{"FLAGON_DATABASE_URL": file("prefixed.db"), "DATABASE_URL": file("env.db")}, "prefixed.db"},
		{"FLAGON_SQLALCHEMY_DATABASE_URI", nil, map[string]string{"FLAGON_SQLALCHEMY_DATABASE_URI": file("uri.db"), "DATABASE_URL": file("env.db")}, "uri.db"},
		{"SQLALCHEMY_DATABASE_URI", nil, map[string]string{"SQLALCHEMY_DATABASE_URI": file("bare.db")}, "bare.db"},
		{"empty variable is unset", nil, map[string]string{"FLAGON_DATABASE_URL": "", "DATABASE_URL": file("env.db")}, "env.db"},
		{"config wins", map[string]any{"SQLALCHEMY_DATABASE_URI": file("config.db")}, map[string]string{"DATABASE_URL": file("env.db")}, "config.db"},
		{"nothing set", nil, nil, "app.db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, name := range []string{"FLAGON_DATABASE_URL", "FLAGON_SQLALCHEMY_DATABASE_URI", "DATABASE_URL", "SQLALCHEMY_DATABASE_URI"} {
				t.Setenv(name, tt.env[name])
			}
			db, err := database.New(newApp(t, tt.config))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if got := filepath.Base(db.Engine().URL().Database); got != tt.want {
				t.Errorf("database = %s, want %s", db.Engine().URL().Database, tt.want)
			}
		})
	}
}

// TestStartupLogsDatabase: the server logs the database it uses, with the
// password masked.
func TestStartupLogsDatabase(t *testing.T) {
	var logs bytes.Buffer
	app := flagon.New(flagon.WithRootPath(t.TempDir()), flagon.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))),
		flagon.WithConfig(map[string]any{"DATABASE_URL": "postgresql://scott:tiger-secret@127.0.0.1:1/shop"}))
	db, err := database.New(app)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // run the start-up hooks, then shut down at once
	if err := app.Serve(ctx, &http.Server{Handler: app}, ln); err != nil {
		t.Fatal(err)
	}
	out := logs.String()
	if !strings.Contains(out, "msg=database") || !strings.Contains(out, "scott:***@127.0.0.1:1/shop") || strings.Contains(out, "tiger-secret") {
		t.Errorf("start-up log = %q, want the database with its password masked", out)
	}
}
