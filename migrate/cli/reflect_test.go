package cli_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/internal/usage"
	"github.com/flagon-go/flagon/orm"
)

// flaskrApp is an application whose database has Flaskr's tables.
func flaskrApp(t *testing.T) *app {
	db := dbtest.SQLite(t)
	o, err := orm.Open(db.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	for _, stmt := range []string{
		"CREATE TABLE user (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT UNIQUE NOT NULL, password TEXT NOT NULL)",
		"CREATE TABLE post (id INTEGER PRIMARY KEY AUTOINCREMENT, author_id INTEGER NOT NULL, " +
			"created TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, title TEXT NOT NULL, body TEXT NOT NULL, " +
			"FOREIGN KEY (author_id) REFERENCES user (id))",
		"CREATE VIEW post_title AS SELECT id, title FROM post",
	} {
		if _, err := o.SQL().Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	return newApp(t, db)
}

func TestReflect(t *testing.T) {
	a := flaskrApp(t)
	t.Run("stdout", func(t *testing.T) {
		out := a.stdout("reflect")
		for _, want := range []string{"package models\n", "type User struct", "type Post struct",
			"`orm:\"column:author_id;fk:user.id\"`", "Posts orm.Many[Post] `orm:\"back_populates:Author\"`",
			"var Models = []any{User{}, Post{}}"} {
			contains(t, out, want)
		}
	})
	t.Run("views are never reflected, --noviews changes nothing", func(t *testing.T) {
		out := a.stdout("reflect")
		if strings.Contains(out, "PostTitle") || strings.Contains(out, "post_title") {
			t.Errorf("the view was reflected:\n%s", out)
		}
		if got := a.stdout("reflect", "--noviews"); got != out {
			t.Errorf("--noviews changed the output:\n%s\nwithout it:\n%s", got, out)
		}
		contains(t, a.stdout("reflect", "--help"), "Ignore views, as sqlacodegen's --noviews; accepted and has no effect: views are never reflected")
	})
	t.Run("tables and outfile", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "blog", "user.go")
		a.must("reflect", "--tables", "user", "-o", path)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		contains(t, string(src), "package blog\n")
		if strings.Contains(string(src), "type Post struct") || strings.Contains(string(src), "orm.Many[Post]") {
			t.Errorf("--tables user wrote the post model:\n%s", src)
		}
	})
	t.Run("out directory and package", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "models-dir")
		a.must("reflect", "--out", dir, "--package", "db")
		src, err := os.ReadFile(filepath.Join(dir, "models.go"))
		if err != nil {
			t.Fatal(err)
		}
		contains(t, string(src), "package db\n")
	})
}

func TestReflectErrors(t *testing.T) {
	a := flaskrApp(t)
	tests := []struct {
		name  string
		args  []string
		url   string
		want  string
		usage bool
	}{
		{"unknown table", []string{"reflect", "--tables", "user,comment"}, "",
			`reflect: no table "comment" in the database (it has: user, post)`, false},
		{"outfile and out", []string{"reflect", "-o", "a.go", "--out", "dir"}, "",
			"Options '--outfile' and '--out' cannot be used together.", true},
		{"unknown bind", []string{"reflect", "--bind", "users"}, "",
			`Invalid value for '--bind': no database named "users" (there are no binds).`, true},
		{"unknown option", []string{"reflect", "--table", "user"}, "", "No such option: --table", true},
		{"unreachable database", []string{"reflect"}, "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2",
			"reflect: cannot reach the postgresql database: ", false},
		{"no database", []string{"reflect"}, "-", "no database configured", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			saved := a.url
			defer func() { a.url = saved }()
			switch tt.url {
			case "-":
				a.url = ""
			case "":
			default:
				a.url = tt.url
			}
			_, err := a.run(tt.args...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("db %v: error %v, want %q", tt.args, err, tt.want)
			}
			var ue *usage.Error
			if errors.As(err, &ue) != tt.usage {
				t.Errorf("usage error (exit 2) = %v, want %v", !tt.usage, tt.usage)
			}
		})
	}
}
