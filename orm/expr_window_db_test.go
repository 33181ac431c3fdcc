package orm_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

func TestWindowFunctions(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := exprDB(t, db)
		byAuthor := orm.PartitionBy("author_id").OrderBy("-views", "id")
		t.Run("test_over row_number rank", func(t *testing.T) {
			got := into[orm.Tuple4[string, int64, int64, int64]](t, orm.Select[Post](e).Columns("title",
				orm.RowNumber().Over(byAuthor), orm.Rank().Over(orm.PartitionBy("author_id").OrderBy("-views")),
				orm.DenseRank().Over(orm.OrderedBy("views"))).OrderBy("id"))
			check(t, got, []orm.Tuple4[string, int64, int64, int64]{
				{V1: "Go tips", V2: 2, V3: 2, V4: 2}, {V1: "SQL", V2: 1, V3: 1, V4: 3},
				{V1: "Hello", V2: 1, V3: 1, V4: 1}, {V1: "Bye", V2: 2, V3: 1, V4: 1}})
		})
		t.Run("rank leaves gaps", func(t *testing.T) {
			got := into[int64](t, orm.Select[Post](e).Columns(orm.Rank().Over(orm.OrderedBy("views"))).OrderBy("id"))
			check(t, got, []int64{3, 4, 1, 1})
		})
		t.Run("lag lead", func(t *testing.T) {
			lag := orm.Lag("views", 1, 0).Over(orm.OrderedBy("id"))
			if db.Name == "mysql" {
				_, err := orm.Into[int64](context.Background(), orm.Select[Post](e).Columns(lag))
				if err == nil || !strings.Contains(err.Error(), "not supported by mysql") {
					t.Fatalf("err = %v, want lag with a default not supported by mysql", err)
				}
			}
			var prev orm.Expr = lag
			if db.Name == "mysql" {
				prev = orm.Coalesce(orm.Lag("views", 1).Over(orm.OrderedBy("id")), 0)
			}
			got := into[orm.Tuple2[int64, *int64]](t, orm.Select[Post](e).Columns(
				prev, orm.Lead("views", 1).Over(orm.OrderedBy("id"))).OrderBy("id"))
			var next []string
			for _, r := range got {
				next = append(next, fmtNull(r.V2))
			}
			check(t, []int64{got[0].V1, got[1].V1, got[2].V1, got[3].V1}, []int64{0, 10, 30, 5})
			check(t, next, []string{"30", "5", "5", "NULL"})
		})
		t.Run("test_over_framespec", func(t *testing.T) {
			got := into[orm.Tuple2[int64, int64]](t, orm.Select[Post](e).Columns(
				orm.Sum("views").Over(orm.PartitionBy("author_id").OrderBy("id").Rows(orm.UnboundedPreceding, orm.CurrentRow)),
				orm.Sum("views").Over(orm.OrderedBy("id").Rows(orm.Preceding(1), orm.Following(1)))).OrderBy("id"))
			check(t, got, []orm.Tuple2[int64, int64]{{V1: 10, V2: 40}, {V1: 40, V2: 45}, {V1: 5, V2: 40}, {V1: 10, V2: 10}})
		})
		t.Run("window over a labelled struct", func(t *testing.T) {
			type ranked struct {
				Title string
				Rn    int64
			}
			got := into[ranked](t, orm.Select[Post](e).Columns("title", orm.RowNumber().Over(byAuthor).As("rn")).OrderBy("id"))
			check(t, got, []ranked{{"Go tips", 2}, {"SQL", 1}, {"Hello", 1}, {"Bye", 2}})
		})
	})
}

// fmtNull prints *int64 or NULL.
func fmtNull(p *int64) string {
	if p == nil {
		return "NULL"
	}
	return strconv.FormatInt(*p, 10)
}

func TestSetOperations(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := exprDB(t, db)
		ctx := context.Background()
		userIDs := orm.Select[User](e).Columns("id")
		authorIDs := orm.Select[Post](e).Columns("author_id")
		t.Run("test_union", func(t *testing.T) {
			got := into[string](t, orm.Union(orm.Select[User](e).Columns("name"), orm.Select[Tag](e).Columns("name")).OrderBy("name"))
			check(t, got, []string{"ann", "bob", "cid", "go", "sql"})
		})
		t.Run("union removes duplicates, union all keeps them", func(t *testing.T) {
			views := orm.Select[Post](e).Columns("views")
			check(t, len(into[int64](t, orm.Union(views, views))), 3)
			check(t, len(into[int64](t, orm.UnionAll(views, views))), 8)
		})
		t.Run("union of models", func(t *testing.T) {
			got := into[Post](t, orm.Union(orm.Select[Post](e).Where(orm.C("views").Gt(20)), orm.Select[Post](e).Where(orm.C("title").Eq("Hello"))).OrderBy("id"))
			check(t, []string{got[0].Title, got[1].Title}, []string{"SQL", "Hello"})
		})
		t.Run("member with limit", func(t *testing.T) {
			got := into[string](t, orm.UnionAll(orm.Select[User](e).Columns("name").OrderBy("-name").Limit(1), orm.Select[Tag](e).Columns("name").OrderBy("name").Limit(1)).OrderBy("name"))
			check(t, got, []string{"cid", "go"})
		})
		t.Run("intersect", func(t *testing.T) {
			check(t, into[int64](t, orm.Intersect(userIDs, authorIDs).OrderBy("id")), []int64{1, 2})
		})
		t.Run("except", func(t *testing.T) {
			check(t, into[int64](t, orm.Except(userIDs, authorIDs)), []int64{3})
		})
		t.Run("intersect all and except all", func(t *testing.T) {
			_, err := orm.Into[int64](ctx, orm.ExceptAll(authorIDs, userIDs).OrderBy("author_id"))
			if db.Name == "sqlite" {
				if err == nil || !strings.Contains(err.Error(), "not supported by sqlite") {
					t.Fatalf("err = %v, want EXCEPT ALL not supported by sqlite", err)
				}
				return
			}
			check(t, into[int64](t, orm.ExceptAll(authorIDs, userIDs).OrderBy("author_id")), []int64{1, 2})
			check(t, into[int64](t, orm.IntersectAll(authorIDs, authorIDs).OrderBy("author_id")), []int64{1, 1, 2, 2})
		})
		t.Run("union as subquery", func(t *testing.T) {
			names := orm.Union(orm.Select[User](e).Columns("name"), orm.Select[Tag](e).Columns("name")).Subquery("names")
			check(t, into[int64](t, orm.Select[User](e).From(names).Columns(orm.Count())), []int64{5})
		})
	})
}
