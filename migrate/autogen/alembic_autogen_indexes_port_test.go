package autogen_test

import (
	"testing"

	"github.com/flagon-go/flagon/orm"
)

// Ports of Alembic's tests/test_autogen_indexes.py. flagon's models know
// one kind of unique: a unique index (SQLAlchemy's UniqueConstraint and
// Index(unique=True) are both orm.Index{Unique: true}), so Alembic's
// "add_constraint" of a unique constraint is "add_unique_index" here; a
// UNIQUE constraint found in the database is dropped as a constraint.

// userNameTable is the "user" table of the unique index tests.
func userNameTable(nameOpts ...colOpt) *orm.Table {
	return tbl("user", col("id", integer), col("name", varchar(50), append([]colOpt{notNull}, nameOpts...)...),
		col("a1", varchar(10), serverDefault("'x'")))
}

// somethingChanged is the table of test_remove_uq_constraint.
func somethingChanged(both bool) *orm.Table {
	t := tbl("something_changed", col("id", integer), col("sid", integer, notNull), col("label", varchar(30), notNull),
		col("fid", integer, notNull))
	if both {
		ix(t, "uq_sc_sid_label", true, "sid", "label")
	}
	return ix(t, "uq_sc_sid_fid", true, "sid", "fid")
}

// nothingChangedTwo is the pair of tables of test_nothing_changed_two.
func nothingChangedTwo() []*orm.Table {
	parent := pk(tbl("nothing_changed", col("id1", integer), col("id2", integer), col("x", varchar(20), unique)), "id1", "id2")
	child := tbl("nothing_changed_related", col("id1", integer), col("id2", integer))
	return tables(parent, fk(child, "", []string{"id1", "id2"}, "nothing_changed", []string{"id1", "id2"}, "", ""))
}

