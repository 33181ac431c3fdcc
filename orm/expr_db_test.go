package orm_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// exprSeed fills the blog tables: ann wrote "Go tips" (10 views, tag go)
// and "SQL" (30 views, tags go and sql), bob "Hello" and "Bye" (5 views
// each), cid nothing; the node tree is root > a > a1 and root > b.
func exprSeed(t *testing.T, e *orm.DB) {
	t.Helper()
	ctx := context.Background()
	s := orm.NewSession(e)
	goTag, sqlTag := &Tag{Name: "go"}, &Tag{Name: "sql"}
	s.Add(&User{Name: "ann", Active: true, Posts: orm.ManyOf(&Post{Title: "Go tips", Views: 10, Tags: orm.ManyOf(goTag)},
		&Post{Title: "SQL", Views: 30, Tags: orm.ManyOf(goTag, sqlTag)})})
	s.Add(&User{Name: "bob", Active: true, Posts: orm.ManyOf(&Post{Title: "Hello", Views: 5}, &Post{Title: "Bye", Views: 5})})
	s.Add(&User{Name: "cid"})
	s.Add(&Node{Name: "root", Children: orm.ManyOf(&Node{Name: "a", Children: orm.ManyOf(&Node{Name: "a1"})}, &Node{Name: "b"})})
	if err := s.Commit(ctx); err != nil {
		t.Fatal(err)
	}
}

// exprDB opens db with the seeded blog tables.
func exprDB(t *testing.T, db dbtest.DB) *orm.DB {
	e := blogDB(t, db)
	exprSeed(t, e)
	return e
}

// into runs Into and fails the test on an error.
func into[R any](t *testing.T, sel orm.Selectable) []R {
	t.Helper()
	out, err := orm.Into[R](context.Background(), sel)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// check compares got with want as printed values.
func check(t *testing.T, got, want any) {
	t.Helper()
	if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
		t.Errorf("got  %s\nwant %s", g, w)
	}
}

// AuthorStats is a struct of the caller's, filled by column name.
type AuthorStats struct {
	AuthorID int64
	N        int64
	Total    float64
}

func TestColumnSelects(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := exprDB(t, db)
		t.Run("test_modern_tuple", func(t *testing.T) {
			got := into[orm.Tuple2[string, int]](t, orm.Select[Post](e).Columns("title", "Views").Where(orm.C("views").Gt(5)).OrderBy("id"))
			check(t, got, []orm.Tuple2[string, int]{{V1: "Go tips", V2: 10}, {V1: "SQL", V2: 30}})
		})
		t.Run("scalars", func(t *testing.T) {
			got := into[string](t, orm.Select[User](e).Columns("name").OrderBy("-name"))
			check(t, got, []string{"cid", "bob", "ann"})
			ids := into[*int64](t, orm.Select[Post](e).Columns(orm.Max("views")).Where(orm.C("views").Gt(100)))
			if len(ids) != 1 || ids[0] != nil {
				t.Errorf("max of nothing = %v, want one NULL", ids)
			}
		})
		t.Run("struct by name", func(t *testing.T) {
			got := into[AuthorStats](t, orm.Select[Post](e).Columns("author_id", orm.Count().As("n"), orm.Sum("views").As("total")).
				GroupBy("author_id").OrderBy("author_id"))
			check(t, got, []AuthorStats{{1, 2, 40}, {2, 2, 10}})
		})
		t.Run("struct missing field", func(t *testing.T) {
			_, err := orm.Into[AuthorStats](context.Background(), orm.Select[Post](e).Columns("author_id", orm.Count()).GroupBy("author_id"))
			if err == nil {
				t.Fatal("want an error naming the unlabelled column")
			}
		})
		t.Run("test_from_subquery", func(t *testing.T) {
			per := orm.Select[Post](e).Columns("author_id", orm.Count().As("n"), orm.Sum("views").As("total")).GroupBy("author_id").Subquery("per")
			got := into[AuthorStats](t, orm.Select[Post](e).From(per).Columns(per.C("author_id"), per.C("n"), per.C("total")).Where(per.C("total").Gt(20)))
			check(t, got, []AuthorStats{{1, 2, 40}})
		})
		t.Run("models from subquery by name", func(t *testing.T) {
			// The subquery's columns in another order than the model's.
			sub := orm.Select[Post](e).Columns("views", "title", "author_id", "id").Where(orm.C("views").Eq(30)).Subquery("p")
			got, err := orm.Select[Post](e).From(sub).All(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].Title != "SQL" || got[0].Views != 30 || got[0].ID != 2 {
				t.Errorf("got %+v, want post 2 SQL with 30 views", got)
			}
		})
		t.Run("models from subquery", func(t *testing.T) {
			sub := orm.Select[Post](e).Where(orm.C("views").Ge(10)).Subquery("popular")
			got, err := orm.Select[Post](e).From(sub).OrderBy(sub.C("views")).All(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 2 || got[0].Title != "Go tips" || got[1].Title != "SQL" || got[1].Views != 30 {
				t.Errorf("got %+v, want Go tips then SQL", got)
			}
		})
	})
}

