package orm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Cases ported from SQLAlchemy's test/sql/test_operators.py: the SQL of
// each dialect is in testdata/expr/sa_operators_<dialect>.sql, and the
// cases about results run on every database in TestSAOperatorsResults.

// namedSQL is one golden case: a query or a bare expression.
type namedSQL struct {
	name string
	r    sqlRenderer
}

// exprSQL renders a bare expression as a sqlRenderer.
type exprSQL struct {
	q orm.Querier
	e orm.Expr
}

func (x exprSQL) SQL() (string, []any, error) {
	b := orm.NewBuilder(x.q.Dialect())
	x.e.AppendSQL(b)
	return b.String(), b.Args(), b.Err()
}

// renderGolden writes cases for every dialect into testdata/<dir>/<file>_<dialect>.sql.
func renderGolden(t *testing.T, file string, cases func(q orm.Querier) []namedSQL) {
	t.Helper()
	must(t, orm.NewMetaData().Register(User{}, Profile{}, Post{}, Tag{}, PostTag{}, Node{}))
	for _, name := range dialectNames {
		q := offline{mustDialect(t, name)}
		var b strings.Builder
		for _, c := range cases(q) {
			query, args, err := c.r.SQL()
			if err != nil {
				t.Fatalf("%s/%s: %v", name, c.name, err)
			}
			fmt.Fprintf(&b, "-- %s\n%s\n-- args: %s\n\n", c.name, query, formatArgs(args))
		}
		t.Run(name, func(t *testing.T) { golden(t, file+"_"+name+".sql", b.String()) })
	}
}

