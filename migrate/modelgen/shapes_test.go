package modelgen_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate/modelgen"
	"github.com/flagon-go/flagon/orm"
)

// generateSQLite runs statements on a fresh SQLite database and reflects it.
func generateSQLite(t *testing.T, opts modelgen.Options, stmts ...string) (*modelgen.Result, error) {
	t.Helper()
	o, err := orm.Open(dbtest.SQLite(t).URL)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	for _, s := range stmts {
		if _, err := o.SQL().Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	opts.Dialect = "sqlite"
	return modelgen.Generate(context.Background(), o.SQL(), opts)
}

// TestShapes checks the fields and warnings of schema shapes: each case's
// source must contain every line of want, and the warnings those of warn.
func TestShapes(t *testing.T) {
	tests := []struct {
		name  string
		stmts []string
		opts  modelgen.Options
		want  []string
		warn  []string
	}{
		{
			name: "one-to-one",
			stmts: []string{"CREATE TABLE user (id INTEGER PRIMARY KEY)",
				"CREATE TABLE profile (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL UNIQUE REFERENCES user (id))"},
			want: []string{"Profile orm.One[Profile] `orm:\"back_populates:User\"`", "User orm.One[User] `orm:\"back_populates:Profile\"`"},
		},
		{
			name: "self-referential many-to-many",
			stmts: []string{"CREATE TABLE person (id INTEGER PRIMARY KEY)",
				"CREATE TABLE follow (follower_id INTEGER NOT NULL REFERENCES person (id), followed_id INTEGER NOT NULL REFERENCES person (id), PRIMARY KEY (follower_id, followed_id))"},
			want: []string{
				"orm.Many[Person] `orm:\"secondary:follow;foreign_key:FollowerID;back_populates:Followers\"`",
				"orm.Many[Person] `orm:\"secondary:follow;foreign_key:FollowedID;back_populates:Followeds\"`",
			},
		},
		{
			name: "association table with another column is a model with two to-one fields",
			stmts: []string{"CREATE TABLE a (id INTEGER PRIMARY KEY)", "CREATE TABLE b (id INTEGER PRIMARY KEY)",
				"CREATE TABLE ab (a_id INTEGER NOT NULL REFERENCES a (id), b_id INTEGER NOT NULL REFERENCES b (id), note TEXT, PRIMARY KEY (a_id, b_id))"},
			want: []string{"A orm.One[A] `orm:\"back_populates:Abs\"`", "Abs orm.Many[Ab] `orm:\"back_populates:A\"`"},
		},
		{
			name: "composite foreign key",
			stmts: []string{"CREATE TABLE version (doc INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (doc, n))",
				"CREATE TABLE note (id INTEGER PRIMARY KEY, doc INTEGER, n INTEGER, FOREIGN KEY (doc, n) REFERENCES version (doc, n))"},
			want: []string{`{Name: "", Columns: []string{"doc", "n"}, RefTable: "version", RefColumns: []string{"doc", "n"}}`,
				"Version orm.One[Version]", "Notes orm.Many[Note]"},
		},
		{
			name: "foreign key without a column list references the parent's primary key",
			stmts: []string{"CREATE TABLE user (id INTEGER PRIMARY KEY)",
				"CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES user ON DELETE CASCADE)"},
			want: []string{"UserID *int `orm:\"column:user_id;fk:user.id;ondelete:CASCADE\"`", "User orm.One[User] `orm:\"back_populates:Posts\"`"},
		},
		{
			name: "composite foreign key without a column list",
			stmts: []string{"CREATE TABLE version (doc INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (n, doc))",
				"CREATE TABLE note (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, FOREIGN KEY (a, b) REFERENCES version)"},
			want: []string{`{Name: "", Columns: []string{"a", "b"}, RefTable: "version", RefColumns: []string{"n", "doc"}}`},
		},
		{
			name:  "self-referential foreign key without a column list",
			stmts: []string{"CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES node)"},
			want:  []string{"ParentID *int `orm:\"column:parent_id;fk:node.id\"`"},
		},
		{
			name: "two composite foreign keys to one table",
			stmts: []string{"CREATE TABLE version (doc INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (doc, n))",
				"CREATE TABLE diff (id INTEGER PRIMARY KEY, a_doc INTEGER, a_n INTEGER, b_doc INTEGER, b_n INTEGER, " +
					"FOREIGN KEY (a_doc, a_n) REFERENCES version (doc, n), FOREIGN KEY (b_doc, b_n) REFERENCES version (doc, n))"},
			want: []string{
				"Version  orm.One[Version] `orm:\"foreign_key:BDoc,BN;back_populates:BDocBNDiffs\"`",
				"Version2 orm.One[Version] `orm:\"foreign_key:ADoc,AN;back_populates:ADocANDiffs\"`",
				"BDocBNDiffs orm.Many[Diff] `orm:\"foreign_key:BDoc,BN;back_populates:Version\"`",
				"ADocANDiffs orm.Many[Diff] `orm:\"foreign_key:ADoc,AN;back_populates:Version2\"`",
			},
		},
		{
			name: "self-referential composite foreign key",
			stmts: []string{"CREATE TABLE item (doc INTEGER NOT NULL, n INTEGER NOT NULL, parent_doc INTEGER, parent_n INTEGER, " +
				"PRIMARY KEY (doc, n), FOREIGN KEY (parent_doc, parent_n) REFERENCES item (doc, n))"},
			want: []string{
				"Item                  orm.One[Item]  `orm:\"foreign_key:ParentDoc,ParentN;back_populates:ParentDocParentNItems\"`",
				"ParentDocParentNItems orm.Many[Item] `orm:\"foreign_key:ParentDoc,ParentN;back_populates:Item\"`",
			},
		},
		{
			name:  "tables leave out a referenced table but keep the key",
			stmts: []string{"CREATE TABLE user (id INTEGER PRIMARY KEY)", "CREATE TABLE post (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES user (id))"},
			opts:  modelgen.Options{Tables: []string{"post"}},
			want:  []string{"UserID *int `orm:\"column:user_id;fk:user.id\"`", "var Models = []any{Post{}}"},
		},
		{
			name:  "integer key that is not the rowid does not autoincrement",
			stmts: []string{"CREATE TABLE k (id BIGINT NOT NULL PRIMARY KEY)"},
			want:  []string{"`orm:\"column:id;pk;no_autoincrement\"`"},
		},
		{
			name:  "INTEGER PRIMARY KEY DESC is not the rowid and does not autoincrement",
			stmts: []string{"CREATE TABLE kd (id INTEGER NOT NULL PRIMARY KEY DESC)"},
			want:  []string{"`orm:\"column:id;pk;no_autoincrement\"`"},
		},
		{
			name:  "WITHOUT ROWID INTEGER key does not autoincrement",
			stmts: []string{"CREATE TABLE kw (id INTEGER NOT NULL PRIMARY KEY, v TEXT) WITHOUT ROWID"},
			want:  []string{"`orm:\"column:id;pk;no_autoincrement\"`"},
		},
		{
			name:  "table constraint PRIMARY KEY (id DESC) is the rowid",
			stmts: []string{"CREATE TABLE kt (id INTEGER, PRIMARY KEY (id DESC))"},
			want:  []string{"ID int `orm:\"column:id;pk\"`"},
		},
		{
			name:  "column without a type",
			stmts: []string{"CREATE TABLE loose (id INTEGER PRIMARY KEY, x)"},
			want:  []string{"// WARNING: column x: type \"\" is not reproduced by any orm type"},
			warn:  []string{"table loose: column x: type \"\" is not reproduced by any orm type; autogenerate may report it as changed"},
		},
		{
			name:  "no primary key",
			stmts: []string{"CREATE TABLE log (msg TEXT)"},
			warn:  []string{"table log: it has no primary key; the ORM needs one to load and save rows"},
		},
		{
			name:  "expression index",
			stmts: []string{"CREATE TABLE u (id INTEGER PRIMARY KEY, name TEXT)", "CREATE UNIQUE INDEX ix_lower ON u (lower(name), id DESC)"},
			want:  []string{"// WARNING: index ix_lower UNIQUE (lower(name), id DESC) is on an expression"},
			warn: []string{"table u: index ix_lower UNIQUE (lower(name), id DESC) is on an expression, which models cannot declare; " +
				"it is left out of the models, and autogenerate leaves it in the database"},
		},
		{
			name:  "a column named like a model method",
			stmts: []string{"CREATE TABLE t (id INTEGER PRIMARY KEY, table_name TEXT)"},
			want:  []string{"TableName2 *string `orm:\"column:table_name;type:text\"`"},
		},
		{
			name:  "a default holding a semicolon",
			stmts: []string{"CREATE TABLE s (id INTEGER PRIMARY KEY, sep TEXT NOT NULL DEFAULT ';')"},
			want:  []string{"// WARNING: column sep: the server default \"';'\" holds a ';'", "Sep string `orm:\"column:sep;type:text\"`"},
			warn:  []string{"table s: column sep: the server default \"';'\" holds a ';', which an orm tag cannot hold; it is left out"},
		},
		{
			name:  "quotes in a default",
			stmts: []string{"CREATE TABLE q (id INTEGER PRIMARY KEY, s TEXT NOT NULL DEFAULT 'say \"hi\"')"},
			want:  []string{"`orm:\"column:s;type:text;server_default:'say \\\"hi\\\"'\"`"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := generateSQLite(t, tt.opts, tt.stmts...)
			if err != nil {
				t.Fatal(err)
			}
			src := string(res.Source)
			for _, w := range tt.want {
				if !strings.Contains(src, w) {
					t.Errorf("source lacks %s\n%s", w, src)
				}
			}
			if strings.Join(res.Warnings, "\n") != strings.Join(tt.warn, "\n") {
				t.Errorf("warnings\n%q\nwant\n%q", res.Warnings, tt.warn)
			}
		})
	}
}

// TestImplicitForeignKeyErrors: a foreign key without a column list whose
// parent has no primary key to stand for them is an error naming the
// table and the fix.
func TestImplicitForeignKeyErrors(t *testing.T) {
	for _, tt := range []struct {
		name  string
		stmts []string
		want  string
	}{
		{"parent without a primary key", []string{"CREATE TABLE p (x INTEGER)", "CREATE TABLE c (id INTEGER PRIMARY KEY, p_x INTEGER REFERENCES p)"},
			`table "c": a foreign key declares REFERENCES p without columns, and table "p" has no primary key of as many columns to stand for them; name the referenced columns (REFERENCES p (column))`},
		{"parent key of fewer columns", []string{"CREATE TABLE p (id INTEGER PRIMARY KEY)", "CREATE TABLE c (id INTEGER PRIMARY KEY, a INTEGER, b INTEGER, FOREIGN KEY (a, b) REFERENCES p)"},
			`table "c": a foreign key declares REFERENCES p without columns, and table "p" has no primary key of as many columns`},
		{"no parent table", []string{"CREATE TABLE c (id INTEGER PRIMARY KEY, g INTEGER REFERENCES ghost)"},
			`table "c": a foreign key declares REFERENCES ghost without columns, and there is no table "ghost"; name the referenced columns (REFERENCES ghost (column))`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := generateSQLite(t, modelgen.Options{}, tt.stmts...)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %s", err, tt.want)
			}
		})
	}
}