func TestCaseCoalesceCastILike(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := exprDB(t, db)
		t.Run("test_case", func(t *testing.T) {
			heat := orm.Case(orm.When(orm.C("views").Ge(10), "hot"), orm.When(orm.C("views").Ge(6), "warm")).Else("cold")
			got := into[orm.Tuple2[string, string]](t, orm.Select[Post](e).Columns("title", heat).OrderBy("id"))
			check(t, got, []orm.Tuple2[string, string]{{V1: "Go tips", V2: "hot"}, {V1: "SQL", V2: "hot"}, {V1: "Hello", V2: "cold"}, {V1: "Bye", V2: "cold"}})
		})
		t.Run("coalesce nullif", func(t *testing.T) {
			got := into[orm.Tuple2[int64, *int64]](t, orm.Select[Post](e).Columns(orm.Coalesce(orm.NullIf("views", 5), 0), orm.NullIf("views", 5)).OrderBy("id"))
			check(t, fmt.Sprint(got[0].V1, got[2].V1, *got[0].V2, got[2].V2), "10 0 10 <nil>")
		})
		t.Run("test_cast", func(t *testing.T) {
			got := into[orm.Tuple2[string, int64]](t, orm.Select[Post](e).Columns(orm.Cast("views", orm.CastString), orm.Cast(orm.Value("42"), orm.CastInteger)).Where(orm.C("title").Eq("SQL")))
			check(t, got, []orm.Tuple2[string, int64]{{V1: "30", V2: 42}})
		})
		t.Run("test_ilike", func(t *testing.T) {
			got := into[string](t, orm.Select[Post](e).Columns("title").Where(orm.C("title").ILike("%TIP%")))
			check(t, got, []string{"Go tips"})
			got = into[string](t, orm.Select[Post](e).Columns("title").Where(orm.C("title").NotILike("%o%")).OrderBy("id"))
			check(t, got, []string{"SQL", "Bye"})
		})
		t.Run("test_concat", func(t *testing.T) {
			got := into[string](t, orm.Select[Post](e).Columns(orm.Concat("title", orm.Value(" #"), "id")).Where(orm.C("id").Eq(2)))
			check(t, got, []string{"SQL #2"})
		})
	})
}