func saOperatorCases(q orm.Querier) []namedSQL {
	x := func(e orm.Expr) sqlRenderer { return exprSQL{q, e} }
	field, name := orm.C("field"), orm.C("name")
	return []namedSQL{
		// DefaultColumnComparatorTest, NegationTest, OperatorPrecedenceTest
		{"test_null_true_false_is_sanity_checks eq None", x(field.Eq(nil))},
		{"test_null_true_false_is_sanity_checks ne None", x(field.Ne(nil))},
		{"test_operator_precedence_1", x(field.Eq(5).(orm.Binary).Eq(nil))},
		{"test_operator_precedence_2", x(field.Add(5).Eq(field))},
		{"test_operator_precedence_3", x(field.Add(5).Mul(6))},
		{"test_operator_precedence_4", x(field.Mul(5).Add(6))},
		{"test_non_associatives sub", x(orm.C("field").Add(5).Gt(orm.C("b").Sub(orm.C("c").Sub(1))))},
		{"test_operator_precedence_7", x(orm.Not(orm.And(field.Eq(5), field.Eq(7))))},
		{"test_operator_precedence_8", x(orm.Not(field.Eq(5)))},
		{"negate single and", x(orm.Not(orm.And(field.Eq(5))))},
		{"test_operator_precedence_9", x(orm.Not(field.Between(5, 6)))},
		{"test_operator_precedence_collate_3", x(name.Collate("utf8mb4_bin").Eq("foo"))},
		{"test_operator_precedence_collate_5", orm.Select[User](q).Columns("name").OrderBy(name.Collate("utf8mb4_bin").Desc())},
		{"test_operator_precedence_collate_6", orm.Select[User](q).Columns("name").OrderBy(orm.NullsLast(name.Collate("utf8mb4_bin").Desc()))},
		{"test_collate", x(name.Collate("utf8mb4_bin"))},
		{"test_negate_operators_2", orm.Select[User](q).Where(orm.C("id").Ne(12), orm.Not(name.Eq("john")))},
		{"test_negate_operators_3", orm.Select[User](q).Where(orm.C("id").Ne(12), orm.Not(name.Between("jack", "john")))},
		{"test_negate_operators_4", orm.Select[User](q).Where(orm.C("id").Ne(12), orm.Not(orm.And(name.Eq("john"), name.Eq("ed"), name.Eq("fred"))))},
		{"negate gt lt ge le", x(orm.And(orm.Not(field.Gt(1)), orm.Not(field.Lt(2)), orm.Not(field.Ge(3)), orm.Not(field.Le(4))))},
		{"negate is null, in, like, not", x(orm.And(orm.Not(field.IsNull()), orm.Not(field.In(1, 2)), orm.Not(name.Like("a%")), orm.Not(orm.Not(field.Eq(1)))))},
		{"negate exists", x(orm.Not(orm.Exists(orm.Select[Post](q).Columns(orm.SQL("1")))))},
		// ConjunctionTest
		{"test_and_false_literal_leading", x(orm.And(orm.False(), field.Eq(5)))},
		{"test_and_true_literal_leading", x(orm.And(orm.True(), field.Eq(5)))},
		{"test_or_false_literal_leading", x(orm.Or(orm.False(), field.Eq(5)))},
		{"test_or_true_literal_leading", x(orm.Or(orm.True(), field.Eq(5)))},
		{"test_is_true_literal", orm.Select[User](q).Columns("id").Where(orm.True())},
		{"test_constant_render_distinct", orm.Select[User](q).Columns(orm.True(), orm.False())},
		{"nested and or", x(orm.Or(field.Eq(1), orm.And(field.Eq(2), orm.Or(field.Eq(3), orm.Not(orm.Or(field.Eq(4), field.Eq(5)))))))},
		// InTest
		{"test_in_1", x(field.In(5))},
		{"test_in_2", x(field.In(5, 6, 7))},
		{"test_in_24 subquery", x(field.In(orm.Select[Post](q).Columns("id")))},
		{"test_in_null_combinations", x(field.In(1, nil))},
		{"test_in_empty_single in", x(field.In())},
		{"test_in_empty_single not_in", x(field.NotIn([]int{}))},
		{"test_in_empty_single negated in", x(orm.Not(field.In([]int{})))},
		{"test_in_self_plus_negated", x(orm.And(field.In(5), orm.Not(field.In(5))))},
		{"test_in_self_plus_negated_empty", x(orm.And(field.In(), orm.Not(field.In())))},
		// IsDistinctFromTest
		{"test_is_distinct_from", x(field.IsDistinctFrom(1))},
		{"test_is_distinct_from None", x(field.IsDistinctFrom(nil))},
		{"test_not_is_distinct_from", x(orm.Not(field.IsDistinctFrom(1)))},
		{"test_is_not_distinct_from", x(field.IsNotDistinctFrom(1))},
		{"test_not_is_not_distinct_from", x(orm.Not(field.IsNotDistinctFrom(1)))},
		// LikeTest, ComposedLikeOperatorsTest, BetweenTest
		{"test_like_1", x(name.Like("somstr"))},
		{"test_like_3", x(name.Like("somstr", orm.Escape('\\')))},
		{"test_like_quote_escape", x(name.Like("somstr", orm.Escape('\'')))},
		{"test_not_like_escape", x(name.NotLike("a%", orm.Escape('/')))},
		{"test_ilike_escape", x(name.ILike("a%", orm.Escape('/')))},
		{"test_not_ilike_escape", x(name.NotILike("a%", orm.Escape('/')))},
		{"test_contains", x(name.Contains("o"))},
		{"test_contains_escape", x(name.Contains("a%b_c", orm.Escape('\\')))},
		{"test_contains_autoescape", x(name.Contains("a%b_c/d", orm.AutoEscape()))},
		{"test_contains_concat", x(name.Contains(orm.C("title")))},
		{"test_not_contains_autoescape", x(orm.Not(name.Contains("a%b_c/d", orm.AutoEscape())))},
		{"test_startswith", x(name.StartsWith("a"))},
		{"test_startswith_autoescape", x(name.StartsWith("a%b_c/d", orm.AutoEscape()))},
		{"test_startswith_autoescape_custom_escape", x(name.StartsWith("a%b_c/d^e", orm.AutoEscape(), orm.Escape('^')))},
		{"test_endswith", x(name.EndsWith("a"))},
		{"test_endswith_autoescape", x(name.EndsWith("a%b_c/d", orm.AutoEscape()))},
		{"test_endswith_autoescape_custom_escape", x(name.EndsWith("a%b_c/d^e", orm.AutoEscape(), orm.Escape('^')))},
		{"test_between_1", x(field.Between(1, 2))},
		{"test_between_2", x(orm.Not(field.Between(1, 2)))},
		// concat
		{"test_concat", x(orm.Concat("name", orm.Value("x")))},
	}
}

