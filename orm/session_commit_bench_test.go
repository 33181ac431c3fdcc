package orm_test

import (
	"context"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/flagon-go/flagon/orm"
)

// A requestWork is one request's use of a session, as the server
// benchmarks' handlers would do it through a session.
type requestWork func(ctx context.Context, s *orm.Session) error

// getChildren gets n random children by key.
func getChildren(ctx context.Context, s *orm.Session, n int) ([]*BenchChild, error) {
	out := make([]*BenchChild, n)
	for i := range out {
		c, err := orm.Get[BenchChild](ctx, s, rand.IntN(1000)+1)
		if err != nil {
			return nil, err
		}
		out[i] = c
	}
	return out, nil
}

// commitWorkloads are the db, queries, updates and fortunes handlers in
// session form, plus the 1,000-row flush, each ending with Commit.
var commitWorkloads = []struct {
	name string
	work requestWork
}{
	{"db", func(ctx context.Context, s *orm.Session) error {
		_, err := getChildren(ctx, s, 1)
		return err
	}},
	{"queries", func(ctx context.Context, s *orm.Session) error {
		_, err := getChildren(ctx, s, 20)
		return err
	}},
	{"updates", func(ctx context.Context, s *orm.Session) error {
		cs, err := getChildren(ctx, s, 20)
		for _, c := range cs {
			c.Score = rand.IntN(10000) + 1
		}
		return err
	}},
	{"fortunes", func(ctx context.Context, s *orm.Session) error {
		_, err := orm.Select[BenchParent](s).Limit(12).All(ctx)
		return err
	}},
	{"flush1000", func(ctx context.Context, s *orm.Session) error {
		for range 1000 {
			if err := s.Add(&BenchChild{ParentID: 1, Name: "new", Score: 1}); err != nil {
				return err
			}
		}
		return nil
	}},
}

// runRequest runs one request: a new session, the work, Commit, Close.
func runRequest(ctx context.Context, db *orm.DB, work requestWork, opts ...orm.SessionOption) error {
	s := orm.NewSession(db, opts...)
	defer s.Close(ctx)
	if err := work(ctx, s); err != nil {
		return err
	}
	return s.Commit(ctx)
}

// BenchmarkCommitKeepVsDetach interleaves each request workload run with
// the default session (objects kept in the session, expired, after
// Commit) and with DetachOnCommit (the behaviour before issue 14) in one
// loop, and reports keep/detach as "ratio".
func BenchmarkCommitKeepVsDetach(b *testing.B) {
	ctx := context.Background()
	for _, w := range commitWorkloads {
		b.Run(w.name, func(b *testing.B) {
			db := sessionBenchDB(b)
			keepRun := func() error { return runRequest(ctx, db, w.work) }
			detachRun := func() error { return runRequest(ctx, db, w.work, orm.DetachOnCommit()) }
			b.ReportMetric(pairedRatio(b, keepRun, detachRun), "ratio")
		})
	}
}

// BenchmarkLongSessionCommits runs ten load-change-commit rounds over the
// same 100 rows in one session, keeping objects (one reload SELECT of
// expired objects per round) beside detaching them (one SELECT loading
// new objects per round), and reports keep/detach as "ratio".
func BenchmarkLongSessionCommits(b *testing.B) {
	ctx := context.Background()
	db := sessionBenchDB(b)
	rounds := func(opts ...orm.SessionOption) error {
		s := orm.NewSession(db, opts...)
		defer s.Close(ctx)
		for i := range 10 {
			cs, err := orm.Select[BenchChild](s).Where(orm.C("id").Le(100)).All(ctx)
			if err != nil {
				return err
			}
			for _, c := range cs {
				c.Score = i
			}
			if err := s.Commit(ctx); err != nil {
				return err
			}
		}
		return nil
	}
	b.ReportMetric(pairedRatio(b, func() error { return rounds() },
		func() error { return rounds(orm.DetachOnCommit()) }), "ratio")
}

// pairedRatio runs a and c once per benchmark iteration, alternating
// which goes first so that neither always pays for the other's garbage,
// and returns the median of the per-iteration time ratios a/c: robust to
// bursts of load from other processes on a shared machine. It also
// reports the ratio of their heap allocations ("alloc-ratio").
func pairedRatio(b *testing.B, a, c func() error) float64 {
	var ratios []float64
	var allocA, allocC uint64
	var ms runtime.MemStats
	timed := func(fn func() error, allocs *uint64) time.Duration {
		runtime.ReadMemStats(&ms)
		before := ms.Mallocs
		start := time.Now()
		if err := fn(); err != nil {
			b.Fatal(err)
		}
		d := time.Since(start)
		runtime.ReadMemStats(&ms)
		*allocs += ms.Mallocs - before
		return d
	}
	for i := 0; b.Loop(); i++ {
		var da, dc time.Duration
		if i%2 == 0 {
			da, dc = timed(a, &allocA), timed(c, &allocC)
		} else {
			dc, da = timed(c, &allocC), timed(a, &allocA)
		}
		ratios = append(ratios, float64(da)/float64(dc))
	}
	b.ReportMetric(float64(allocA)/float64(max(allocC, 1)), "alloc-ratio")
	slices.Sort(ratios)
	return ratios[len(ratios)/2]
}
