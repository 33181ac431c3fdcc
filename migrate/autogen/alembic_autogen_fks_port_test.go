package autogen_test

import (
	"testing"

	"github.com/flagon-go/flagon/orm"
)

// Ports of Alembic's testing/suite/test_autogen_fks.py. Alembic leaves
// unnamed foreign keys to the server; flagon's naming convention names
// them fk_<table>_<column>_<referred table>. The initially/deferrable
// cases do not apply: flagon's foreign keys have no such options.

// fkUser is the "user" table of the foreign key tests, with extra columns.
func fkUser(extra ...*orm.Column) *orm.Table {
	cols := []*orm.Column{col("id", integer), col("name", varchar(50), notNull), col("a1", varchar(10), serverDefault("'x'"))}
	return tbl("user", append(cols, extra...)...)
}

// someTableTest is some_table keyed by a string column.
func someTableTest() *orm.Table { return pk(tbl("some_table", col("test", varchar(10))), "test") }

// someTableComposite is some_table with a two-column key.
func someTableComposite() *orm.Table {
	return pk(tbl("some_table", col("id_1", varchar(10)), col("id_2", varchar(10))), "id_1", "id_2")
}

// compositeUser is "user" with a composite foreign key named name, or none.
func compositeUser(withFK bool, name string) *orm.Table {
	t := fkUser(col("other_id_1", varchar(10)), col("other_id_2", varchar(10)))
	if withFK {
		fk(t, name, []string{"other_id_1", "other_id_2"}, "some_table", []string{"id_1", "id_2"}, "", "")
	}
	return t
}

// fkOpts builds _fk_opts_fixture's tables with the given actions.
func fkOpts(ondelete, onupdate string) func() []*orm.Table {
	return func() []*orm.Table {
		st := tbl("some_table", col("id", integer), col("test", varchar(10)))
		u := tbl("user", col("id", integer), col("name", varchar(50), notNull), col("tid", integer))
		return tables(st, fk(u, "", []string{"tid"}, "some_table", []string{"id"}, ondelete, onupdate))
	}
}

const fkTid = "fk_user_tid_some_table user(tid) some_table(id)"

