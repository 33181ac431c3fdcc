package autogen_test

import (
	"context"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate/autogen"
	"github.com/flagon-go/flagon/orm"
)

type flaskrUser struct {
	ID       int    `orm:"pk"`
	Username string `orm:"type:text;unique"`
}

func (flaskrUser) TableName() string { return "user" }

type flaskrUserNoUnique struct {
	ID       int    `orm:"pk"`
	Username string `orm:"type:text"`
}

func (flaskrUserNoUnique) TableName() string { return "user" }

// TestSQLiteInlineKeys compares Flaskr's hand-written user table (an
// INTEGER PRIMARY KEY, which SQLite reports nullable, and an inline
// UNIQUE, whose index SQLite names sqlite_autoindex_user_1) with models.
func TestSQLiteInlineKeys(t *testing.T) {
	tests := []struct {
		name  string
		model any
		want  string
	}{
		{"same schema", flaskrUser{}, ""},
		{"unique removed", flaskrUserNoUnique{}, "Detected removed index 'sqlite_autoindex_user_1' on 'user'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := orm.Open(dbtest.SQLite(t).URL)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.SQL().Exec("CREATE TABLE user (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT UNIQUE NOT NULL)"); err != nil {
				t.Fatal(err)
			}
			res, err := autogen.CompareDB(context.Background(), db.SQL(), metadata(t, tt.model), autogen.Options{Dialect: "sqlite"})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(res.Detected, "\n"); got != tt.want {
				t.Errorf("detected %q, want %q", got, tt.want)
			}
		})
	}
}

type implicitFKPost struct {
	ID     int  `orm:"pk"`
	UserID *int `orm:"fk:user.id"`
}

func (implicitFKPost) TableName() string { return "post" }

// TestSQLiteImplicitForeignKey: a foreign key declared without a column
// list ("REFERENCES user") references the parent's primary key, as in
// SQLite, so models naming user.id find no change; one whose parent has
// no primary key is an error naming the table.
func TestSQLiteImplicitForeignKey(t *testing.T) {
	tests := []struct {
		name, user, want string
		err              bool
	}{
		{"references the primary key", "CREATE TABLE user (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT UNIQUE NOT NULL)", "", false},
		{"parent without a primary key", "CREATE TABLE user (id INTEGER, username TEXT UNIQUE NOT NULL)",
			`table "post": a foreign key declares REFERENCES user without columns, and table "user" has no primary key`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := orm.Open(dbtest.SQLite(t).URL)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for _, s := range []string{tt.user, "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES user)"} {
				if _, err := db.SQL().Exec(s); err != nil {
					t.Fatal(err)
				}
			}
			res, err := autogen.CompareDB(context.Background(), db.SQL(), metadata(t, flaskrUser{}, implicitFKPost{}), autogen.Options{Dialect: "sqlite"})
			if tt.err {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("error %v, want %s", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(res.Detected, "\n"); got != tt.want {
				t.Errorf("detected %q, want %q", got, tt.want)
			}
		})
	}
}
