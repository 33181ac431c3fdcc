package orm_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/orm"
)

// exprCases are the expression-language statements rendered per dialect
// into testdata/expr; names of cases ported from SQLAlchemy's suite are
// the original tests' names.
func exprCases(q orm.Querier) []struct {
	name string
	r    sqlRenderer
} {
	author := orm.Aliased[User]("author")
	u2 := orm.Aliased[User]("u2")
	perUser := orm.Select[Post](q).Columns("author_id", orm.Count().As("n")).GroupBy("author_id").Subquery("per_user")
	tree := orm.RecursiveCTE("tree", "id", "name", "depth")
	tree.UnionAll(
		orm.Select[Node](q).Columns("id", "name", orm.SQL("0")).Where(orm.C("parent_id").IsNull()),
		orm.Select[Node](q).Columns("node.id", "node.name", orm.Binary{Left: tree.C("depth"), Op: "+", Right: 1}).JoinOn(tree, orm.C("node.parent_id").Eq(tree.C("id"))),
	)
	views := orm.Select[Post](q).Columns("author_id", orm.Sum("views").As("total")).GroupBy("author_id").CTE("views")
	win := orm.PartitionBy("author_id").OrderBy("-views")
	return []struct {
		name string
		r    sqlRenderer
	}{
		// 1. column and tuple selects
		{"test_modern_tuple columns", orm.Select[Post](q).Columns("Title", "views").Where(orm.C("views").Gt(1))},
		{"columns aggregate labels", orm.Select[Post](q).Columns("author_id", orm.Count().As("n"), orm.Sum("views").As("total")).GroupBy("author_id")},
		{"order by label", orm.Select[Post](q).Columns("author_id", orm.Count().As("n")).GroupBy("author_id").OrderBy("-n", "author_id")},
		{"test_from_subquery", orm.Select[User](q).From(perUser).Columns(perUser.C("author_id"), perUser.C("n")).Where(perUser.C("n").Gt(1))},
		{"from subquery entity", orm.Select[Post](q).From(orm.Select[Post](q).Where(orm.C("views").Gt(5)).Subquery("popular"))},
		// 2. case, coalesce, nullif, cast, ilike, concat
		{"test_case", orm.Select[Post](q).Columns("title", orm.Case(orm.When(orm.C("views").Ge(10), "hot"), orm.When(orm.C("views").Ge(5), "warm")).Else("cold").As("heat"))},
		{"coalesce nullif", orm.Select[Post](q).Columns(orm.Coalesce("author_id", 0).As("a"), orm.NullIf("views", 0).As("v"))},
		{"test_cast", orm.Select[Post](q).Columns(orm.Cast("views", orm.CastString), orm.Cast("title", orm.CastInteger), orm.Cast("views", orm.CastNumeric(10, 2)), orm.Cast("views", orm.CastFloat))},
		{"test_ilike", orm.Select[User](q).Where(orm.C("name").ILike("AN%"), orm.C("name").NotILike("%X"))},
		{"test_concat", orm.Select[User](q).Columns(orm.As(orm.Concat("name", orm.Value("!")), "shout"))},
		// 3. exists, any/has, aliases, relationship joins
		{"test_exists", orm.Select[User](q).Where(orm.Exists(orm.Select[Post](q).Columns(orm.SQL("1")).Where(orm.C("post.author_id").Eq(orm.C("user.id")))))},
		{"not exists", orm.Select[User](q).Where(orm.NotExists(orm.Select[Post](q).Columns(orm.SQL("1")).Where(orm.C("post.author_id").Eq(orm.C("user.id")))))},
		{"test_o2m_any", orm.Select[User](q).Where(orm.Rel[User]("Posts").Any(orm.C("post.views").Gt(20)))},
		{"test_has_many_to_one", orm.Select[Post](q).Where(orm.Rel[Post]("Author").Has(orm.C("user.name").Eq("ann")))},
		{"test_any_many_to_many", orm.Select[Post](q).Where(orm.Rel[Post]("Tags").Any(orm.C("tag.name").Eq("sql")))},
		{"selfref any", orm.Select[Node](q).Where(orm.Rel[Node]("Children").Any(orm.C("node.name").Eq("a1")))},
		{"test_join_against_self", orm.Select[Node](q).Columns("node.name", orm.As(orm.C("parent.name"), "parent")).
			JoinOn(orm.Aliased[Node]("parent"), orm.C("parent.id").Eq(orm.C("node.parent_id")))},
		{"test_multiple_with_aliases", orm.Select[Post](q).Columns("post.title").JoinRelationAs("Author", author).
			JoinOn(u2, u2.C("Name").Eq(author.C("name"))).Where(u2.C("id").Ne(author.C("id")))},
		{"join relationship o2m", orm.Select[User](q).JoinRelation("Posts").Where(orm.C("post.views").Gt(5)).Distinct()},
		{"test_aliased_classes_m2m join", orm.Select[Post](q).JoinRelation("Tags").Where(orm.C("tag.name").Eq("go"))},
		{"left join relationship", orm.Select[User](q).Columns("user.name", orm.Count("post.id")).LeftJoinRelation("Posts").GroupBy("user.name")},
		// 4. CTEs
		{"test_nonrecursive", orm.Select[User](q).Columns("user.name", views.C("total")).JoinOn(views, views.C("author_id").Eq(orm.C("user.id")))},
		{"test_recursive", orm.Select[Node](q).From(tree).Columns(tree.C("name"), tree.C("depth")).OrderBy(tree.C("depth"), tree.C("name"))},
		// 5. window functions
		{"test_over", orm.Select[Post](q).Columns("title", orm.RowNumber().Over(win).As("rn"), orm.Rank().Over(win).As("r"), orm.DenseRank().Over(win).As("dr"))},
		{"lag lead", orm.Select[Post](q).Columns("title", orm.Lag("views", 2).Over(orm.OrderedBy("id")).As("prev"), orm.Lead("views", 1).Over(orm.OrderedBy("id")).As("next"))},
		{"test_over_framespec", orm.Select[Post](q).Columns("title", orm.Sum("views").Over(orm.PartitionBy("author_id").OrderBy("id").Rows(orm.UnboundedPreceding, orm.CurrentRow)).As("running"),
			orm.Avg("views").Over(orm.OrderedBy("id").Rows(orm.Preceding(1), orm.Following(1))).As("avg3"))},
		// 6. set operations
		{"test_union", orm.Union(orm.Select[User](q).Columns("name").Where(orm.C("id").Eq(1)), orm.Select[Tag](q).Columns("name")).OrderBy("name")},
		{"union all", orm.UnionAll(orm.Select[User](q).Columns("name"), orm.Select[Tag](q).Columns("name").OrderBy("name").Limit(1))},
		{"intersect", orm.Intersect(orm.Select[User](q).Columns("id"), orm.Select[Post](q).Columns("author_id"))},
		{"except", orm.Except(orm.Select[User](q).Columns("id"), orm.Select[Post](q).Columns("author_id"))},
		// 7. locking
		{"test_for_update", orm.Select[Post](q).Where(orm.C("id").Eq(7)).ForUpdate()},
		{"for update nowait", orm.Select[Post](q).ForUpdate(orm.NoWait())},
		{"test_postgres_update_skip_locked", orm.Select[Post](q).OrderBy("id").Limit(1).ForUpdate(orm.SkipLocked())},
		{"for share", orm.Select[Post](q).ForShare()},
	}
}

