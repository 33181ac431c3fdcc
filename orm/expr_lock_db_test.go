package orm_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Job is a row of a job queue.
type Job struct {
	ID    int64
	Name  string `orm:"size:20"`
	Taken bool
}

// jobDB opens db with three untaken jobs.
func jobDB(t *testing.T, db dbtest.DB) *orm.DB {
	t.Helper()
	e := openDB(t, db)
	md := orm.NewMetaData()
	must(t, md.Register(Job{}))
	ctx := context.Background()
	must(t, md.CreateAll(ctx, e))
	must(t, orm.InsertMany(ctx, e, []*Job{{Name: "a"}, {Name: "b"}, {Name: "c"}}))
	return e
}

// nextJob is the job-queue query: the first untaken job nobody holds.
func nextJob(q orm.Querier) *orm.SelectQuery[Job] {
	return orm.Select[Job](q).Where(orm.C("taken").Eq(false)).OrderBy("id").Limit(1).ForUpdate(orm.SkipLocked())
}

func TestRowLocking(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := jobDB(t, db)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if db.Name == "sqlite" {
			// SQLite has no row locks: the clause renders nothing, as in
			// SQLAlchemy, and the query runs.
			query, _, err := nextJob(e).SQL()
			if err != nil || strings.Contains(query, "FOR UPDATE") || strings.Contains(query, "SKIP") {
				t.Fatalf("sqlite query = %q, %v; want no lock clause", query, err)
			}
			if _, err := nextJob(e).First(ctx); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Run("test_postgres_update_skip_locked two workers", func(t *testing.T) {
			w1, err := e.Begin(ctx, nil)
			must(t, err)
			defer w1.Rollback()
			w2, err := e.Begin(ctx, nil)
			must(t, err)
			defer w2.Rollback()
			j1, err := nextJob(w1).First(ctx)
			must(t, err)
			j2, err := nextJob(w2).First(ctx)
			must(t, err)
			if j1.ID == j2.ID {
				t.Fatalf("both workers took job %d", j1.ID)
			}
			check(t, []string{j1.Name, j2.Name}, []string{"a", "b"})
		})
		t.Run("test_nowait", func(t *testing.T) {
			w1, err := e.Begin(ctx, nil)
			must(t, err)
			defer w1.Rollback()
			w2, err := e.Begin(ctx, nil)
			must(t, err)
			defer w2.Rollback()
			_, err = orm.Select[Job](w1).FilterBy("Name", "a").ForShare().One(ctx)
			must(t, err)
			if _, err := orm.Select[Job](w2).FilterBy("Name", "a").ForShare(orm.NoWait()).One(ctx); err != nil {
				t.Fatalf("second shared lock: %v", err)
			}
			if _, err := orm.Select[Job](w2).FilterBy("Name", "a").ForUpdate(orm.NoWait()).One(ctx); err == nil {
				t.Fatal("FOR UPDATE NOWAIT of a row share-locked elsewhere succeeded")
			}
		})
	})
}
