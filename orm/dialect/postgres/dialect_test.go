package postgres

import (
	"errors"
	"net/url"
	"testing"
	"time"

	"github.com/flagon-go/flagon/orm/dialect"
	"github.com/jackc/pgx/v5/pgconn"
)

func TestIdentifiersAndPlaceholders(t *testing.T) {
	d := New()
	if d.Quote(`my"table`) != `"my""table"` || d.Placeholder(3) != "$3" || d.Rebind("a=? b=?") != "a=$1 b=$2" {
		t.Error("quoting or placeholders wrong")
	}
	if !d.Features().Has(dialect.Returning|dialect.CreateTypeEnum) || d.Features().Has(dialect.LastInsertID) {
		t.Errorf("features = %b", d.Features())
	}
}

func TestColumnDDL(t *testing.T) {
	tests := []struct {
		ct   dialect.ColumnType
		auto bool
		want string
	}{
		{dialect.ColumnType{Kind: dialect.Integer}, true, "serial"},
		{dialect.ColumnType{Kind: dialect.BigInteger}, true, "bigserial"},
		{dialect.ColumnType{Kind: dialect.BigInteger}, false, "bigint"},
		{dialect.ColumnType{Kind: dialect.String, Size: 100}, false, "character varying(100)"},
		{dialect.ColumnType{Kind: dialect.Numeric, Precision: 10, Scale: 2}, false, "numeric(10,2)"},
		{dialect.ColumnType{Kind: dialect.DateTime, TZ: true}, false, "timestamptz"},
		{dialect.ColumnType{Kind: dialect.Interval}, false, "interval"},
		{dialect.ColumnType{Kind: dialect.Bytes}, false, "bytea"},
		{dialect.ColumnType{Kind: dialect.UUID}, false, "uuid"},
		{dialect.ColumnType{Kind: dialect.Enum, EnumName: "mood", EnumValues: []string{"a"}}, false, `"mood"`},
		{dialect.ColumnType{Kind: dialect.Custom, DDL: func(string) string { return "citext" }}, false, "citext"},
	}
	for _, tt := range tests {
		got, err := New().ColumnDDL(tt.ct, tt.auto)
		if err != nil || got != tt.want {
			t.Errorf("ColumnDDL(%v, %v) = %q, %v; want %q", tt.ct.Kind, tt.auto, got, err, tt.want)
		}
	}
	if _, err := New().ColumnDDL(dialect.ColumnType{}, false); err == nil {
		t.Error("invalid kind: want error")
	}
}

func TestTranslateError(t *testing.T) {
	tests := []struct {
		code string
		want error
	}{
		{"23505", dialect.ErrUniqueViolation},
		{"23503", dialect.ErrForeignKeyViolation},
		{"23502", dialect.ErrNotNullViolation},
		{"23514", dialect.ErrCheckViolation},
	}
	for _, tt := range tests {
		if err := New().TranslateError(&pgconn.PgError{Code: tt.code}); !errors.Is(err, tt.want) {
			t.Errorf("code %s: %v, want %v", tt.code, err, tt.want)
		}
	}
	other := &pgconn.PgError{Code: "42601"}
	if New().TranslateError(other) != error(other) {
		t.Error("syntax errors must pass through unchanged")
	}
}

func TestDSNAndIntervals(t *testing.T) {
	dsn, _ := New().DSN(dialect.Config{User: "u", Password: "p w", Host: "h", Port: "5433", Database: "d",
		Query: url.Values{"sslmode": {"disable"}}})
	if dsn != "postgres://u:p%20w@h:5433/d?sslmode=disable" {
		t.Errorf("DSN = %s", dsn)
	}
	v, _ := New().BindValue(dialect.Interval, 90*time.Second+time.Microsecond)
	if v != "90000001 microseconds" {
		t.Errorf("interval bound as %v", v)
	}
}

// The PostgreSQL dialect binds multi-row inserts as arrays.
var _ dialect.ArrayBinder = Dialect{}