var alembicUniqueIndexCases = []alembicCase{
	{name: "test_index_flag_becomes_named_unique_constraint",
		m1:   func() []*orm.Table { return tables(userNameTable(indexed)) },
		m2:   func() []*orm.Table { return tables(ix(userNameTable(), "uq_user_name", true, "name")) },
		want: []string{"remove_index ix_user_name", "add_unique_index uq_user_name"}},
	{name: "test_add_unique_constraint",
		m1: func() []*orm.Table {
			return tables(tbl("address", col("id", integer), col("email_address", varchar(100), notNull), col("qpr", varchar(10), indexed)))
		},
		m2: func() []*orm.Table {
			return tables(ix(tbl("address", col("id", integer), col("email_address", varchar(100), notNull), col("qpr", varchar(10), indexed)),
				"uq_email_address", true, "email_address"))
		},
		want: []string{"add_unique_index uq_email_address"}},
	{name: "test_unique_flag_nothing_changed",
		m1: func() []*orm.Table {
			return tables(ix(tbl("unq_idx", col("id", integer), col("x", varchar(20))), "x", true, "x"))
		},
		m2: func() []*orm.Table {
			return tables(ix(tbl("unq_idx", col("id", integer), col("x", varchar(20))), "x", true, "x"))
		},
	},
	{name: "test_index_becomes_unique",
		m1:   func() []*orm.Table { return tables(orderTable(false)) },
		m2:   func() []*orm.Table { return tables(orderTable(true)) },
		want: []string{"remove_index order_user_id_amount_idx", "add_unique_index order_user_id_amount_idx"}},
	{name: "test_mismatch_db_named_col_flag",
		m1:   func() []*orm.Table { return tables(ix(tbl("item", col("x", integer)), "db_generated_name", true, "x")) },
		m2:   func() []*orm.Table { return tables(tbl("item", col("x", integer, unique))) },
		skip: map[string]string{"*": "difference: a unique flag is named by the naming convention (uq_item_x), so a database-generated name is a changed name"}},
	{name: "test_named_cols_changed",
		m1: func() []*orm.Table {
			return tables(ix(tbl("col_change", col("x", integer), col("y", integer)), "nochange", true, "x"))
		},
		m2: func() []*orm.Table {
			return tables(ix(tbl("col_change", col("x", integer), col("y", integer)), "nochange", true, "x", "y"))
		},
		want: []string{"remove_index nochange", "add_unique_index nochange"}},
	{name: "test_nothing_changed_one",
		m1: func() []*orm.Table { return tables(tbl("nothing_changed", col("x", varchar(20), unique, indexed))) },
		m2: func() []*orm.Table { return tables(tbl("nothing_changed", col("x", varchar(20), unique, indexed))) },
	},
	{name: "test_nothing_changed_implicit_uq_w_naming_conv",
		conv: &orm.NamingConvention{Index: "ix_%(column_0_label)s", Unique: "uq_%(column_0_label)s"},
		m1: func() []*orm.Table {
			return tables(pk(tbl("nothing_changed", col("id1", integer), col("id2", integer), col("x", varchar(20), unique)), "id1", "id2"))
		},
		m2: func() []*orm.Table {
			return tables(pk(tbl("nothing_changed", col("id1", integer), col("id2", integer), col("x", varchar(20), unique)), "id1", "id2"))
		},
	},
	{name: "test_nothing_changed_uq_w_mixed_case_nconv_name",
		conv: &orm.NamingConvention{Index: "index_%(table_name)s_%(column_0_label)s", Unique: "unique_%(table_name)s_%(column_0_label)s"},
		m1: func() []*orm.Table {
			return tables(ix(tbl("NothingChanged", col("id", integer), col("XCol", integer)), "", true, "XCol"))
		},
		m2: func() []*orm.Table {
			return tables(ix(tbl("NothingChanged", col("id", integer), col("XCol", integer)), "", true, "XCol"))
		},
	},
	{name: "test_nothing_uq_changed_labels_were_truncated", conv: labelConv,
		m1: func() []*orm.Table {
			return tables(pk(tbl("nothing_changed", col("id1", integer), col("id2", integer), col("a_long_name", varchar(20), unique)), "id1", "id2"))
		},
		m2: func() []*orm.Table {
			return tables(pk(tbl("nothing_changed", col("id1", integer), col("id2", integer), col("a_long_name", varchar(20), unique)), "id1", "id2"))
		},
	},
	{name: "test_nothing_changed_uq_w_mixed_case_plain_name",
		m1: func() []*orm.Table {
			return tables(ix(tbl("nothing_changed", col("id", integer), col("x", integer)), "SomeConstraint", true, "x"))
		},
		m2: func() []*orm.Table {
			return tables(ix(tbl("nothing_changed", col("id", integer), col("x", integer)), "SomeConstraint", true, "x"))
		},
	},
	{name: "test_nothing_changed_two", m1: nothingChangedTwo, m2: nothingChangedTwo},
	{name: "test_nothing_changed_unique_w_colkeys",
		m1: func() []*orm.Table {
			return tables(ix(tbl("nothing_changed", colKey("x", "Nx", varchar(20))), "", true, "Nx"))
		},
		m2: func() []*orm.Table {
			return tables(ix(tbl("nothing_changed", colKey("x", "Nx", varchar(20))), "", true, "Nx"))
		},
	},
	{name: "test_nothing_changed_cols_unsorted",
		m1: func() []*orm.Table { return tables(somethingChanged(true)) },
		m2: func() []*orm.Table { return tables(somethingChanged(true)) },
	},
	{name: "test_remove_uq_constraint",
		m1:   func() []*orm.Table { return tables(somethingChanged(true)) },
		m2:   func() []*orm.Table { return tables(somethingChanged(false)) },
		want: []string{"remove_index uq_sc_sid_label"}},
	{name: "test_uq_casing_convention_changed_so_put_drops_first",
		m1: func() []*orm.Table {
			return tables(ix(tbl("new_idx", col("id1", integer), col("x", varchar(20))), "SomeCasingConvention", true, "x"))
		},
		m2: func() []*orm.Table {
			return tables(ix(tbl("new_idx", col("id1", integer), col("x", varchar(20))), "somecasingconvention", true, "x"))
		},
		want: []string{"remove_index SomeCasingConvention", "add_unique_index somecasingconvention"}},
	{name: "test_drop_table_w_uq_constraint",
		m1: func() []*orm.Table {
			return tables(ix(tbl("some_table", col("id", integer), col("x", varchar(20)), col("y", varchar(20))), "uq_y", true, "y"))
		},
		want: []string{"remove_table some_table"}},
	{name: "test_unnamed_cols_changed",
		m1: func() []*orm.Table {
			return tables(ix(tbl("col_change", col("x", integer), col("y", integer)), "", true, "x"))
		},
		m2: func() []*orm.Table {
			return tables(ix(tbl("col_change", col("x", integer), col("y", integer)), "", true, "x", "y"))
		},
		want: []string{"remove_index uq_col_change_x", "add_unique_index uq_col_change_x"}},
	{name: "test_remove_named_unique_index",
		m1:   func() []*orm.Table { return tables(ix(tbl("remove_idx", col("x", integer)), "xidx", true, "x")) },
		m2:   func() []*orm.Table { return tables(tbl("remove_idx", col("x", integer))) },
		want: []string{"remove_index xidx"}},
	{name: "test_remove_named_unique_constraint",
		ddl: map[string][]string{"*": {"CREATE TABLE remove_idx (x INTEGER, CONSTRAINT xidx UNIQUE (x))"}},
		m2:  func() []*orm.Table { return tables(tbl("remove_idx", col("x", integer))) },
		// MySQL reports a unique constraint as a unique index.
		want:             []string{"remove_constraint xidx"},
		wantBy:           map[string][]string{"mysql": {"remove_index xidx"}},
		noDowngradeCheck: true},
	{name: "test_dont_add_uq_on_table_create",
		m2:   func() []*orm.Table { return tables(tbl("no_uq", col("x", varchar(50), unique))) },
		want: []string{"add_table no_uq"}},
	{name: "test_dont_add_uq_on_reverse_table_drop",
		m1:   func() []*orm.Table { return tables(tbl("no_uq", col("x", varchar(50), unique))) },
		want: []string{"remove_table no_uq"}},
	// Alembic proposes the table, then its index; flagon's CreateTable
	// carries the table's indexes.
	{name: "test_add_uq_ix_on_table_create",
		m2:   func() []*orm.Table { return tables(tbl("add_ix", col("x", varchar(50), unique, indexed))) },
		want: []string{"add_table add_ix"}},
}

