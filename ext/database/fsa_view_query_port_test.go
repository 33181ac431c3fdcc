package database_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Cases ported from Flask-SQLAlchemy's tests/test_view_query.py, outside
// a request as the originals (an app context and db.session).

// is404 reports whether err is a 404 whose description is desc ("" for
// any).
func is404(err error, desc string) bool {
	var he *flagon.HTTPError
	if flagon.HTTPStatus(err) != http.StatusNotFound {
		return false
	}
	return desc == "" || (errors.As(err, &he) && he.Description == desc)
}

func TestFSAViewQuery(t *testing.T) {
	tests := []struct {
		name string
		run  func(t *testing.T, ctx context.Context, s *orm.Session)
	}{
		{"test_view_get_or_404", func(t *testing.T, ctx context.Context, s *orm.Session) {
			item := &Todo{}
			must(t, s.Add(item))
			must(t, s.Commit(ctx))
			got, err := database.GetOr404[Todo](ctx, s, 1)
			if err != nil || got != item {
				t.Errorf("GetOr404(1) = %p, %v; want the session's object %p", got, err, item)
			}
			if _, err := database.GetOr404[Todo](ctx, s, 2, "no todo 2"); !is404(err, "no todo 2") {
				t.Errorf("GetOr404(2) error = %v, want a 404 with the description", err)
			}
		}},
		{"test_first_or_404", func(t *testing.T, ctx context.Context, s *orm.Session) {
			must(t, s.Add(&Todo{Title: "a"}))
			must(t, s.Commit(ctx))
			got, err := database.FirstOr404(ctx, orm.Select[Todo](s).FilterBy("Title", "a"))
			if err != nil || got.Title != "a" {
				t.Errorf("FirstOr404(a) = %v, %v", got, err)
			}
			if _, err := database.FirstOr404(ctx, orm.Select[Todo](s).FilterBy("Title", "b")); !is404(err, "") {
				t.Errorf("FirstOr404(b) error = %v, want a 404", err)
			}
		}},
		{"test_view_one_or_404", func(t *testing.T, ctx context.Context, s *orm.Session) {
			must(t, s.AddAll(&Todo{Title: "a"}, &Todo{Title: "b"}, &Todo{Title: "b"}))
			must(t, s.Commit(ctx))
			got, err := database.OneOr404(ctx, orm.Select[Todo](s).FilterBy("Title", "a"))
			if err != nil || got.Title != "a" {
				t.Errorf("OneOr404(a) = %v, %v", got, err)
			}
			if _, err := database.OneOr404(ctx, orm.Select[Todo](s).FilterBy("Title", "b"), "several"); !is404(err, "several") {
				t.Errorf("OneOr404(b) (MultipleResultsFound) error = %v, want a 404", err)
			}
			if _, err := database.OneOr404(ctx, orm.Select[Todo](s).FilterBy("Title", "c")); !is404(err, "") {
				t.Errorf("OneOr404(c) (NoResultFound) error = %v, want a 404", err)
			}
		}},
		{"test_paginate", func(t *testing.T, ctx context.Context, s *orm.Session) {
			todos := make([]any, 150)
			for i := range todos {
				todos[i] = &Todo{}
			}
			must(t, s.AddAll(todos...))
			must(t, s.Commit(ctx))
			p, err := database.Paginate(nil, orm.Select[Todo](s).OrderBy("ID"), database.PageOptions{})
			must(t, err)
			if p.Total != 150 || len(p.Items) != 20 {
				t.Errorf("total %d items %d, want 150 and 20", p.Total, len(p.Items))
			}
			p2, err := p.Next(ctx)
			must(t, err)
			if p2.Page != 2 || p2.Total != 150 || len(p2.Items) != 20 || p2.Items[0] != todos[20] {
				t.Errorf("next: page %d total %d items %d", p2.Page, p2.Total, len(p2.Items))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
				_, db := todoApp(t, d, 0)
				ctx := context.Background()
				s := orm.NewSession(db.Engine())
				defer s.Close(ctx)
				tt.run(t, ctx, s)
			})
		})
	}
}
