package orm_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// wrappedDB is a querier of the application's own that embeds the engine.
type wrappedDB struct{ *orm.DB }

// TestServerVersionAskedOnce: bulk deletes that read rows back (MariaDB's
// DELETE ... RETURNING decision) ask the server's version at most once
// per engine, whichever querier runs them; PostgreSQL and SQLite never
// ask.
func TestServerVersionAskedOnce(t *testing.T) {
	queriers := []struct {
		name string
		q    func(t *testing.T, e *orm.DB) orm.Querier
	}{
		{"db", func(t *testing.T, e *orm.DB) orm.Querier { return e }},
		{"session", func(t *testing.T, e *orm.DB) orm.Querier {
			s := e.Session()
			t.Cleanup(func() { s.Close(context.Background()) })
			return s
		}},
		{"tx", func(t *testing.T, e *orm.DB) orm.Querier {
			tx, err := e.Begin(context.Background(), nil)
			must(t, err)
			t.Cleanup(func() { tx.Rollback() })
			return tx
		}},
		{"wrapper", func(t *testing.T, e *orm.DB) orm.Querier { return wrappedDB{e} }},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := blogDB(t, db)
		log := record(t, e)
		for _, tc := range queriers {
			t.Run(tc.name, func(t *testing.T) {
				q := tc.q(t, e)
				for i := 0; i < 3; i++ {
					_, err := orm.Delete[Tag](q).FilterBy("Name", "none").All(ctx)
					must(t, err)
				}
			})
		}
		want := 0
		if db.Name == "mysql" {
			want = 1
		}
		if got := len(log.matching("VERSION()")); got != want {
			t.Errorf("SELECT VERSION() ran %d times for %d deletes, want %d", got, 3*len(queriers), want)
		}
	})
}
