package autogen_test

import (
	"testing"

	"github.com/flagon-go/flagon/orm"
)

// Ports of Alembic's tests/test_autogen_check_constraints.py (the
// table-level form; flagon's column checks are table checks too). A
// check's name is the convention's constraint_name token: "x_positive"
// is ck_t_x_positive.

// checked is table t with the given checks (name, expression pairs).
func checked(checks ...string) func() []*orm.Table {
	return func() []*orm.Table {
		t := tbl("t", col("id", integer), col("x", integer))
		for i := 0; i+1 < len(checks); i += 2 {
			t.Checks = append(t.Checks, &orm.Check{Name: checks[i], Expr: checks[i+1]})
		}
		return tables(t)
	}
}

var alembicCheckCases = []alembicCase{
	{name: "test_add_check_constraint", m1: checked(), m2: checked("x_positive", "x > 0"),
		want: []string{"add_check ck_t_x_positive"}},
	{name: "test_remove_check_constraint", m1: checked("x_positive", "x > 0"), m2: checked(),
		want: []string{"remove_check ck_t_x_positive"}},
	// SQLite keeps the expression as written, and flagon compares it there
	// (documented); PostgreSQL and MySQL rewrite it, and nothing is proposed.
	{name: "test_same_name_different_expression_no_change", m1: checked("x_positive", "x > 0"), m2: checked("x_positive", "x > 5"),
		wantBy: map[string][]string{"sqlite": {"remove_check ck_t_x_positive", "add_check ck_t_x_positive"}}},
	{name: "test_no_change_check_constraint", m1: checked("x_positive", "x > 0"), m2: checked("x_positive", "x > 0")},
	{name: "test_multiple_check_constraints", m1: checked(), m2: checked("x_positive", "x > 0", "x_small", "x < 100"),
		want: []string{"add_check ck_t_x_positive", "add_check ck_t_x_small"}, unordered: true},
	{name: "test_remove_one_of_multiple", m1: checked("x_positive", "x > 0", "x_small", "x < 100"), m2: checked("x_positive", "x > 0"),
		want: []string{"remove_check ck_t_x_small"}},
	{name: "test_add_table_with_check_constraint_no_duplicate", m2: checked("x_positive", "x > 0"),
		want: []string{"add_table t"}},
	{name: "test_drop_table_with_check_constraint_no_duplicate", m1: checked("x_positive", "x > 0"),
		want: []string{"remove_table t"}},
}

// TestAlembicCheckConstraints ports AutogenCheckConstraintTest.
func TestAlembicCheckConstraints(t *testing.T) { runAlembicCases(t, alembicCheckCases) }
