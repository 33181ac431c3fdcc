package orm_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Cases ported from SQLAlchemy's test/orm/test_query.py (GetTest,
// FilterTest, SliceTest, CountTest, DistinctTest and the one/first tests):
// the SQL is in testdata/expr/sa_query_<dialect>.sql and every case runs
// on every database in TestSAQueryResults.

func saQueryCases(q orm.Querier) []namedSQL {
	return []namedSQL{
		{"test_filter_by", orm.Select[User](q).FilterBy("Name", "ann")},
		{"test_filter_by map", orm.Select[Post](q).FilterBy(map[string]any{"Views": 5, "author_id": 2})},
		{"test_none_comparison filter_by", orm.Select[Post](q).FilterBy("AuthorID", nil)},
		{"test_none_comparison", orm.Select[Post](q).Where(orm.C("author_id").Eq(nil), orm.C("author_id").Ne(nil))},
		{"test_limit_offset_applies", orm.Select[User](q).OrderBy("id").Limit(10).Offset(10)},
		{"test_first", orm.Select[User](q).OrderBy("id").Limit(1)},
		{"test_count", orm.Select[User](q).Columns(orm.Count()).Where(orm.C("name").EndsWith("n"))},
		{"test_distinct", orm.Select[User](q).Distinct().JoinRelation("Posts").OrderBy("name")},
	}
}

func TestSAQueryGolden(t *testing.T) {
	renderGolden(t, "expr/sa_query", saQueryCases)
}

func TestSAQueryResults(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := exprDB(t, db)
		must(t, orm.Insert(ctx, e, &Post{Title: "orphan", Views: 1}))
		titles := func(q *orm.SelectQuery[Post]) []string {
			t.Helper()
			got, err := q.OrderBy("id").All(ctx)
			must(t, err)
			out := make([]string, len(got))
			for i, p := range got {
				out[i] = p.Title
			}
			return out
		}
		count := func(q *orm.SelectQuery[User]) int64 {
			t.Helper()
			n, err := q.Count(ctx)
			must(t, err)
			return n
		}
		t.Run("test_filter_by", func(t *testing.T) {
			check(t, titles(orm.Select[Post](e).FilterBy("Views", 5, "author_id", 2)), []string{"Hello", "Bye"})
			check(t, titles(orm.Select[Post](e).FilterBy(map[string]any{"Title": "SQL"})), []string{"SQL"})
		})
		t.Run("test_filter_by_no_property", func(t *testing.T) {
			_, err := orm.Select[Post](e).FilterBy("Nope", 1).All(ctx)
			if err == nil || !strings.Contains(err.Error(), `"Nope"`) {
				t.Errorf("err = %v, want one naming the unknown field", err)
			}
		})
		t.Run("test_none_comparison", func(t *testing.T) {
			check(t, titles(orm.Select[Post](e).FilterBy("AuthorID", nil)), []string{"orphan"})
			var none *int64
			check(t, titles(orm.Select[Post](e).FilterBy("AuthorID", none)), []string{"orphan"})
			check(t, titles(orm.Select[Post](e).Where(orm.C("author_id").Ne(nil), orm.C("views").Eq(30))), []string{"SQL"})
		})
		t.Run("test_one", func(t *testing.T) {
			if _, err := orm.Select[User](e).FilterBy("Name", "nobody").One(ctx); !errors.Is(err, orm.ErrNoRows) {
				t.Errorf("One of nothing = %v, want ErrNoRows (NoResultFound)", err)
			}
			if _, err := orm.Select[User](e).One(ctx); !errors.Is(err, orm.ErrMultipleRows) {
				t.Errorf("One of three = %v, want ErrMultipleRows (MultipleResultsFound)", err)
			}
			u, err := orm.Select[User](e).FilterBy("Name", "bob").One(ctx)
			if err != nil || u.Name != "bob" {
				t.Errorf("One = %v, %v; want bob", u, err)
			}
		})
		t.Run("test_one_or_none", func(t *testing.T) {
			u, err := orm.Select[User](e).Where(orm.C("id").Eq(99)).OneOrNone(ctx)
			if u != nil || err != nil {
				t.Errorf("OneOrNone of nothing = %v, %v; want nil, nil", u, err)
			}
			u, err = orm.Select[User](e).Where(orm.C("name").Eq("ann")).OneOrNone(ctx)
			if err != nil || u == nil || u.Name != "ann" {
				t.Errorf("OneOrNone = %v, %v; want ann", u, err)
			}
			if _, err := orm.Select[User](e).OneOrNone(ctx); !errors.Is(err, orm.ErrMultipleRows) {
				t.Errorf("OneOrNone of three = %v, want ErrMultipleRows", err)
			}
		})
		t.Run("test_first", func(t *testing.T) {
			u, err := orm.Select[User](e).OrderBy("-name").First(ctx)
			if err != nil || u.Name != "cid" {
				t.Errorf("First = %v, %v; want cid", u, err)
			}
			if _, err := orm.Select[User](e).Where(orm.C("id").Eq(99)).First(ctx); !errors.Is(err, orm.ErrNoRows) {
				t.Errorf("First of nothing = %v, want ErrNoRows (difference: SQLAlchemy returns None)", err)
			}
		})
		t.Run("test_limit_offset_applies", func(t *testing.T) {
			check(t, titles(orm.Select[Post](e).Limit(2).Offset(1)), []string{"SQL", "Hello"})
			check(t, titles(orm.Select[Post](e).Offset(3)), []string{"Bye", "orphan"})
			check(t, titles(orm.Select[Post](e).Limit(0)), []string{})
		})
		t.Run("test_first_against_expression_offset", func(t *testing.T) {
			p, err := orm.Select[Post](e).OrderBy("id").Offset(2).First(ctx)
			if err != nil || p.Title != "Hello" {
				t.Errorf("First after Offset(2) = %v, %v; want Hello", p, err)
			}
		})
		t.Run("test_count", func(t *testing.T) {
			check(t, count(orm.Select[User](e)), 3)
			check(t, count(orm.Select[User](e).Where(orm.C("name").EndsWith("n"))), 1)
		})
		t.Run("test_count joined rows", func(t *testing.T) {
			check(t, count(orm.Select[User](e).JoinRelation("Posts")), 4)
			check(t, count(orm.Select[User](e).JoinRelation("Posts").Distinct()), 2)
			check(t, count(orm.Select[User](e).JoinRelation("Posts").Where(orm.C("post.views").Eq(5)).Distinct()), 1)
		})
		t.Run("test_count distinct columns", func(t *testing.T) {
			check(t, count(orm.Select[User](e).Columns("post.views").JoinRelation("Posts").Distinct()), 3)
			check(t, count(orm.Select[User](e).Limit(2).Offset(2)), 1)
		})
		t.Run("test_loader_options_ignored", func(t *testing.T) {
			check(t, count(orm.Select[User](e).Options(orm.JoinedLoad("Posts"))), 3)
			check(t, count(orm.Select[User](e).Options(orm.SelectInLoad("Posts"))), 3)
		})
		t.Run("test_distinct", func(t *testing.T) {
			got, err := orm.Select[User](e).Distinct().JoinRelation("Posts").OrderBy("name").All(ctx)
			must(t, err)
			if len(got) != 2 || got[0].Name != "ann" || got[1].Name != "bob" {
				t.Errorf("got %v, want ann and bob once each", got)
			}
		})
	})
}