func TestExprGolden(t *testing.T) {
	must(t, orm.NewMetaData().Register(User{}, Profile{}, Post{}, Tag{}, PostTag{}, Node{}))
	for _, name := range dialectNames {
		q := offline{mustDialect(t, name)}
		var b strings.Builder
		for _, c := range exprCases(q) {
			query, args, err := c.r.SQL()
			if err != nil {
				t.Fatalf("%s/%s: %v", name, c.name, err)
			}
			fmt.Fprintf(&b, "-- %s\n%s\n-- args: %s\n\n", c.name, query, formatArgs(args))
		}
		t.Run(name, func(t *testing.T) { golden(t, "expr/"+name+".sql", b.String()) })
	}
}

func TestExprBuildErrors(t *testing.T) {
	q := offline{mustDialect(t, "sqlite")}
	tree := orm.RecursiveCTE("tree", "id", "depth").UnionAll(orm.Select[Node](q).Columns("id", orm.Value(0)), orm.Select[Node](q).Columns("id", orm.Value(1)))
	tests := []struct {
		name string
		r    sqlRenderer
		want string
	}{
		{"unknown column", orm.Select[User](q).Columns("name", "colour"), `no field or column "colour"`},
		{"unknown qualified column", orm.Select[User](q).Columns("user.colour"), `"colour"`},
		{"unknown alias column", orm.Select[User](q).JoinOn(orm.Aliased[User]("u2"), orm.Aliased[User]("u2").C("nope").Eq(1)), `"nope"`},
		{"unknown relationship any", orm.Select[User](q).Where(orm.Rel[User]("Comments").Any()), `no relationship "Comments"`},
		{"unknown relationship join", orm.Select[User](q).JoinRelation("Comments"), `no relationship "Comments"`},
		{"any on to-one", orm.Select[Post](q).Where(orm.Rel[Post]("Author").Any()), "use Has"},
		{"has on collection", orm.Select[User](q).Where(orm.Rel[User]("Posts").Has()), "use Any"},
		{"alias of another model", orm.Select[Post](q).JoinRelationAs("Author", orm.Aliased[Tag]("t")), "not the relationship's target"},
		{"union mismatched columns", orm.Union(orm.Select[User](q).Columns("id", "name"), orm.Select[Tag](q).Columns("name")), "different numbers of columns: 2 and 1"},
		{"union model and columns", orm.Union(orm.Select[User](q), orm.Select[Tag](q).Columns("name")), "different numbers of columns"},
		{"intersect all on sqlite", orm.IntersectAll(orm.Select[User](q).Columns("id"), orm.Select[Post](q).Columns("author_id")), "INTERSECT ALL is not supported by sqlite"},
		{"except all on sqlite", orm.ExceptAll(orm.Select[User](q).Columns("id"), orm.Select[Post](q).Columns("author_id")), "EXCEPT ALL is not supported by sqlite"},
		{"empty union", orm.Union(), "at least one query"},
		{"unknown cte column", orm.Select[Node](q).From(tree).Columns(tree.C("name")), `CTE tree has no column "name"`},
		{"unknown subquery column", orm.Select[Post](q).From(orm.Select[Post](q).Columns("author_id", orm.Count().As("n")).GroupBy("author_id").Subquery("per")).
			Columns(orm.Select[Post](q).Columns("author_id", orm.Count().As("n")).Subquery("per").C("total")), `subquery per has no column "total" (it has author_id, n)`},
		{"unknown model subquery column", orm.Select[Post](q).Columns(orm.Select[Post](q).Subquery("p").C("colour")), `subquery p has no column "colour"`},
		{"unknown cte query column", orm.Select[Post](q).Columns(orm.Select[Post](q).Columns("title").CTE("c").C("views")), `CTE c has no column "views"`},
		{"unknown union column", orm.Select[Post](q).Columns(orm.Union(orm.Select[User](q).Columns("name"), orm.Select[Tag](q).Columns("name")).Subquery("u").C("title")), `subquery u has no column "title"`},
		{"recursive cte without body", orm.Select[Node](q).From(orm.RecursiveCTE("t", "id")), "has no body"},
		{"cte column count", orm.Select[Node](q).From(orm.RecursiveCTE("t", "id").UnionAll(orm.Select[Node](q).Columns("id", "name"), orm.Select[Node](q).Columns("id", "name"))), "names 1 columns but its query selects 2"},
		{"empty case", orm.Select[Post](q).Columns(orm.Case()), "at least one When"},
		{"from nil", orm.Select[Post](q).From(nil), "From(nil)"},
		{"exists nil", orm.Select[Post](q).Where(orm.Exists(nil)), "Exists(nil)"},
		{"lag default on mysql", orm.Select[Post](offline{mustDialect(t, "mysql")}).Columns(orm.Lag("views", 1, 0).Over(nil)), "lag with a default is not supported by mysql"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := tt.r.SQL()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}