func TestSAOperatorsGolden(t *testing.T) {
	renderGolden(t, "expr/sa_operators", saOperatorCases)
}

func TestSAOperatorsErrors(t *testing.T) {
	q := offline{mustDialect(t, "sqlite")}
	tests := []struct {
		name string
		e    orm.Expr
		want string
	}{
		{"test_contains_autoescape non string", orm.C("name").Contains(orm.C("title"), orm.AutoEscape()), "AutoEscape needs a string value"},
		{"like autoescape", orm.C("name").Like("a%", orm.AutoEscape()), "AutoEscape applies to Contains"},
		{"mysql collation not a word", orm.C("name").Collate("x; DROP"), "not a plain word"},
		{"mysql collation dotted", orm.C("name").Collate("en_US.utf8"), "not a plain word"},
		{"binary of nil", orm.Binary{Op: "+", Right: 1}, "nil expression"},
		{"nulls first of nil", orm.NullsFirst(nil), "nil expression"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qq := orm.Querier(q)
			if strings.HasPrefix(tt.name, "mysql") {
				qq = offline{mustDialect(t, "mysql")}
			}
			_, _, err := exprSQL{qq, tt.e}.SQL()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func TestSACollateDottedName(t *testing.T) {
	got, _, err := exprSQL{offline{mustDialect(t, "postgresql")}, orm.C("name").Collate("en_US.utf8")}.SQL()
	if want := `"name" COLLATE "en_US.utf8"`; err != nil || got != want {
		t.Errorf("got %s, %v; want %s", got, err, want)
	}
}

// operatorSeed adds posts whose titles hold LIKE's wildcards.
func operatorSeed(t *testing.T, e *orm.DB) {
	t.Helper()
	for _, title := range []string{"100% sure", "100 percent", "snake_case", "snakeXcase", "a/b"} {
		must(t, orm.Insert(context.Background(), e, &Post{Title: title, Views: 1}))
	}
}

func TestSAOperatorsResults(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := exprDB(t, db)
		operatorSeed(t, e)
		titles := func(conds ...orm.Expr) []string {
			t.Helper()
			return into[string](t, orm.Select[Post](e).Columns("title").Where(conds...).OrderBy("id"))
		}
		nodes := func(conds ...orm.Expr) []string {
			t.Helper()
			return into[string](t, orm.Select[Node](e).Columns("name").Where(conds...).OrderBy("name"))
		}
		title, views := orm.C("title"), orm.C("views")
		root := []string{"root"}
		tests := []struct {
			name      string
			got, want []string
		}{
			{"test_null_true_false_is_sanity_checks eq None", nodes(orm.C("parent_id").Eq(nil)), root},
			{"test_null_true_false_is_sanity_checks ne None", nodes(orm.C("parent_id").Ne(nil)), []string{"a", "a1", "b"}},
			{"test_in_empty_single in", titles(views.In()), nil},
			{"test_in_empty_single not_in", titles(views.NotIn(), views.Gt(5)), []string{"Go tips", "SQL"}},
			{"test_in_empty_single negated in", titles(orm.Not(views.In([]int{})), views.Gt(5)), []string{"Go tips", "SQL"}},
			{"empty in of a NULL column is false", nodes(orm.C("parent_id").In()), nil},
			{"empty not in of a NULL column is true", nodes(orm.C("parent_id").NotIn(), orm.C("name").Eq("root")), root},
			{"test_in_null_combinations", nodes(orm.C("parent_id").In(nil, 1)), []string{"a", "b"}},
			{"test_in_self_plus_negated_empty", titles(views.In(), orm.Not(views.In())), nil},
			{"test_contains_autoescape", titles(title.Contains("0%", orm.AutoEscape())), []string{"100% sure"}},
			{"test_contains without autoescape", titles(title.Contains("0%")), []string{"100% sure", "100 percent"}},
			{"test_contains_escape", titles(title.Contains("e^_c", orm.Escape('^'))), []string{"snake_case"}},
			{"test_startswith_autoescape", titles(title.StartsWith("snake_", orm.AutoEscape())), []string{"snake_case"}},
			{"test_startswith", titles(title.StartsWith("snake_")), []string{"snake_case", "snakeXcase"}},
			{"test_endswith_autoescape_custom_escape", titles(title.EndsWith("/b", orm.AutoEscape(), orm.Escape('^'))), []string{"a/b"}},
			{"test_not_contains_autoescape", titles(orm.Not(title.Contains("%", orm.AutoEscape())), title.StartsWith("100")), []string{"100 percent"}},
			{"test_like_3", titles(title.Like(`100\%%`, orm.Escape('\\'))), []string{"100% sure"}},
			{"test_ilike_escape", titles(title.ILike("SNAKE/_%", orm.Escape('/'))), []string{"snake_case"}},
			{"test_contains_concat", into[string](t, orm.Select[User](e).Columns("name").Where(orm.C("name").Contains(orm.Value("n"))).OrderBy("name")), []string{"ann"}},
			{"test_is_distinct_from", nodes(orm.C("parent_id").IsDistinctFrom(1)), []string{"a1", "root"}},
			{"test_is_distinct_from None", nodes(orm.C("parent_id").IsDistinctFrom(nil)), []string{"a", "a1", "b"}},
			{"test_is_not_distinct_from", nodes(orm.C("parent_id").IsNotDistinctFrom(nil)), root},
			{"test_not_is_distinct_from", nodes(orm.Not(orm.C("parent_id").IsDistinctFrom(1))), []string{"a", "b"}},
			{"test_negate_operators_2", titles(views.Ne(5), orm.Not(title.Eq("SQL")), views.Gt(1)), []string{"Go tips"}},
			{"test_negate_operators_3", titles(orm.Not(title.Between("B", "I")), views.Gt(1)), []string{"SQL"}},
			{"test_operator_precedence_3", titles(views.Add(5).Mul(2).Eq(30)), []string{"Go tips"}},
			{"test_operator_precedence_4", titles(views.Mul(2).Add(5).Eq(25)), []string{"Go tips"}},
			{"test_and_false_literal_leading", titles(orm.And(orm.False(), views.Gt(0))), nil},
			{"test_or_true_literal_leading", titles(orm.Or(orm.True(), views.Gt(1000)), views.Eq(30)), []string{"SQL"}},
			{"test_is_true_literal", titles(orm.True(), views.Eq(30)), []string{"SQL"}},
			{"test_is_false_literal", titles(orm.False()), nil},
			{"nested and or", titles(orm.Or(title.Eq("SQL"), orm.And(views.Eq(5), orm.Not(orm.Or(title.Eq("Bye"), views.Gt(100)))))), []string{"SQL", "Hello"}},
			{"test_concat", into[string](t, orm.Select[User](e).Columns(orm.Concat("name", orm.Value("!"))).Where(orm.C("name").Eq("bob"))), []string{"bob!"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { check(t, tt.got, tt.want) })
		}
		t.Run("non associative sub", func(t *testing.T) {
			// 40 - (30 - 10) is 20; (30 - 10) - 5 is 15.
			got := into[orm.Tuple2[int64, int64]](t, orm.Select[Post](e).Columns(
				orm.Binary{Left: orm.Value(40), Op: "-", Right: views.Sub(10)}, views.Sub(10).Sub(5)).Where(views.Eq(30)))
			check(t, got, []orm.Tuple2[int64, int64]{{V1: 20, V2: 15}})
		})
		t.Run("test_operator_precedence_collate_3", func(t *testing.T) {
			coll := map[string]string{"sqlite": "BINARY", "postgresql": "C", "mysql": "utf8mb4_bin"}[e.Dialect().Name()]
			got := into[string](t, orm.Select[User](e).Columns("name").Where(orm.C("name").Collate(coll).Eq("ann")))
			check(t, got, []string{"ann"})
			got = into[string](t, orm.Select[User](e).Columns("name").OrderBy(orm.C("name").Collate(coll).Desc()))
			check(t, got, []string{"cid", "bob", "ann"})
		})
	})
}