func TestUnknownTable(t *testing.T) {
	_, err := generateSQLite(t, modelgen.Options{Tables: []string{"user", "comment"}}, "CREATE TABLE user (id INTEGER PRIMARY KEY)")
	want := `reflect: no table "comment" in the database (it has: user)`
	if err == nil || err.Error() != want {
		t.Fatalf("error %v, want %s", err, want)
	}
}

// TestSchemaOption reads the tables of another PostgreSQL schema.
func TestSchemaOption(t *testing.T) {
	u := os.Getenv(dbtest.EnvPostgres)
	if u == "" {
		t.Skip(dbtest.EnvPostgres + " is not set")
	}
	o, err := orm.Open(dbtest.Postgres(t, u).URL)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	for _, s := range []string{"CREATE SCHEMA reports", "CREATE TABLE reports.daily (id SERIAL PRIMARY KEY, total NUMERIC(12,2) NOT NULL)",
		"CREATE TABLE public.other (id SERIAL PRIMARY KEY)"} {
		if _, err := o.SQL().Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	res, err := modelgen.Generate(context.Background(), o.SQL(), modelgen.Options{Dialect: "postgresql", Schema: "reports"})
	if err != nil {
		t.Fatal(err)
	}
	src := string(res.Source)
	if !strings.Contains(src, "Total orm.Decimal `orm:\"column:total;type:numeric(12,2)\"`") || strings.Contains(src, "type Other struct") {
		t.Errorf("source of schema reports:\n%s", src)
	}
}