// orderTable is the "order" table of test_index_becomes_unique.
func orderTable(unique bool) *orm.Table {
	t := tbl("order", col("order_id", integer), col("amount", numeric(10, 2)), col("user_id", integer))
	pk(t, "order_id")
	ix(t, "order_order_id_user_id_unique", true, "order_id", "user_id")
	return ix(t, "order_user_id_amount_idx", unique, "user_id", "amount")
}

// colKey makes a column whose Go field (SQLAlchemy's key) differs from
// its name.
func colKey(name, field string, typ orm.ColumnType) *orm.Column {
	c := col(name, typ)
	c.Field = field
	return c
}

// TestAlembicUniqueIndexes ports AutogenerateUniqueIndexTest.
func TestAlembicUniqueIndexes(t *testing.T) { runAlembicCases(t, alembicUniqueIndexCases) }

// labelConv is the naming convention of the label tests.
var labelConv = &orm.NamingConvention{Index: "index_%(table_name)s_%(column_0_label)s", Unique: "unique_%(table_name)s_%(column_0_label)s"}

// longLabel is the table of test_nothing_ix_changed_labels_were_truncated.
func longLabel() *orm.Table {
	return pk(tbl("nothing_changed", col("id1", integer), col("id2", integer),
		col("a_particularly_long_column_name", varchar(20), indexed)), "id1", "id2")
}

// nothingChangedFK is the table pair of the implicit FK index tests.
func nothingChangedFK(composite bool) []*orm.Table {
	if composite {
		nc2 := pk(tbl("nc2", col("id1", integer), col("id2", integer)), "id1", "id2")
		t := tbl("nothing_changed", col("id", integer), col("other_id_1", integer), col("other_id_2", integer), col("foo", integer))
		return tables(nc2, fk(t, "fk_my_table_other_table", []string{"other_id_1", "other_id_2"}, "nc2", []string{"id1", "id2"}, "", ""))
	}
	t := tbl("nothing_changed", col("id", integer), col("other_id", integer, notNull), col("foo", integer))
	return tables(tbl("nc2", col("id", integer)), fk(t, "fk_my_table_other_table", []string{"other_id"}, "nc2", []string{"id"}, "", ""))
}

// newIdx is the table of the "index named as column" tests.
func newIdx(index string) *orm.Table {
	t := pk(tbl("new_idx", col("id1", integer), col("id2", integer), col("x", varchar(20))), "id1", "id2")
	if index != "" {
		ix(t, index, false, "x")
	}
	return t
}

// orderChange is the table of test_column_order_changed.
func orderChange(cols ...string) *orm.Table {
	return ix(tbl("order_change", col("id", integer), col("x", integer), col("y", integer)), "SomeIndex", false, cols...)
}

