package orm_test

import (
	"context"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/flagon-go/flagon/orm"
)

// BenchmarkSQLiteConcurrentWriters compares the two ways SQLite writers
// can wait for each other, with 256 goroutines each running short
// transactions (one INSERT) or, in the mixed case, every other operation
// a read outside any transaction: the engine's write lock (writers queue
// in the process) and BEGIN IMMEDIATE with SQLite's busy timeout alone
// (writers poll the file lock). It reports failed operations per op and
// the slowest operation's latency.
func BenchmarkSQLiteConcurrentWriters(b *testing.B) {
	modes := []struct {
		name string
		opts []orm.Option
		url  string
	}{
		{"write_lock", nil, ""},
		{"busy_timeout_5s", []orm.Option{orm.NoSQLiteWriteLockForTest()}, ""},
		{"busy_timeout_30s", []orm.Option{orm.NoSQLiteWriteLockForTest()}, "?_pragma=busy_timeout(30000)"},
	}
	for _, mixed := range []bool{false, true} {
		for _, m := range modes {
			name := m.name + "/writes"
			if mixed {
				name = m.name + "/mixed"
			}
			b.Run(name, func(b *testing.B) { benchWriters(b, m.url, m.opts, mixed) })
		}
	}
}

func benchWriters(b *testing.B, query string, opts []orm.Option, mixed bool) {
	ctx := context.Background()
	db, err := orm.Open("sqlite:///"+filepath.Join(b.TempDir(), "w.db")+query, opts...)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)"); err != nil {
		b.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, "INSERT INTO item (name) VALUES ('seed')"); err != nil {
		b.Fatal(err)
	}
	var failed, n atomic.Int64
	var mu sync.Mutex
	var worst []time.Duration
	b.SetParallelism(256 / runtime.GOMAXPROCS(0))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var slowest time.Duration
		for pb.Next() {
			start := time.Now()
			var err error
			if mixed && n.Add(1)%2 == 0 {
				var name string
				err = db.SQL().QueryRowContext(ctx, "SELECT name FROM item WHERE id = 1").Scan(&name)
			} else {
				err = db.Transaction(ctx, func(tx *orm.Tx) error {
					_, err := tx.ExecContext(ctx, "INSERT INTO item (name) VALUES ('x')")
					return err
				})
			}
			if err != nil {
				failed.Add(1)
			}
			slowest = max(slowest, time.Since(start))
		}
		mu.Lock()
		worst = append(worst, slowest)
		mu.Unlock()
	})
	b.StopTimer()
	b.ReportMetric(float64(failed.Load())/float64(b.N), "failed/op")
	b.ReportMetric(float64(slices.Max(worst).Milliseconds()), "max-ms")
}
