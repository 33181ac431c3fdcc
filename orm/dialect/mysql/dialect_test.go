package mysql

import (
	"errors"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/orm/dialect"
	driver "github.com/go-sql-driver/mysql"
)

func TestIdentifiersAndPlaceholders(t *testing.T) {
	d := New()
	if d.Quote("a`b") != "`a``b`" || d.Placeholder(3) != "?" || d.Rebind("a=? b=?") != "a=? b=?" {
		t.Error("quoting or placeholders wrong")
	}
	if !d.Features().Has(dialect.LastInsertID|dialect.OnDuplicateKey) || d.Features().Has(dialect.Returning) {
		t.Errorf("features = %b", d.Features())
	}
}

func TestColumnDDL(t *testing.T) {
	tests := []struct {
		ct   dialect.ColumnType
		want string
	}{
		{dialect.ColumnType{Kind: dialect.Integer}, "int"},
		{dialect.ColumnType{Kind: dialect.String}, "varchar(255)"},
		{dialect.ColumnType{Kind: dialect.Numeric}, "decimal(65,30)"},
		{dialect.ColumnType{Kind: dialect.DateTime, TZ: true}, "datetime(6)"},
		{dialect.ColumnType{Kind: dialect.Boolean}, "bool"},
		{dialect.ColumnType{Kind: dialect.UUID}, "char(36)"},
		{dialect.ColumnType{Kind: dialect.Enum, EnumValues: []string{"a", "it's"}}, "enum('a','it''s')"},
	}
	for _, tt := range tests {
		got, err := New().ColumnDDL(tt.ct, false)
		if err != nil || got != tt.want {
			t.Errorf("ColumnDDL(%v) = %q, %v; want %q", tt.ct.Kind, got, err, tt.want)
		}
	}
	_, attrs, _ := New().ColumnType(dialect.ColumnType{Kind: dialect.BigInteger}, true)
	if len(attrs) != 1 {
		t.Error("autoincrement column must carry AUTO_INCREMENT")
	}
}

func TestTranslateError(t *testing.T) {
	tests := []struct {
		n    uint16
		want error
	}{{1062, dialect.ErrUniqueViolation}, {1452, dialect.ErrForeignKeyViolation}, {1048, dialect.ErrNotNullViolation},
		{4025, dialect.ErrCheckViolation}, {3819, dialect.ErrCheckViolation}}
	for _, tt := range tests {
		if err := New().TranslateError(&driver.MySQLError{Number: tt.n}); !errors.Is(err, tt.want) {
			t.Errorf("error %d: %v, want %v", tt.n, err, tt.want)
		}
	}
}

func TestDSN(t *testing.T) {
	dsn, _ := New().DSN(dialect.Config{User: "root", Host: "db", Database: "x"})
	for _, want := range []string{"root@tcp(db:3306)/x", "parseTime=true", "charset=utf8mb4", "clientFoundRows=true"} {
		if !strings.Contains(dsn, want) {
			t.Errorf("DSN %q lacks %q", dsn, want)
		}
	}
	if strings.Contains(dsn, "multiStatements=true") {
		t.Errorf("DSN %q enables multi statements", dsn)
	}
}
