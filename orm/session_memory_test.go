package orm_test

import (
	"context"
	"runtime"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// MemRow is a row of the long-session memory test.
type MemRow struct {
	ID   int64
	Name string `orm:"size:20"`
	N    int
}

// liveHeap returns the bytes of live heap objects after a full GC.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// heapAbove returns the live heap above base (0 if below).
func heapAbove(base uint64) uint64 {
	h := liveHeap()
	return h - min(base, h)
}

// TestLongSessionMemoryIsBounded checks the documented rule for a long
// session: it holds the objects it loaded (one per row, however often the
// row is loaded again after commits) until ExpungeAll or Close, which
// release them. 100,000 rows are loaded three times with a commit after
// each load.
func TestLongSessionMemoryIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 100,000 rows")
	}
	ctx := context.Background()
	db := openDB(t, dbtest.SQLite(t))
	md := orm.NewMetaData()
	must(t, md.Register(MemRow{}))
	must(t, md.CreateAll(ctx, db))
	const rows = 100_000
	seed := orm.NewSession(db, orm.DetachOnCommit())
	for i := range rows {
		must(t, seed.Add(&MemRow{Name: "row", N: i}))
	}
	must(t, seed.Commit(ctx))
	must(t, seed.Close(ctx))

	base := liveHeap()
	s := orm.NewSession(db)
	var held uint64
	for round := range 3 {
		objs, err := orm.Select[MemRow](s).All(ctx)
		must(t, err)
		if len(objs) != rows {
			t.Fatalf("loaded %d rows, want %d", len(objs), rows)
		}
		objs[round].N = -1
		must(t, s.Commit(ctx))
		objs = nil
		h := heapAbove(base)
		t.Logf("round %d: the session holds %.1f MB", round, float64(h)/1e6)
		if round == 0 {
			held = h
		} else if h > held*3/2 {
			t.Errorf("round %d: %.1f MB held, %.1f MB after the first load: reloading the same rows must not grow the session",
				round, float64(h)/1e6, float64(held)/1e6)
		}
	}
	s.ExpungeAll()
	after := heapAbove(base)
	t.Logf("after ExpungeAll: %.1f MB above the baseline", float64(after)/1e6)
	if after > held/10 {
		t.Errorf("after ExpungeAll %.1f MB are still held (%.1f MB with the objects): the session must release them",
			float64(after)/1e6, float64(held)/1e6)
	}
	runtime.KeepAlive(s)
}