var alembicIndexCases = []alembicCase{
	{name: "test_nothing_changed_one",
		m1: func() []*orm.Table { return tables(tbl("nothing_changed", col("x", varchar(20), indexed))) },
		m2: func() []*orm.Table { return tables(tbl("nothing_changed", col("x", varchar(20), indexed))) },
	},
	// Without Alembic's max_identifier_length=30: the index name, 68
	// characters, is longer than PostgreSQL's 63 and MySQL's 64.
	{name: "test_nothing_ix_changed_labels_were_truncated", conv: labelConv,
		m1: func() []*orm.Table { return tables(longLabel()) },
		m2: func() []*orm.Table { return tables(longLabel()) },
	},
	{name: "test_nothing_changed_ix_w_mixed_case_plain_name",
		m1: func() []*orm.Table {
			return tables(ix(tbl("nothing_changed", col("id", integer), col("x", integer)), "SomeIndex", false, "x"))
		},
		m2: func() []*orm.Table {
			return tables(ix(tbl("nothing_changed", col("id", integer), col("x", integer)), "SomeIndex", false, "x"))
		},
	},
	{name: "test_nothing_changed_ix_w_mixed_case_nconv_name", conv: labelConv,
		m1: func() []*orm.Table {
			return tables(tbl("NothingChanged", col("id", integer), col("XCol", integer, indexed)))
		},
		m2: func() []*orm.Table {
			return tables(tbl("NothingChanged", col("id", integer), col("XCol", integer, indexed)))
		},
	},
	{name: "test_new_table_added",
		m2: func() []*orm.Table {
			return tables(ix(tbl("extra", col("foo", integer, indexed), col("bar", integer)), "newtable_idx", false, "bar"))
		},
		want: []string{"add_table extra"}},
	{name: "test_nothing_changed_index_w_colkeys",
		m1: func() []*orm.Table {
			return tables(ix(tbl("nothing_changed", colKey("x", "Nx", varchar(20))), "foobar", false, "Nx"))
		},
		m2: func() []*orm.Table {
			return tables(ix(tbl("nothing_changed", colKey("x", "Nx", varchar(20))), "foobar", false, "Nx"))
		},
	},
	{name: "test_nothing_changed_index_named_as_column",
		m1: func() []*orm.Table { return tables(newIdx("x")) },
		m2: func() []*orm.Table { return tables(newIdx("x")) },
	},
	{name: "test_nothing_changed_implicit_fk_index_named",
		m1: func() []*orm.Table { return nothingChangedFK(false) },
		m2: func() []*orm.Table { return nothingChangedFK(false) },
	},
	{name: "test_nothing_changed_implicit_composite_fk_index_named",
		m1: func() []*orm.Table { return nothingChangedFK(true) },
		m2: func() []*orm.Table { return nothingChangedFK(true) },
	},
	{name: "test_ix_casing_convention_changed_so_put_drops_first",
		m1: func() []*orm.Table {
			return tables(ix(tbl("new_idx", col("id1", integer), col("x", varchar(20))), "SomeCasingConvention", false, "x"))
		},
		m2: func() []*orm.Table {
			return tables(ix(tbl("new_idx", col("id1", integer), col("x", varchar(20))), "somecasingconvention", false, "x"))
		},
		want: []string{"remove_index SomeCasingConvention", "add_index somecasingconvention"}},
	{name: "test_new_idx_index_named_as_column",
		m1:   func() []*orm.Table { return tables(newIdx("")) },
		m2:   func() []*orm.Table { return tables(newIdx("x")) },
		want: []string{"add_index x"}},
	{name: "test_removed_idx_index_named_as_column",
		m1:   func() []*orm.Table { return tables(newIdx("x")) },
		m2:   func() []*orm.Table { return tables(newIdx("")) },
		want: []string{"remove_index x"}},
	// Alembic removes the indexes, then the table; flagon's DropTable
	// drops them with it (and recreates them in the downgrade).
	{name: "test_drop_table_w_indexes",
		m1: func() []*orm.Table {
			t := tbl("some_table", col("id", integer), col("x", varchar(20)), col("y", varchar(20)))
			return tables(ix(ix(t, "xy_idx", false, "x", "y"), "y_idx", false, "y"))
		},
		want: []string{"remove_table some_table"}},
	{name: "test_add_ix_on_table_create",
		m2:   func() []*orm.Table { return tables(tbl("add_ix", col("x", varchar(50), indexed))) },
		want: []string{"add_table add_ix"}},
	{name: "test_unchanged_case_sensitive_implicit_idx",
		m1: func() []*orm.Table { return tables(tbl("add_ix", col("regNumber", varchar(50), indexed))) },
		m2: func() []*orm.Table { return tables(tbl("add_ix", col("regNumber", varchar(50), indexed))) },
	},
	{name: "test_unchanged_case_sensitive_explicit_idx",
		m1: func() []*orm.Table {
			return tables(ix(tbl("add_ix", col("reg_number", varchar(50))), "regNumber_idx", false, "reg_number"))
		},
		m2: func() []*orm.Table {
			return tables(ix(tbl("add_ix", col("reg_number", varchar(50))), "regNumber_idx", false, "reg_number"))
		},
	},
	{name: "test_column_order_changed",
		m1:   func() []*orm.Table { return tables(orderChange("x", "y")) },
		m2:   func() []*orm.Table { return tables(orderChange("y", "x")) },
		want: []string{"remove_index SomeIndex", "add_index SomeIndex"}},
}

// TestAlembicIndexes ports AutogenerateIndexTest.
func TestAlembicIndexes(t *testing.T) { runAlembicCases(t, alembicIndexCases) }
