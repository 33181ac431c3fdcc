package orm_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Cases ported from SQLAlchemy's test/sql/test_compiler.py (and the
// reserved-word cases of test/sql/test_quote.py): the SQL of each dialect
// is in testdata/expr/sa_compiler_<dialect>.sql; TestSACompilerResults
// runs the statements on every database.

// SAReserved is a table and columns named by SQL reserved words.
type SAReserved struct {
	ID     int64
	Select string `orm:"size:10"`
	From   *int
	Order  int
}

// TableName is a reserved word too.
func (SAReserved) TableName() string { return "order" }

func saCompilerCases(q orm.Querier) []namedSQL {
	wrote := orm.Select[Post](q).Columns(orm.SQL("1")).Where(orm.C("post.author_id").Eq(orm.C("user.id")))
	postCount := orm.Select[Post](q).Columns(orm.Count()).Where(orm.C("post.author_id").Eq(orm.C("user.id")))
	return []namedSQL{
		{"test_limit_offset 5 10", orm.Select[User](q).Columns("id").Limit(5).Offset(10)},
		{"test_limit_offset None 10", orm.Select[User](q).Columns("id").Offset(10)},
		{"test_limit_offset 5 None", orm.Select[User](q).Columns("id").Limit(5)},
		{"test_limit_offset 0 0", orm.Select[User](q).Columns("id").Limit(0).Offset(0)},
		{"test_order_by_nulls desc nulls first", orm.Select[Node](q).OrderBy(orm.C("id"), orm.NullsFirst(orm.C("parent_id").Desc()))},
		{"test_order_by_nulls desc nulls last", orm.Select[Node](q).OrderBy(orm.C("id"), orm.NullsLast(orm.C("parent_id").Desc()))},
		{"test_order_by_nulls nulls last, desc nulls first", orm.Select[Node](q).OrderBy(orm.NullsLast(orm.C("parent_id")), orm.NullsFirst(orm.C("name").Desc()))},
		{"test_order_by_nulls nulls first asc", orm.Select[Node](q).OrderBy(orm.NullsFirst(orm.C("parent_id").Asc()), orm.C("name").Desc())},
		{"test_orderby_groupby asc desc", orm.Select[Node](q).OrderBy(orm.C("id"), orm.C("name").Asc()).OrderBy(orm.C("name").Desc())},
		{"test_orderby_groupby order_by None", orm.Select[Node](q).OrderBy("id").OrderBy("-name").OrderBy(nil)},
		{"test_orderby_groupby group_by", orm.Select[Post](q).Columns("title", orm.Count("id")).GroupBy("title")},
		{"test_orderby_groupby group_by None", orm.Select[Post](q).Columns("title").GroupBy("title").GroupBy(nil)},
		{"test_orderby_groupby having", orm.Select[Post](q).Columns("author_id", orm.Count("id")).GroupBy("author_id").Having(orm.Count("id").Gt(1), orm.Sum("views").Lt(100)).OrderBy("author_id")},
		{"test_distinct_select_modifier", orm.Select[User](q).Distinct().Columns("name")},
		{"test_where_empty", orm.Select[User](q).Columns("id").Where()},
		{"test_where_multiple", orm.Select[User](q).Columns("id").Where(orm.C("id").Eq(1), orm.C("name").Eq("ann"))},
		{"test_exists", orm.Select[User](q).Where(orm.Exists(orm.Select[User](q).Columns("id").Where(orm.C("id").Eq(5))))},
		{"test_exists label", orm.Select[User](q).Columns("user.id", orm.As(orm.Exists(wrote), "foo"))},
		{"test_exists correlated not", orm.Select[User](q).Where(orm.Not(orm.Exists(wrote)))},
		{"test_where_subquery in", orm.Select[User](q).Where(orm.C("id").In(orm.Select[Post](q).Columns("author_id").Where(orm.C("views").Gt(5))))},
		{"test_where_subquery scalar", orm.Select[Post](q).Where(orm.C("views").Eq(orm.Select[Post](q).Columns(orm.Max("views"))))},
		{"test_where_subquery correlated", orm.Select[User](q).Where(orm.Binary{Left: postCount, Op: ">", Right: 1})},
		{"test_scalar_select", orm.Select[User](q).Columns("user.name", orm.As(postCount, "anon_1"))},
		{"test_orderby_subquery", orm.Select[User](q).Columns("user.name").OrderBy(postCount, "user.name")},
		{"label quoting", orm.Select[User](q).Columns(orm.As(orm.C("name"), "user name"), orm.As(orm.C("id"), `we"ird`), orm.As(orm.C("id"), "order"))},
		{"test_reserved_words", orm.Select[SAReserved](q).Columns("select", "From", orm.Max("order").As("group")).Where(orm.C("order").Gt(0)).GroupBy("select", "From").OrderBy("select")},
		{"test_reserved_words model", orm.Select[SAReserved](q).Where(orm.C("order.select").Eq("a")).OrderBy("-Order")},
	}
}

