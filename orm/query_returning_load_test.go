package orm_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestReturningEagerLoad ports SQLAlchemy's EagerLoadTest
// (test_bulk_statements.py) to UPDATE and DELETE ... RETURNING objects:
// SelectInLoad applies to the returned objects; JoinedLoad and
// SubqueryLoad are refused before any SQL (SQLAlchemy deprecates them on
// DML statements).
func TestReturningEagerLoad(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := blogDB(t, db)
		ctx := context.Background()
		seed := func(t *testing.T) {
			s := e.Session()
			defer s.Close(ctx)
			must(t, s.Add(&User{Name: "ann", Posts: orm.ManyOf(
				&Post{Title: "a1", Tags: orm.ManyOf(&Tag{Name: "go"})}, &Post{Title: "a2"})}))
			must(t, s.Add(&User{Name: "bob", Posts: orm.ManyOf(&Post{Title: "b1"})}))
			must(t, s.Commit(ctx))
		}
		authorName := func(p *Post) string {
			if u := p.Author.Get(); u != nil {
				return u.Name
			}
			return "<nil>"
		}
		tests := []struct {
			name string
			run  func(t *testing.T)
		}{
			{"test_update_supported selectinload", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				posts, err := orm.Update[Post](s).Set("Views", 7).Where(orm.C("title").Like("a%")).
					Options(orm.SelectInLoad("Author"), orm.SelectInLoad("Tags")).All(ctx)
				must(t, err)
				if len(posts) != 2 {
					t.Fatalf("returned %d posts, want 2", len(posts))
				}
				var sent []string
				defer e.OnStatement(func(ev orm.StatementEvent) { sent = append(sent, ev.SQL) })()
				for _, p := range posts {
					if !s.IsLoaded(p, "Author") || !s.IsLoaded(p, "Tags") {
						t.Errorf("%s: Author or Tags not loaded", p.Title)
						continue
					}
					if authorName(p) != "ann" || p.Views != 7 {
						t.Errorf("%s: author %s views %d, want ann 7", p.Title, authorName(p), p.Views)
					}
					must(t, s.Load(ctx, &p.Author)) // loaded: no SQL
				}
				if len(sent) > 0 {
					t.Errorf("reading the loaded relationships sent %q", sent)
				}
			}},
			{"test_update_supported nested path, no session", func(t *testing.T) {
				posts, err := orm.Update[Post](e).Set("Views", 1).Where(orm.C("title").Eq("b1")).
					Options(orm.SelectInLoad("Author.Posts")).All(ctx)
				must(t, err)
				if len(posts) != 1 {
					t.Fatalf("returned %d posts, want 1", len(posts))
				}
				u := posts[0].Author.Get()
				if u == nil || u.Name != "bob" || u.Posts.Len() != 1 {
					t.Errorf("author = %+v, want bob with 1 post", u)
				}
			}},
			{"test_delete_supported selectinload", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				posts, err := orm.Delete[Post](s).Where(orm.C("title").Eq("a2")).
					Options(orm.SelectInLoad("Author")).All(ctx)
				must(t, err)
				if len(posts) != 1 || authorName(posts[0]) != "ann" {
					t.Errorf("deleted posts = %v, want a2 by ann", posts)
				}
				must(t, s.Commit(ctx))
			}},
			{"test_delete_supported, rows held by the session", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				if _, err := orm.Select[Post](s).All(ctx); err != nil {
					t.Fatal(err)
				}
				posts, err := orm.Delete[Post](s).Where(orm.C("title").Eq("b1")).
					Options(orm.SelectInLoad("Author")).All(ctx)
				must(t, err)
				if len(posts) != 1 || authorName(posts[0]) != "bob" {
					t.Errorf("deleted posts = %v, want b1 by bob", posts)
				}
				must(t, s.Commit(ctx))
			}},
		}
		for _, tc := range tests {
			for _, q := range []string{"DELETE FROM post_tag", "DELETE FROM tag", "DELETE FROM post", "DELETE FROM profile", "DELETE FROM " + quoteUser(db)} {
				_, err := e.ExecContext(ctx, q)
				must(t, err)
			}
			seed(t)
			t.Run(tc.name, tc.run)
		}
	})
}

// TestReturningEagerLoadErrors is test_insert_not_supported for UPDATE
// and DELETE: the options that need a SELECT fail before any SQL.
func TestReturningEagerLoadErrors(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := blogDB(t, db)
		ctx := context.Background()
		var sent []string
		defer e.OnStatement(func(ev orm.StatementEvent) { sent = append(sent, ev.SQL) })()
		tests := []struct {
			name string
			run  func() error
			want string
		}{
			{"test_insert_not_supported joinedload", func() error {
				_, err := orm.Update[Post](e).Set("Views", 1).Options(orm.JoinedLoad("Author")).All(ctx)
				return err
			}, `JoinedLoad loader option is not compatible with INSERT, UPDATE and DELETE statements (SQLAlchemy deprecates it there): use SelectInLoad("Author")`},
			{"test_insert_not_supported subqueryload", func() error {
				_, err := orm.Delete[Post](e).Options(orm.SubqueryLoad("Author")).All(ctx)
				return err
			}, "SubqueryLoad loader option is not compatible"},
			{"unknown relationship", func() error {
				_, err := orm.Update[Post](e).Set("Views", 1).Options(orm.SelectInLoad("Nope")).All(ctx)
				return err
			}, `has no relationship "Nope"`},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				sent = nil
				err := tc.run()
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("err = %v, want it to contain %q", err, tc.want)
				}
				if errors.Is(err, orm.ErrNoRows) || len(sent) > 0 {
					t.Errorf("sent %q before failing", sent)
				}
			})
		}
	})
}
