package orm_test

import (
	"context"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestBulkInsertRows ports SQLAlchemy's ORM bulk INSERT of a list of rows
// (session.execute(insert(User), [...]), with and without
// .returning(User)) and EagerLoadTest.test_insert_supported.
func TestBulkInsertRows(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := blogDB(t, db)
		ctx := context.Background()
		tests := []struct {
			name string
			run  func(t *testing.T)
		}{
			{"test_bulk_insert", func(t *testing.T) {
				must(t, orm.InsertInto[User](e).Rows(
					map[string]any{"Name": "u1"}, map[string]any{"name": "u2", "Active": false}).Exec(ctx))
				users, err := orm.Select[User](e).OrderBy("name").All(ctx)
				must(t, err)
				if len(users) != 2 || users[0].Name != "u1" || users[1].Active {
					t.Errorf("rows = %+v", users)
				}
			}},
			{"test_no_returning_error returning objects", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				us, err := orm.InsertInto[User](s).Rows(map[string]any{"Name": "d3"}, map[string]any{"Name": "d4"}).All(ctx)
				must(t, err)
				if len(us) != 2 || us[0].ID == 0 || us[1].ID == 0 || us[0].Name != "d3" {
					t.Fatalf("returned %+v", us)
				}
				got, err := orm.Get[User](ctx, s, us[0].ID)
				must(t, err)
				if got != us[0] {
					t.Errorf("returned object is not the session's")
				}
				must(t, s.Commit(ctx))
			}},
			{"test_insert_supported selectinload", func(t *testing.T) {
				u := &User{Name: "ann"}
				must(t, orm.Insert(ctx, e, u))
				s := e.Session()
				defer s.Close(ctx)
				ps, err := orm.InsertInto[Post](s).Rows(
					map[string]any{"Title": "p1", "AuthorID": u.ID},
					map[string]any{"Title": "p2", "AuthorID": u.ID},
				).Options(orm.SelectInLoad("Author")).All(ctx)
				must(t, err)
				for _, p := range ps {
					if !s.IsLoaded(p, "Author") || p.Author.Get() == nil || p.Author.Get().Name != "ann" {
						t.Errorf("%s: Author not loaded", p.Title)
					}
				}
				must(t, s.Commit(ctx))
			}},
			{"bad rows fail before SQL", func(t *testing.T) {
				for _, c := range []struct {
					q    *orm.InsertQuery[User]
					want string
				}{
					{orm.InsertInto[User](e).Rows(map[string]any{"Nope": 1}), `row 1: orm: table user has no field or column "Nope"`},
					{orm.InsertInto[User](e).Rows(map[string]any{"Name": 3}), "row 1: Name: got int, want string"},
					{orm.InsertInto[User](e).Options(orm.JoinedLoad("Posts")), "JoinedLoad loader option is not compatible"},
				} {
					if err := c.q.Exec(ctx); err == nil || !strings.Contains(err.Error(), c.want) {
						t.Errorf("err = %v, want %q", err, c.want)
					}
				}
			}},
		}
		for _, tc := range tests {
			for _, q := range []string{"DELETE FROM post_tag", "DELETE FROM tag", "DELETE FROM post", "DELETE FROM profile", "DELETE FROM " + quoteUser(db)} {
				_, err := e.ExecContext(ctx, q)
				must(t, err)
			}
			t.Run(tc.name, tc.run)
		}
	})
}