func TestSACompilerGolden(t *testing.T) {
	must(t, orm.NewMetaData().Register(SAReserved{}))
	renderGolden(t, "expr/sa_compiler", saCompilerCases)
}

func TestSACompilerResults(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := exprDB(t, db)
		md := orm.NewMetaData()
		must(t, md.Register(SAReserved{}))
		must(t, md.CreateAll(ctx, e))
		one, two := 1, 2
		must(t, orm.InsertMany(ctx, e, []*SAReserved{{Select: "a", From: &one, Order: 3}, {Select: "a", From: &one, Order: 5}, {Select: "b", Order: 1}, {Select: "c", From: &two, Order: 0}}))
		nodes := func(q *orm.SelectQuery[Node]) []string {
			t.Helper()
			return into[string](t, q.Columns("name"))
		}
		users := func(q *orm.SelectQuery[User]) []string {
			t.Helper()
			return into[string](t, q.Columns("user.name").OrderBy("user.name"))
		}
		postCount := orm.Select[Post](e).Columns(orm.Count()).Where(orm.C("post.author_id").Eq(orm.C("user.id")))
		wrote := orm.Select[Post](e).Columns(orm.SQL("1")).Where(orm.C("post.author_id").Eq(orm.C("user.id")))
		// Node ids: root 1 (no parent), a 2 and b 3 (parent 1), a1 4 (parent 2).
		tests := []struct {
			name      string
			got, want []string
		}{
			{"test_limit_offset 5 10", users(orm.Select[User](e).Limit(5).Offset(10)), nil},
			{"test_limit_offset None 10", into[string](t, orm.Select[User](e).Columns("name").OrderBy("name").Offset(1)), []string{"bob", "cid"}},
			{"test_limit_offset 1 1", into[string](t, orm.Select[User](e).Columns("name").OrderBy("name").Limit(1).Offset(1)), []string{"bob"}},
			{"test_limit_offset 0 0", into[string](t, orm.Select[User](e).Columns("name").Limit(0).Offset(0)), nil},
			{"test_order_by_nulls asc nulls first", nodes(orm.Select[Node](e).OrderBy(orm.NullsFirst(orm.C("parent_id").Asc()), orm.C("name"))), []string{"root", "a", "b", "a1"}},
			{"test_order_by_nulls asc nulls last", nodes(orm.Select[Node](e).OrderBy(orm.NullsLast(orm.C("parent_id")), orm.C("name"))), []string{"a", "b", "a1", "root"}},
			{"test_order_by_nulls desc nulls first", nodes(orm.Select[Node](e).OrderBy(orm.NullsFirst(orm.C("parent_id").Desc()), orm.C("name"))), []string{"root", "a1", "a", "b"}},
			{"test_order_by_nulls desc nulls last", nodes(orm.Select[Node](e).OrderBy(orm.NullsLast(orm.C("parent_id").Desc()), orm.C("name").Desc())), []string{"a1", "b", "a", "root"}},
			{"test_orderby_groupby order_by None", nodes(orm.Select[Node](e).OrderBy("-name").OrderBy(nil).OrderBy("name")), []string{"a", "a1", "b", "root"}},
			{"test_orderby_groupby having", into[string](t, orm.Select[Post](e).Columns("user.name").JoinRelation("Author").GroupBy("user.name").
				Having(orm.Count("post.id").Gt(1), orm.Sum("views").Lt(20))), []string{"bob"}},
			{"test_distinct_select_modifier", into[string](t, orm.Select[Post](e).Distinct().Columns("views").Where(orm.C("views").Eq(5))), []string{"5"}},
			{"test_where_multiple", users(orm.Select[User](e).Where(orm.C("id").Gt(1), orm.C("name").Ne("cid"))), []string{"bob"}},
			{"test_exists correlated", users(orm.Select[User](e).Where(orm.Exists(wrote))), []string{"ann", "bob"}},
			{"test_exists correlated not", users(orm.Select[User](e).Where(orm.Not(orm.Exists(wrote)))), []string{"cid"}},
			{"test_where_subquery in", users(orm.Select[User](e).Where(orm.C("id").In(orm.Select[Post](e).Columns("author_id").Where(orm.C("views").Gt(20))))), []string{"ann"}},
			{"test_where_subquery scalar", into[string](t, orm.Select[Post](e).Columns("title").Where(orm.C("views").Eq(orm.Select[Post](e).Columns(orm.Max("views"))))), []string{"SQL"}},
			{"test_where_subquery correlated", users(orm.Select[User](e).Where(orm.Binary{Left: postCount, Op: ">=", Right: 2})), []string{"ann", "bob"}},
			{"test_orderby_subquery", into[string](t, orm.Select[User](e).Columns("user.name").OrderBy(postCount, "-user.name")), []string{"cid", "bob", "ann"}},
			{"test_reserved_words", into[string](t, orm.Select[SAReserved](e).Columns("select").Where(orm.C("order").Gt(0)).GroupBy("select").
				Having(orm.Max("order").Gt(1)).OrderBy("select")), []string{"a"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { check(t, tt.got, tt.want) })
		}
		t.Run("test_exists label", func(t *testing.T) {
			got := into[orm.Tuple2[string, bool]](t, orm.Select[User](e).Columns("user.name", orm.As(orm.Exists(wrote), "foo")).OrderBy("user.name"))
			check(t, got, []orm.Tuple2[string, bool]{{V1: "ann", V2: true}, {V1: "bob", V2: true}, {V1: "cid", V2: false}})
		})
		t.Run("test_scalar_select", func(t *testing.T) {
			got := into[orm.Tuple2[string, int64]](t, orm.Select[User](e).Columns("user.name", orm.As(postCount, "anon_1")).OrderBy("user.name"))
			check(t, got, []orm.Tuple2[string, int64]{{V1: "ann", V2: 2}, {V1: "bob", V2: 2}, {V1: "cid", V2: 0}})
		})
		t.Run("label quoting", func(t *testing.T) {
			got := into[orm.Tuple3[string, int64, int64]](t, orm.Select[User](e).Columns(orm.As(orm.C("name"), "user name"), orm.As(orm.C("id"), `we"ird`), orm.As(orm.C("id"), "order")).Where(orm.C("name").Eq("ann")))
			check(t, got, []orm.Tuple3[string, int64, int64]{{V1: "ann", V2: 1, V3: 1}})
		})
		t.Run("test_reserved_words model", func(t *testing.T) {
			got, err := orm.Select[SAReserved](e).Where(orm.C("order.select").Eq("a")).OrderBy("-Order").All(ctx)
			must(t, err)
			if len(got) != 2 || got[0].Order != 5 || got[1].Order != 3 || *got[0].From != 1 {
				t.Errorf("got %+v, want the two rows of select a, order 5 then 3", got)
			}
			n, err := orm.Update[SAReserved](e).Set("From", 9).Where(orm.C("select").Eq("b")).Exec(ctx)
			if err != nil || n != 1 {
				t.Errorf("update of reserved column = %d, %v", n, err)
			}
		})
	})
}