var alembicFKCases = []alembicCase{
	{name: "test_remove_fk",
		m1: func() []*orm.Table {
			return tables(someTableTest(), fk(fkUser(col("test2", varchar(10))), "", []string{"test2"}, "some_table", []string{"test"}, "", ""))
		},
		m2:   func() []*orm.Table { return tables(someTableTest(), fkUser(col("test2", varchar(10)))) },
		want: []string{"remove_fk fk_user_test2_some_table user(test2) some_table(test)"}},
	// some_table.test is unique here, so that PostgreSQL and MySQL accept
	// the key the upgrade adds.
	{name: "test_add_fk",
		m1: func() []*orm.Table {
			return tables(tbl("some_table", col("id", integer), col("test", varchar(10), unique)), fkUser(col("test2", varchar(10))))
		},
		m2: func() []*orm.Table {
			return tables(tbl("some_table", col("id", integer), col("test", varchar(10), unique)),
				fk(fkUser(col("test2", varchar(10))), "", []string{"test2"}, "some_table", []string{"test"}, "", ""))
		},
		want: []string{"add_fk fk_user_test2_some_table user(test2) some_table(test)"}},
	{name: "test_no_change",
		m1: func() []*orm.Table {
			return tables(tbl("some_table", col("id", integer), col("test", varchar(10))),
				fk(fkUser(col("test2", integer)), "", []string{"test2"}, "some_table", []string{"id"}, "", ""))
		},
		m2: func() []*orm.Table {
			return tables(tbl("some_table", col("id", integer), col("test", varchar(10))),
				fk(fkUser(col("test2", integer)), "", []string{"test2"}, "some_table", []string{"id"}, "", ""))
		},
	},
	{name: "test_no_change_composite_fk",
		m1: func() []*orm.Table { return tables(someTableComposite(), compositeUser(true, "")) },
		m2: func() []*orm.Table { return tables(someTableComposite(), compositeUser(true, "")) },
	},
	{name: "test_casing_convention_changed_so_put_drops_first",
		m1: func() []*orm.Table {
			return tables(someTableTest(), fk(fkUser(col("test2", varchar(10))), "MyFK", []string{"test2"}, "some_table", []string{"test"}, "", ""))
		},
		m2: func() []*orm.Table {
			return tables(someTableTest(), fk(fkUser(col("test2", varchar(10))), "myfk", []string{"a1"}, "some_table", []string{"test"}, "", ""))
		},
		want: []string{"remove_fk MyFK user(test2) some_table(test)", "add_fk myfk user(a1) some_table(test)"}},
	{name: "test_add_composite_fk_with_name",
		m1:   func() []*orm.Table { return tables(someTableComposite(), compositeUser(false, "")) },
		m2:   func() []*orm.Table { return tables(someTableComposite(), compositeUser(true, "fk_test_name")) },
		want: []string{"add_fk fk_test_name user(other_id_1,other_id_2) some_table(id_1,id_2)"}},
	{name: "test_remove_composite_fk",
		m1:   func() []*orm.Table { return tables(someTableComposite(), compositeUser(true, "fk_test_name")) },
		m2:   func() []*orm.Table { return tables(someTableComposite(), compositeUser(false, "")) },
		want: []string{"remove_fk fk_test_name user(other_id_1,other_id_2) some_table(id_1,id_2)"}},
	{name: "test_add_fk_colkeys",
		m1: func() []*orm.Table {
			return tables(someTableComposite(), tbl("user", col("id", integer), col("other_id_1", varchar(10)), col("other_id_2", varchar(10))))
		},
		m2:   colkeysTables("fk_test_name"),
		want: []string{"add_fk fk_test_name user(other_id_1,other_id_2) some_table(id_1,id_2)"}},
	{name: "test_no_change_colkeys",
		m1: func() []*orm.Table {
			u := tbl("user", col("id", integer), col("other_id_1", varchar(10)), col("other_id_2", varchar(10)))
			return tables(someTableComposite(), fk(u, "", []string{"other_id_1", "other_id_2"}, "some_table", []string{"id_1", "id_2"}, "", ""))
		},
		m2: colkeysTables(""),
	},
	// AutogenerateFKOptionsTest
	{name: "test_add_ondelete", m1: fkOpts("", ""), m2: fkOpts("cascade", ""),
		want: []string{"remove_fk " + fkTid, "add_fk " + fkTid + " ondelete=CASCADE"}},
	{name: "test_remove_ondelete", m1: fkOpts("CASCADE", ""), m2: fkOpts("", ""),
		want: []string{"remove_fk " + fkTid + " ondelete=CASCADE", "add_fk " + fkTid}},
	{name: "test_nochange_ondelete", m1: fkOpts("caSCAde", ""), m2: fkOpts("CasCade", "")},
	{name: "test_add_onupdate", m1: fkOpts("", ""), m2: fkOpts("", "cascade"),
		want: []string{"remove_fk " + fkTid, "add_fk " + fkTid + " onupdate=CASCADE"}},
	{name: "test_remove_onupdate", m1: fkOpts("", "CASCADE"), m2: fkOpts("", ""),
		want: []string{"remove_fk " + fkTid + " onupdate=CASCADE", "add_fk " + fkTid}},
	{name: "test_nochange_onupdate", m1: fkOpts("", "caSCAde"), m2: fkOpts("", "CasCade")},
	{name: "test_nochange_ondelete_restrict", m1: fkOpts("restrict", ""), m2: fkOpts("restrict", "")},
	{name: "test_nochange_onupdate_restrict", m1: fkOpts("", "restrict"), m2: fkOpts("", "restrict")},
	{name: "test_nochange_ondelete_noaction", m1: fkOpts("no action", ""), m2: fkOpts("no action", "")},
	{name: "test_nochange_onupdate_noaction", m1: fkOpts("", "no action"), m2: fkOpts("", "no action")},
	{name: "test_change_ondelete_from_restrict", m1: fkOpts("restrict", ""), m2: fkOpts("cascade", ""),
		want: []string{"remove_fk " + fkTid + " ondelete=RESTRICT", "add_fk " + fkTid + " ondelete=CASCADE"},
		// MySQL's RESTRICT is its default (Alembic: "MySQL reports None").
		wantBy: map[string][]string{"mysql": {"remove_fk " + fkTid, "add_fk " + fkTid + " ondelete=CASCADE"}}},
	{name: "test_change_onupdate_from_restrict", m1: fkOpts("", "restrict"), m2: fkOpts("", "cascade"),
		want:   []string{"remove_fk " + fkTid + " onupdate=RESTRICT", "add_fk " + fkTid + " onupdate=CASCADE"},
		wantBy: map[string][]string{"mysql": {"remove_fk " + fkTid, "add_fk " + fkTid + " onupdate=CASCADE"}}},
	{name: "test_ondelete_onupdate_combo", m1: fkOpts("SET NULL", "CASCADE"), m2: fkOpts("RESTRICT", "RESTRICT"),
		want: []string{"remove_fk " + fkTid + " ondelete=SET NULL onupdate=CASCADE", "add_fk " + fkTid + " ondelete=RESTRICT onupdate=RESTRICT"}},
}

// colkeysTables builds the tables of the colkeys tests: columns known by
// Go field names (SQLAlchemy's column keys).
func colkeysTables(name string) func() []*orm.Table {
	return func() []*orm.Table {
		st := pk(tbl("some_table", colKey("id_1", "Tid1", varchar(10)), colKey("id_2", "Tid2", varchar(10))), "Tid1", "Tid2")
		u := tbl("user", col("id", integer), colKey("other_id_1", "Oid1", varchar(10)), colKey("other_id_2", "Oid2", varchar(10)))
		// The referenced columns are named by column: flagon's foreign
		// keys (the fk:table.column tag) name them so.
		return tables(st, fk(u, name, []string{"Oid1", "Oid2"}, "some_table", []string{"id_1", "id_2"}, "", ""))
	}
}

// TestAlembicForeignKeys ports AutogenerateForeignKeysTest and
// AutogenerateFKOptionsTest.
func TestAlembicForeignKeys(t *testing.T) { runAlembicCases(t, alembicFKCases) }
