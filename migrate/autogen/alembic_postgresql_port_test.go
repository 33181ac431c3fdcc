package autogen_test

import (
	"testing"

	"github.com/flagon-go/flagon/orm"
	"github.com/flagon-go/flagon/orm/dialect"
)

// Ports of the autogenerate sections of Alembic's tests/test_postgresql.py:
// PostgresqlDefaultCompareTest (_compare_default_roundtrip: a column
// created with a server default compared with the same or another
// default) and PGUniqueIndexAutogenerateTest. SQLAlchemy's plain string
// defaults are quoted SQL literals here ("hi" is 'hi'), text() is the
// expression as it is. The cases run on every database where the type
// and the expression exist: nothing may be proposed for an unchanged
// default anywhere.

// roundtrip is _compare_default_roundtrip: table test with somecol.
func roundtrip(name string, typ orm.ColumnType, orig, alternate string, diff bool) alembicCase {
	build := func(def string) func() []*orm.Table {
		return func() []*orm.Table {
			return tables(tbl("test", col("id", integer), col("somecol", typ, serverDefault(def))))
		}
	}
	c := alembicCase{name: name, m1: build(orig), m2: build(alternate)}
	if diff {
		c.want = []string{"modify_default test.somecol"}
	}
	return c
}

// pgOnly skips the other databases.
func pgOnly(c alembicCase, why string) alembicCase {
	c.skip = map[string]string{"sqlite": why, "mysql": why}
	return c
}

var (
	float    = orm.ColumnType{Kind: dialect.Float}
	interval = orm.ColumnType{Kind: dialect.Interval}
)

var alembicPGDefaultCases = []alembicCase{
	roundtrip("test_compare_string_blank_default", varchar(8), "''", "''", false),
	roundtrip("test_compare_string_nonblank_default", varchar(8), "'hi'", "'hi'", false),
	pgOnly(roundtrip("test_compare_interval_str", interval, "'14 days'", "'14 days'", false), "INTERVAL is PostgreSQL's"),
	pgOnly(roundtrip("test_compare_current_timestamp_text", orm.ColumnType{Kind: dialect.DateTime},
		"TIMEZONE('utc', CURRENT_TIMESTAMP)", "TIMEZONE('utc', CURRENT_TIMESTAMP)", false), "TIMEZONE() is PostgreSQL's"),
	pgOnly(roundtrip("test_compare_current_timestamp_fn_w_binds", orm.ColumnType{Kind: dialect.DateTime},
		"timezone('utc', current_timestamp)", "timezone('utc', current_timestamp)", false), "timezone() is PostgreSQL's"),
	roundtrip("test_compare_integer_str", integer, "'5'", "'5'", false),
	roundtrip("test_compare_integer_text", integer, "5", "5", false),
	roundtrip("test_compare_integer_text_diff", integer, "5", "'7'", true),
	roundtrip("test_compare_float_str", float, "'5.2'", "'5.2'", false),
	roundtrip("test_compare_float_text", float, "5.2", "5.2", false),
	roundtrip("test_compare_float_no_diff1", float, "5.2", "'5.2'", false),
	roundtrip("test_compare_float_no_diff2", float, "'5.2'", "5.2", false),
	roundtrip("test_compare_float_no_diff3", float, "5", "5.0", false),
	roundtrip("test_compare_float_no_diff4", float, "'5'", "'5.0'", false),
	roundtrip("test_compare_float_no_diff5", float, "5", "'5.0'", false),
	roundtrip("test_compare_float_no_diff6", float, "'5'", "5.0", false),
	roundtrip("test_compare_numeric_no_diff", numeric(10, 2), "5", "'5.0'", false),
	roundtrip("test_compare_unicode_literal", varchar(50), "'im a default'", "'im a default'", false),
	roundtrip("test_compare_character_str", varchar(50), "'hello'", "'hello'", false),
	roundtrip("test_compare_character_str_diff", varchar(50), "'hello'", "'there'", true),
	{name: "test_primary_key_skip",
		m1: func() []*orm.Table { return tables(tbl("sometable", col("id", integer))) },
		m2: func() []*orm.Table { return tables(tbl("sometable", col("id", integer))) }},
	// PGUniqueIndexAutogenerateTest.test_uq_dropped; the other cases use
	// schemas (flagon compares the connection's schema only) or
	// EXCLUDE constraints.
	pgOnly(alembicCase{name: "test_uq_dropped",
		ddl:  map[string][]string{"postgresql": {`CREATE TABLE add_uq (id SERIAL PRIMARY KEY, name VARCHAR, CONSTRAINT uq_name UNIQUE (name))`}},
		m2:   func() []*orm.Table { return tables(tbl("add_uq", col("id", integer), col("name", varchar(0)))) },
		want: []string{"remove_constraint uq_name"}, noDowngradeCheck: true}, "a PostgreSQL case"),
}

// TestAlembicPostgresqlDefaults ports PostgresqlDefaultCompareTest and
// test_uq_dropped.
func TestAlembicPostgresqlDefaults(t *testing.T) { runAlembicCases(t, alembicPGDefaultCases) }
