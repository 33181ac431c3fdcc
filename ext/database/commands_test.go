package database_test

import (
	"bytes"
	"context"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

func TestShellCommand(t *testing.T) {
	tests := []struct {
		url  string
		args []string
		env  string
	}{
		{"sqlite:////tmp/app.db", []string{"sqlite3", "/tmp/app.db"}, ""},
		{"sqlite://", []string{"sqlite3", ":memory:"}, ""},
		{"postgresql+psycopg2://bob:secret@db.local:5433/shop?sslmode=disable", []string{"psql", "postgresql://bob@db.local:5433/shop"}, "PGPASSWORD=secret"},
		{"mysql+pymysql://root:secret@127.0.0.1:3307/shop", []string{"mysql", "-h", "127.0.0.1", "-P", "3307", "-u", "root", "shop"}, "MYSQL_PWD=secret"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			u, err := orm.ParseURL(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			cmd, err := database.ShellCommand(u)
			if err != nil {
				t.Fatal(err)
			}
			if got := append([]string{cmd.Args[0]}, cmd.Args[1:]...); !slices.Equal(got, tt.args) {
				t.Fatalf("args %q, want %q", got, tt.args)
			}
			if tt.env != "" && !slices.Contains(cmd.Env, tt.env) {
				t.Errorf("env lacks %s", tt.env)
			}
			if strings.Contains(strings.Join(cmd.Args, " "), "secret") {
				t.Error("the password is on the command line")
			}
		})
	}
}

// TestShellRunsTheClient pipes a query into the real client of each
// database whose client is installed.
func TestShellRunsTheClient(t *testing.T) {
	clients := map[string]string{"sqlite": "sqlite3", "postgresql": "psql", "mysql": "mysql"}
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		if _, err := exec.LookPath(clients[d.Name]); err != nil {
			t.Skipf("%s is not installed", clients[d.Name])
		}
		_, db := setup(t, d.URL, 2, nil)
		root := db.CommandGroup()
		var out bytes.Buffer
		root.SetIn(strings.NewReader("SELECT count(*) FROM product;\n"))
		root.SetOut(&out)
		root.SetErr(&out)
		root.SetArgs([]string{"shell"})
		if err := root.ExecuteContext(context.Background()); err != nil {
			t.Fatalf("%v: %s", err, out.String())
		}
		if !strings.Contains(out.String(), "2") {
			t.Fatalf("client output %q", out.String())
		}
	})
}

func TestCreateAllAndDropAllCommands(t *testing.T) {
	_, db := setup(t, dbtest.SQLite(t).URL, 0, nil)
	run := func(args ...string) (string, error) {
		root := db.CommandGroup()
		var out bytes.Buffer
		root.SetOut(&out)
		root.SetErr(&out)
		root.SetArgs(args)
		err := root.ExecuteContext(context.Background())
		return out.String(), err
	}
	if _, err := run("drop-all"); err == nil || !strings.Contains(err.Error(), "--yes") {
		t.Fatalf("drop-all without --yes: %v", err)
	}
	if out, err := run("drop-all", "--yes"); err != nil || !strings.Contains(out, "Dropped") {
		t.Fatalf("drop-all: %q %v", out, err)
	}
	if _, err := orm.Select[Product](db.Engine()).Count(context.Background()); err == nil {
		t.Fatal("table still there")
	}
	if out, err := run("create-all"); err != nil || !strings.Contains(out, "Created") {
		t.Fatalf("create-all: %q %v", out, err)
	}
	if _, err := orm.Select[Product](db.Engine()).Count(context.Background()); err != nil {
		t.Fatalf("table missing: %v", err)
	}
}
