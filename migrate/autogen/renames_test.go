package autogen_test

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/autogen"
)

// stateOf compiles operations into a schema, offline.
func stateOf(t *testing.T, ops ...migrate.Operation) *schema.Schema {
	t.Helper()
	s := schema.New("")
	if _, err := migrate.CompileSQL(context.Background(), migrate.SQLite, s, ops); err != nil {
		t.Fatal(err)
	}
	return s
}

func productWith(col string) migrate.Operation {
	return &migrate.CreateTable{Table: migrate.Table{Name: "product", Columns: []migrate.Column{
		{Name: "id", Type: migrate.Integer(), Autoincrement: true},
		{Name: col, Type: migrate.String(100)},
	}, PrimaryKey: []string{"id"}}}
}

func TestRenamePrompt(t *testing.T) {
	tests := []struct {
		name, answer string
		want         []migrate.Operation
		note, err    string
	}{
		{"yes", "y\n", []migrate.Operation{&migrate.RenameColumn{Table: "product", From: "name", To: "title"}}, "", ""},
		{"no", "n\n", []migrate.Operation{
			&migrate.DropColumn{Table: "product", Name: "name", Prior: &migrate.Column{Name: "name", Type: migrate.String(100)}},
			&migrate.AddColumn{Table: "product", Column: migrate.Column{Name: "title", Type: migrate.String(100)}},
		}, "pass --rename name:title if it was renamed", ""},
		{"no answer", "", nil, "", "no answer to the rename question"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			r := &autogen.Renamer{In: strings.NewReader(tt.answer), Out: &out}
			res, err := autogen.Compare(sqlite.DefaultDiff, stateOf(t, productWith("name")), stateOf(t, productWith("title")),
				autogen.Options{Dialect: migrate.SQLite, Renames: r})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Compare error = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if out.String() != "Did you rename column 'product.name' to 'product.title'? [y/N] " {
				t.Errorf("question = %q", out.String())
			}
			if !reflect.DeepEqual(res.Upgrade, tt.want) {
				t.Errorf("Upgrade = %#v, want %#v", res.Upgrade, tt.want)
			}
			// Notes[1] warns that title is added NOT NULL without a default.
			if tt.note != "" && (len(res.Notes) != 2 || !strings.Contains(res.Notes[0], tt.note)) {
				t.Errorf("Notes = %v, want %q", res.Notes, tt.note)
			}
		})
	}
}

func TestParseRenames(t *testing.T) {
	tests := []struct {
		in   []string
		want map[string]string
		err  bool
	}{
		{[]string{"name:title"}, map[string]string{"name": "title"}, false},
		{[]string{"product.name:product.title", "product:item"}, map[string]string{"product.name": "title", "product": "item"}, false},
		{[]string{"name"}, nil, true},
		{[]string{":x"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.in, ","), func(t *testing.T) {
			got, err := autogen.ParseRenames(tt.in)
			if (err != nil) != tt.err || (!tt.err && !reflect.DeepEqual(got, tt.want)) {
				t.Errorf("ParseRenames(%v) = %v, %v", tt.in, got, err)
			}
		})
	}
}

func TestVersionTableIgnored(t *testing.T) {
	current := stateOf(t, productWith("name"), &migrate.CreateTable{Table: migrate.Table{Name: "alembic_version",
		Columns: []migrate.Column{{Name: "version_num", Type: migrate.String(32)}}}})
	res, err := autogen.Compare(sqlite.DefaultDiff, current, stateOf(t, productWith("name")), autogen.Options{Dialect: migrate.SQLite, DropUnknownTables: true})
	if err != nil || !res.Empty() {
		t.Errorf("Compare = %+v, %v; want no change (the version table is never dropped)", res, err)
	}
}
