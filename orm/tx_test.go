package orm_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

func countOwners(t *testing.T, q orm.Querier) int64 {
	t.Helper()
	n, err := orm.Select[Owner](q).Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestTransactions(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		errBoom := errors.New("boom")
		err := e.Transaction(ctx, func(tx *orm.Tx) error {
			if err := orm.Insert(ctx, tx, &Owner{Email: "rolled@back"}); err != nil {
				return err
			}
			return errBoom
		})
		if !errors.Is(err, errBoom) || countOwners(t, e) != 0 {
			t.Fatalf("error in Transaction: err %v, %d rows; want boom and rollback", err, countOwners(t, e))
		}
		func() {
			defer func() {
				if recover() == nil {
					t.Error("panic was not re-raised")
				}
			}()
			_ = e.Transaction(ctx, func(tx *orm.Tx) error {
				_ = orm.Insert(ctx, tx, &Owner{Email: "pan@ic"})
				panic("bad")
			})
		}()
		if countOwners(t, e) != 0 {
			t.Error("panic did not roll back")
		}
		err = e.Transaction(ctx, func(tx *orm.Tx) error { return orm.Insert(ctx, tx, &Owner{Email: "kept@x"}) })
		if err != nil || countOwners(t, e) != 1 {
			t.Errorf("commit: %v, %d rows; want 1", err, countOwners(t, e))
		}
	})
}

func TestSavepoints(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		tx, err := e.Begin(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		if err := orm.Insert(ctx, tx, &Owner{Email: "outer@x"}); err != nil {
			t.Fatal(err)
		}
		// A failing statement inside a savepoint is undone without aborting
		// the outer transaction (PostgreSQL would otherwise refuse further work).
		err = tx.Transaction(ctx, func(sp *orm.Tx) error {
			if err := orm.Insert(ctx, sp, &Owner{Email: "inner@x"}); err != nil {
				return err
			}
			return orm.Insert(ctx, sp, &Owner{Email: "outer@x"})
		})
		if !errors.Is(err, orm.ErrUniqueViolation) {
			t.Fatalf("inner transaction err = %v, want unique violation", err)
		}
		sp, err := tx.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := orm.Insert(ctx, sp, &Owner{Email: "second@x"}); err != nil {
			t.Fatal(err)
		}
		if err := sp.Commit(); err != nil {
			t.Fatal(err)
		}
		if err := sp.Commit(); !errors.Is(err, orm.ErrTxDone) {
			t.Errorf("second Commit = %v, want ErrTxDone", err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		if n := countOwners(t, e); n != 2 {
			t.Errorf("owners = %d, want 2 (outer and second; inner rolled back)", n)
		}
		if _, err := orm.Select[Owner](tx).All(ctx); !errors.Is(err, orm.ErrTxDone) {
			t.Errorf("query on committed tx = %v, want ErrTxDone", err)
		}
	})
}

// TestTransactionConnectionReturnsToPool checks that a transaction's
// connection goes back to the pool when it ends: by Commit, by Rollback,
// and by its context ending while nobody calls either.
func TestTransactionConnectionReturnsToPool(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := setup(t, db)
		ends := []struct {
			name string
			end  func(tx *orm.Tx, cancel context.CancelFunc)
		}{
			{"commit", func(tx *orm.Tx, _ context.CancelFunc) { must(t, tx.Commit()) }},
			{"rollback", func(tx *orm.Tx, _ context.CancelFunc) { must(t, tx.Rollback()) }},
			{"context canceled, never ended", func(_ *orm.Tx, cancel context.CancelFunc) { cancel() }},
		}
		for _, tt := range ends {
			t.Run(tt.name, func(t *testing.T) {
				ctx, cancel := context.WithCancel(context.Background())
				defer cancel()
				tx, err := e.Begin(ctx, nil)
				must(t, err)
				if got := e.SQL().Stats().InUse; got != 1 {
					t.Fatalf("connections in use during the transaction = %d, want 1", got)
				}
				tt.end(tx, cancel)
				for deadline := time.Now().Add(5 * time.Second); e.SQL().Stats().InUse != 0; {
					if time.Now().After(deadline) {
						t.Fatalf("connections in use after the transaction = %d, want 0", e.SQL().Stats().InUse)
					}
					time.Sleep(5 * time.Millisecond)
				}
			})
		}
	})
}