func TestExistsRelationshipsAliases(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := exprDB(t, db)
		userNames := func(q *orm.SelectQuery[User]) []string {
			t.Helper()
			return into[string](t, q.Columns("user.name").OrderBy("user.name"))
		}
		postTitles := func(q *orm.SelectQuery[Post]) []string {
			t.Helper()
			return into[string](t, q.Columns("post.title").OrderBy("post.id"))
		}
		wrote := orm.Select[Post](e).Columns(orm.SQL("1")).Where(orm.C("post.author_id").Eq(orm.C("user.id")))
		tests := []struct {
			name      string
			got, want []string
		}{
			{"test_exists", userNames(orm.Select[User](e).Where(orm.Exists(wrote))), []string{"ann", "bob"}},
			{"not exists", userNames(orm.Select[User](e).Where(orm.NotExists(wrote))), []string{"cid"}},
			{"test_any_one_to_many", userNames(orm.Select[User](e).Where(orm.Rel[User]("Posts").Any(orm.C("post.views").Gt(20)))), []string{"ann"}},
			{"any without criteria", userNames(orm.Select[User](e).Where(orm.Not(orm.Rel[User]("Posts").Any()))), []string{"cid"}},
			{"test_has_many_to_one", postTitles(orm.Select[Post](e).Where(orm.Rel[Post]("Author").Has(orm.C("user.name").Eq("bob")))), []string{"Hello", "Bye"}},
			{"test_any_many_to_many", postTitles(orm.Select[Post](e).Where(orm.Rel[Post]("Tags").Any(orm.C("tag.name").Eq("sql")))), []string{"SQL"}},
			{"m2m any reverse", into[string](t, orm.Select[Tag](e).Columns("name").Where(orm.Rel[Tag]("Posts").Any(orm.C("post.title").Eq("Go tips")))), []string{"go"}},
			{"test_selfref_relationship any", into[string](t, orm.Select[Node](e).Columns("name").Where(orm.Rel[Node]("Children").Any(orm.C("node.name").Eq("a1")))), []string{"a"}},
			{"join relationship", userNames(orm.Select[User](e).JoinRelation("Posts").Where(orm.C("post.views").Eq(5)).Distinct()), []string{"bob"}},
			{"join m2m relationship", postTitles(orm.Select[Post](e).JoinRelation("Tags").Where(orm.C("tag.name").Eq("go"))), []string{"Go tips", "SQL"}},
			{"join many-to-one relationship", postTitles(orm.Select[Post](e).JoinRelation("Author").Where(orm.C("user.name").Eq("ann"))), []string{"Go tips", "SQL"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { check(t, tt.got, tt.want) })
		}
		t.Run("test_join_against_self", func(t *testing.T) {
			parent := orm.Aliased[Node]("parent")
			got := into[orm.Tuple2[string, string]](t, orm.Select[Node](e).Columns("node.name", parent.C("name")).
				JoinOn(parent, parent.C("id").Eq(orm.C("node.parent_id"))).OrderBy("node.name"))
			check(t, got, []orm.Tuple2[string, string]{{V1: "a", V2: "root"}, {V1: "a1", V2: "a"}, {V1: "b", V2: "root"}})
		})
		t.Run("two joins to one table", func(t *testing.T) {
			// Posts whose author also wrote a post with more views.
			other := orm.Aliased[Post]("other")
			got := postTitles(orm.Select[Post](e).JoinOn(other, other.C("author_id").Eq(orm.C("post.author_id"))).
				Where(other.C("views").Gt(orm.C("post.views"))))
			check(t, got, []string{"Go tips"})
		})
		t.Run("join relationship as alias", func(t *testing.T) {
			author := orm.Aliased[User]("author")
			got := postTitles(orm.Select[Post](e).JoinRelationAs("Author", author).Where(author.C("name").Eq("bob")))
			check(t, got, []string{"Hello", "Bye"})
		})
		t.Run("any from alias", func(t *testing.T) {
			u := orm.Aliased[User]("u")
			got := into[string](t, orm.Select[User](e).From(u).Columns(u.C("name")).Where(u.Rel("Posts").Any(orm.C("post.views").Eq(30))))
			check(t, got, []string{"ann"})
		})
	})
}

func TestCTEs(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := exprDB(t, db)
		t.Run("test_nonrecursive", func(t *testing.T) {
			views := orm.Select[Post](e).Columns("author_id", orm.Sum("views").As("total")).GroupBy("author_id").CTE("views")
			got := into[orm.Tuple2[string, int64]](t, orm.Select[User](e).Columns("user.name", views.C("total")).
				JoinOn(views, views.C("author_id").Eq(orm.C("user.id"))).OrderBy("user.name"))
			check(t, got, []orm.Tuple2[string, int64]{{V1: "ann", V2: 40}, {V1: "bob", V2: 10}})
		})
		t.Run("test_recursive tree walk", func(t *testing.T) {
			tree := orm.RecursiveCTE("tree", "id", "name", "depth")
			tree.UnionAll(
				orm.Select[Node](e).Columns("id", "name", orm.SQL("0")).Where(orm.C("parent_id").IsNull()),
				orm.Select[Node](e).Columns("node.id", "node.name", orm.Binary{Left: tree.C("depth"), Op: "+", Right: 1}).
					JoinOn(tree, orm.C("node.parent_id").Eq(tree.C("id"))),
			)
			got := into[orm.Tuple2[string, int]](t, orm.Select[Node](e).From(tree).Columns(tree.C("name"), tree.C("depth")).
				OrderBy(tree.C("depth"), tree.C("name")))
			check(t, got, []orm.Tuple2[string, int]{{V1: "root", V2: 0}, {V1: "a", V2: 1}, {V1: "b", V2: 1}, {V1: "a1", V2: 2}})
		})
		t.Run("recursive cte of a subtree", func(t *testing.T) {
			sub := orm.RecursiveCTE("sub", "id")
			sub.UnionAll(
				orm.Select[Node](e).Columns("id").Where(orm.C("name").Eq("a")),
				orm.Select[Node](e).Columns("node.id").JoinOn(sub, orm.C("node.parent_id").Eq(sub.C("id"))),
			)
			got := into[string](t, orm.Select[Node](e).Columns("name").Where(orm.C("id").In(orm.Select[Node](e).From(sub).Columns(sub.C("id")))).With(sub).OrderBy("name"))
			check(t, got, []string{"a", "a1"})
		})
	})
}
