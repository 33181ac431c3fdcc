package sqlite

import (
	"database/sql"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/orm/dialect"
	_ "modernc.org/sqlite"
)

func TestIdentifiersAndPlaceholders(t *testing.T) {
	d := New()
	if d.Quote(`x"y`) != `"x""y"` || d.Placeholder(2) != "?" {
		t.Error("quoting or placeholders wrong")
	}
	if d.Features().Has(dialect.NativeEnum) || !d.Features().Has(dialect.Returning) {
		t.Errorf("features = %b", d.Features())
	}
}

func TestColumnDDL(t *testing.T) {
	tests := []struct {
		ct   dialect.ColumnType
		auto bool
		want string
	}{
		{dialect.ColumnType{Kind: dialect.BigInteger}, true, "integer"},
		{dialect.ColumnType{Kind: dialect.BigInteger}, false, "bigint"},
		{dialect.ColumnType{Kind: dialect.String, Size: 100}, false, "varchar(100)"},
		{dialect.ColumnType{Kind: dialect.Numeric, Precision: 10, Scale: 2}, false, "numeric(10, 2)"},
		{dialect.ColumnType{Kind: dialect.Enum, EnumValues: []string{"a", "long"}}, false, "varchar(4)"},
		{dialect.ColumnType{Kind: dialect.UUID}, false, "uuid"},
	}
	for _, tt := range tests {
		got, err := New().ColumnDDL(tt.ct, tt.auto)
		if err != nil || got != tt.want {
			t.Errorf("ColumnDDL(%v) = %q, %v; want %q", tt.ct.Kind, got, err, tt.want)
		}
	}
}

func TestTranslateErrorFromRealDriver(t *testing.T) {
	dsn, _ := New().DSN(dialect.Config{Memory: true})
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	setup := []string{
		"CREATE TABLE p (id INTEGER PRIMARY KEY)",
		"CREATE TABLE c (id INTEGER PRIMARY KEY, u TEXT UNIQUE, n TEXT NOT NULL, k INTEGER CHECK (k > 0), p INTEGER REFERENCES p(id))",
		"INSERT INTO c (id, u, n, k) VALUES (1, 'x', 'n', 1)",
	}
	for _, s := range setup {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		stmt string
		want error
	}{
		{"INSERT INTO c (u, n, k) VALUES ('x', 'n', 1)", dialect.ErrUniqueViolation},
		{"INSERT INTO c (id, n, k) VALUES (1, 'n', 1)", dialect.ErrUniqueViolation},
		{"INSERT INTO c (n, k, p) VALUES ('n', 1, 99)", dialect.ErrForeignKeyViolation},
		{"INSERT INTO c (k) VALUES (1)", dialect.ErrNotNullViolation},
		{"INSERT INTO c (n, k) VALUES ('n', 0)", dialect.ErrCheckViolation},
	}
	for _, tt := range tests {
		_, err := db.Exec(tt.stmt)
		if err := New().TranslateError(err); !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.stmt, err, tt.want)
		}
	}
}

func TestDSN(t *testing.T) {
	file, _ := New().DSN(dialect.Config{Database: "/tmp/a.db"})
	for _, want := range []string{"file:/tmp/a.db?", "foreign_keys%281%29", "journal_mode%28WAL%29", "busy_timeout%285000%29"} {
		if !strings.Contains(file, want) {
			t.Errorf("file DSN %q lacks %q", file, want)
		}
	}
	mem, _ := New().DSN(dialect.Config{Memory: true})
	if !strings.HasPrefix(mem, "file::memory:?") || strings.Contains(mem, "WAL") {
		t.Errorf("memory DSN = %q", mem)
	}
}

func TestDSNBusyTimeoutFromTheURL(t *testing.T) {
	dsn, _ := New().DSN(dialect.Config{Database: "/tmp/a.db", Query: url.Values{"_pragma": {"busy_timeout(30000)"}}})
	if !strings.Contains(dsn, "busy_timeout%2830000%29") || strings.Contains(dsn, "busy_timeout%285000%29") {
		t.Errorf("DSN %q: want the URL's busy timeout only", dsn)
	}
}
