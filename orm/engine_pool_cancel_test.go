package orm_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestCancelledWaitersLeaveThePoolWhole fills an engine's pool (on SQLite,
// its write lock) with open transactions, cancels many callers waiting to
// begin one, and then expects exactly the same number of transactions to
// fit again: a cancelled wait neither keeps a slot nor frees one.
func TestCancelledWaitersLeaveThePoolWhole(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		db, err := orm.Open(d.URL, orm.MaxOpenConns(2), orm.PoolTimeout(5*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		capacity := 2
		if d.Name == "sqlite" {
			capacity = 1 // one writer at a time
		}
		fill := func() []*orm.Tx {
			t.Helper()
			var txs []*orm.Tx
			for range capacity {
				// A transaction lives as long as its context: Background.
				tx, err := db.Begin(context.Background(), nil)
				if err != nil {
					t.Fatalf("begin transaction %d of %d: %v", len(txs)+1, capacity, err)
				}
				txs = append(txs, tx)
			}
			return txs
		}
		held := fill()
		ctx, cancel := context.WithCancel(context.Background())
		const waiters = 32
		errs := make(chan error, waiters)
		for range waiters {
			go func() {
				tx, err := db.Begin(ctx, nil)
				if err == nil {
					tx.Rollback()
				}
				errs <- err
			}()
		}
		time.Sleep(20 * time.Millisecond) // let most of them wait
		cancel()
		for range waiters {
			if err := <-errs; !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled waiter: %v, want context.Canceled", err)
			}
		}
		for _, tx := range held {
			if err := tx.Rollback(); err != nil {
				t.Fatal(err)
			}
		}
		held = fill()
		defer func() {
			for _, tx := range held {
				tx.Rollback()
			}
		}()
		full, cancelFull := context.WithTimeout(context.Background(), 50*time.Millisecond)
		defer cancelFull()
		if tx, err := db.Begin(full, nil); err == nil {
			tx.Rollback()
			t.Fatalf("a transaction beyond the pool's %d began", capacity)
		}
	})
}