func TestSAQueryGetComposite(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		o, ps := seed(t, e)
		must(t, orm.InsertMany(ctx, e, []*Membership{{OwnerID: o.ID, ProductID: ps[0].ID, Role: "admin"}, {OwnerID: o.ID, ProductID: ps[1].ID, Role: "viewer"}}))
		t.Run("test_get_composite_pk_result", func(t *testing.T) {
			m, err := orm.Get[Membership](ctx, e, o.ID, ps[1].ID)
			if err != nil || m.Role != "viewer" {
				t.Errorf("Get = %v, %v; want the viewer membership", m, err)
			}
		})
		t.Run("test_get_composite_pk_no_result", func(t *testing.T) {
			if _, err := orm.Get[Membership](ctx, e, o.ID, ps[2].ID); !errors.Is(err, orm.ErrNoRows) {
				t.Errorf("Get missing = %v, want ErrNoRows", err)
			}
		})
		t.Run("test_get_too_few_params", func(t *testing.T) {
			_, err := orm.Get[Membership](ctx, e, o.ID)
			if err == nil || !strings.Contains(err.Error(), "wants 2 primary key values, got 1") {
				t.Errorf("err = %v, want a count mismatch", err)
			}
		})
		t.Run("test_get_too_many_params", func(t *testing.T) {
			_, err := orm.Get[Membership](ctx, e, o.ID, ps[0].ID, 3)
			if err == nil || !strings.Contains(err.Error(), "wants 2 primary key values, got 3") {
				t.Errorf("err = %v, want a count mismatch", err)
			}
		})
		t.Run("test_get_fully_null_composite_pk", func(t *testing.T) {
			if _, err := orm.Get[Membership](ctx, e, nil, nil); !errors.Is(err, orm.ErrNoRows) {
				t.Errorf("Get(nil, nil) = %v, want ErrNoRows", err)
			}
		})
		t.Run("test_get_session", func(t *testing.T) {
			s := orm.NewSession(e)
			defer s.Close(ctx)
			m1, err := orm.Get[Membership](ctx, s, o.ID, ps[0].ID)
			must(t, err)
			m2, err := orm.Get[Membership](ctx, s, o.ID, ps[0].ID)
			must(t, err)
			if m1 != m2 || m1.Role != "admin" {
				t.Errorf("Get twice in a session gave %p and %p, want one identity", m1, m2)
			}
		})
	})
}
