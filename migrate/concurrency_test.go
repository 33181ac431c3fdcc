package migrate_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// countingRevisions each record their own id in table runs, so a revision
// applied twice shows up twice.
func countingRevisions() []*migrate.Revision {
	mark := func(id string) migrate.Operation {
		return &migrate.BulkInsert{Table: "runs", Rows: []map[string]any{{"rev": id}}}
	}
	return []*migrate.Revision{
		{ID: "c1", Message: "create runs", Upgrade: func(op *migrate.Op) error {
			op.CreateTable(migrate.Table{Name: "runs", Columns: []migrate.Column{{Name: "rev", Type: migrate.String(32)}}})
			op.Add(mark("c1"))
			return nil
		}},
		{ID: "c2", Down: []string{"c1"}, Message: "add note", Upgrade: func(op *migrate.Op) error {
			op.AddColumn("runs", migrate.Column{Name: "note", Type: migrate.Text(), Nullable: true})
			op.Add(mark("c2"))
			return nil
		}},
		{ID: "c3", Down: []string{"c2"}, Message: "index", Upgrade: func(op *migrate.Op) error {
			op.CreateIndex("runs", migrate.Index{Name: "ix_runs_rev", Columns: []string{"rev"}})
			op.Add(mark("c3"))
			return nil
		}},
	}
}

func TestConcurrentUpgradesApplyEachRevisionOnce(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		const workers = 8
		var wg sync.WaitGroup
		errs := make([]error, workers)
		for i := range workers {
			sdb := open(t, db) // a separate pool per worker
			m, _ := migrator(t, sdb, db.Name, countingRevisions())
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = m.Upgrade(context.Background(), "head")
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Errorf("worker %d: %v", i, err)
			}
		}
		sdb := open(t, db)
		rows, err := sdb.Query("SELECT rev FROM runs ORDER BY rev")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got []string
		for rows.Next() {
			var s string
			_ = rows.Scan(&s)
			got = append(got, s)
		}
		if !slices.Equal(got, []string{"c1", "c2", "c3"}) {
			t.Errorf("applied revisions = %v, want each of c1 c2 c3 once", got)
		}
	})
}

// failingRevisions has a second revision whose second statement fails.
func failingRevisions() []*migrate.Revision {
	return []*migrate.Revision{
		{ID: "f1", Message: "first", Upgrade: func(op *migrate.Op) error {
			op.CreateTable(migrate.Table{Name: "first", Columns: []migrate.Column{{Name: "id", Type: migrate.Integer()}}})
			return nil
		}},
		{ID: "f2", Down: []string{"f1"}, Message: "second", Upgrade: func(op *migrate.Op) error {
			op.CreateTable(migrate.Table{Name: "second", Columns: []migrate.Column{{Name: "id", Type: migrate.Integer()}}})
			op.Execute("INSERT INTO no_such_table (id) VALUES (1)")
			return nil
		}},
	}
}

func TestFailingStatementLeavesPreviousRevision(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		sdb := open(t, db)
		m, log := migrator(t, sdb, db.Name, failingRevisions())
		err := m.Upgrade(ctx, "head")
		var re *migrate.RevisionError
		if !errors.As(err, &re) {
			t.Fatalf("Upgrade() = %v, want a RevisionError", err)
		}
		if re.Revision != "f2" || re.Statement != 2 || !strings.Contains(re.SQL, "no_such_table") {
			t.Errorf("error = %+v, want revision f2, statement 2 (the INSERT)", re)
		}
		if cur, _ := m.Current(ctx); !slices.Equal(cur, []string{"f1"}) {
			t.Errorf("Current() = %v, want [f1]", cur)
		}
		if !strings.Contains(log.String(), "Running upgrade  -> f1, first") || strings.Contains(log.String(), "-> f2") {
			t.Errorf("log = %q, want only f1 reported as run", log.String())
		}
		transactional := db.Name != migrate.MySQL
		if re.RolledBack != transactional || tableExists(sdb, "second") == transactional {
			t.Errorf("rolled back = %v, table second exists = %v; want rollback only where DDL is transactional", re.RolledBack, tableExists(sdb, "second"))
		}
		want := "the revision was rolled back and the database is still at f1"
		if !transactional {
			want = "statements 1-1 of this revision were applied and cannot be rolled back (MySQL DDL commits implicitly); the version table still says f1"
		}
		if !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), "upgrade f2 (second) failed at statement 2: INSERT INTO no_such_table") {
			t.Errorf("error text = %q, want it to contain %q", err, want)
		}
	})
}
