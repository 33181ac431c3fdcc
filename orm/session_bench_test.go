package orm_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/orm"
)

// BenchParent and BenchChild are the session benchmark models.
type (
	BenchParent struct {
		ID       int64
		Name     string               `orm:"size:50"`
		Children orm.Many[BenchChild] `orm:"foreign_key:ParentID"`
	}
	BenchChild struct {
		ID       int64
		ParentID int64  `orm:"fk:bench_parent.id"`
		Name     string `orm:"size:50"`
		Score    int
	}
)

// sessionBenchDB opens a SQLite file with 100 parents of 10 children.
func sessionBenchDB(b *testing.B) *orm.DB {
	b.Helper()
	ctx := context.Background()
	db, err := orm.Open("sqlite:///" + b.TempDir() + "/bench.db")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	md := orm.NewMetaData()
	must(b, md.Register(BenchParent{}, BenchChild{}))
	must(b, md.CreateAll(ctx, db))
	s := orm.NewSession(db)
	for range 100 {
		p := &BenchParent{Name: "parent"}
		for range 10 {
			p.Children.Append(&BenchChild{Name: "child", Score: 7})
		}
		must(b, s.Add(p))
	}
	must(b, s.Commit(ctx))
	return db
}

// BenchmarkSelectInParentsChildren loads 100 parents with 10 children each
// through a session with selectin, beside the same two queries written by
// hand with database/sql.
func BenchmarkSelectInParentsChildren(b *testing.B) {
	ctx := context.Background()
	b.Run("session-selectin", func(b *testing.B) {
		db := sessionBenchDB(b)
		for b.Loop() {
			s := orm.NewSession(db)
			ps, err := orm.Select[BenchParent](s).Options(orm.SelectInLoad("Children")).All(ctx)
			if err != nil || len(ps) != 100 || ps[99].Children.Len() != 10 {
				b.Fatalf("loaded %d parents: %v", len(ps), err)
			}
			s.Close(ctx)
		}
	})
	b.Run("hand-written", func(b *testing.B) {
		db := sessionBenchDB(b).SQL()
		for b.Loop() {
			ps, err := handLoad(ctx, db)
			if err != nil || len(ps) != 100 || ps[99].Children.Len() != 10 {
				b.Fatalf("loaded %d parents: %v", len(ps), err)
			}
		}
	})
}

// handLoad is the hand-written baseline: parents, then children IN (...).
func handLoad(ctx context.Context, db *sql.DB) ([]*BenchParent, error) {
	rows, err := db.QueryContext(ctx, `SELECT "id", "name" FROM "bench_parent"`)
	if err != nil {
		return nil, err
	}
	var ps []*BenchParent
	byID := map[int64]*BenchParent{}
	ids := make([]any, 0, 100)
	for rows.Next() {
		p := &BenchParent{}
		if err := rows.Scan(&p.ID, &p.Name); err != nil {
			return nil, err
		}
		ps, byID[p.ID], ids = append(ps, p), p, append(ids, p.ID)
	}
	rows.Close()
	q := `SELECT "id", "parent_id", "name", "score" FROM "bench_child" WHERE "parent_id" IN (?` +
		strings.Repeat(", ?", len(ids)-1) + ")"
	rows, err = db.QueryContext(ctx, q, ids...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		c := &BenchChild{}
		if err := rows.Scan(&c.ID, &c.ParentID, &c.Name, &c.Score); err != nil {
			return nil, err
		}
		p := byID[c.ParentID]
		p.Children.Append(c)
	}
	return ps, rows.Err()
}

// BenchmarkFlush1000 inserts 1,000 new objects with a session flush beside
// one hand-written multi-row INSERT in a transaction.
func BenchmarkFlush1000(b *testing.B) {
	ctx := context.Background()
	b.Run("session-flush", func(b *testing.B) {
		db := sessionBenchDB(b)
		for b.Loop() {
			s := orm.NewSession(db)
			for range 1000 {
				if err := s.Add(&BenchChild{ParentID: 1, Name: "new", Score: 1}); err != nil {
					b.Fatal(err)
				}
			}
			if err := s.Commit(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("raw-bulk-insert", func(b *testing.B) {
		db := sessionBenchDB(b).SQL()
		q := `INSERT INTO "bench_child" ("parent_id", "name", "score") VALUES (?, ?, ?)` +
			strings.Repeat(", (?, ?, ?)", 999)
		for b.Loop() {
			args := make([]any, 0, 3000)
			for range 1000 {
				args = append(args, int64(1), "new", 1)
			}
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				b.Fatal(err)
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("raw-bulk-insert-returning", func(b *testing.B) {
		db := sessionBenchDB(b).SQL()
		q := `INSERT INTO "bench_child" ("parent_id", "name", "score") VALUES (?, ?, ?)` +
			strings.Repeat(", (?, ?, ?)", 999) + ` RETURNING "id"`
		for b.Loop() {
			objs := make([]*BenchChild, 1000)
			args := make([]any, 0, 3000)
			for i := range objs {
				objs[i] = &BenchChild{ParentID: 1, Name: "new", Score: 1}
				args = append(args, objs[i].ParentID, objs[i].Name, objs[i].Score)
			}
			if err := rawInsertReturning(ctx, db, q, args, objs); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// rawInsertReturning inserts in a transaction and reads the keys back.
func rawInsertReturning(ctx context.Context, db *sql.DB, q string, args []any, objs []*BenchChild) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	for i := 0; rows.Next(); i++ {
		if err := rows.Scan(&objs[i].ID); err != nil {
			return err
		}
	}
	rows.Close()
	return tx.Commit()
}

// BenchmarkSessionRatios interleaves each session operation with its
// hand-written baseline in the same loop, so that load from other
// processes hits both alike, and reports the ratio of their total times.
func BenchmarkSessionRatios(b *testing.B) {
	ctx := context.Background()
	b.Run("selectin-vs-hand-written", func(b *testing.B) {
		db := sessionBenchDB(b)
		var sess, raw time.Duration
		for b.Loop() {
			start := time.Now()
			s := newBenchSession(db)
			if _, err := selectInParents(ctx, s); err != nil {
				b.Fatal(err)
			}
			s.Close(ctx)
			mid := time.Now()
			if _, err := handLoad(ctx, db.SQL()); err != nil {
				b.Fatal(err)
			}
			sess, raw = sess+mid.Sub(start), raw+time.Since(mid)
		}
		b.ReportMetric(float64(sess)/float64(raw), "ratio")
	})
	b.Run("flush-vs-raw-bulk-insert", func(b *testing.B) {
		db := sessionBenchDB(b)
		var sess, raw time.Duration
		for b.Loop() {
			start := time.Now()
			if err := flush1000(ctx, db); err != nil {
				b.Fatal(err)
			}
			mid := time.Now()
			if err := rawBulk1000(ctx, db.SQL()); err != nil {
				b.Fatal(err)
			}
			sess, raw = sess+mid.Sub(start), raw+time.Since(mid)
		}
		b.ReportMetric(float64(sess)/float64(raw), "ratio")
	})
	b.Run("flush-vs-raw-insert-returning", func(b *testing.B) {
		db := sessionBenchDB(b)
		q := `INSERT INTO "bench_child" ("parent_id", "name", "score") VALUES (?, ?, ?)` +
			strings.Repeat(", (?, ?, ?)", 999) + ` RETURNING "id"`
		var sess, raw time.Duration
		for b.Loop() {
			start := time.Now()
			if err := flush1000(ctx, db); err != nil {
				b.Fatal(err)
			}
			mid := time.Now()
			objs := make([]*BenchChild, 1000)
			args := make([]any, 0, 3000)
			for i := range objs {
				objs[i] = &BenchChild{ParentID: 1, Name: "new", Score: 1}
				args = append(args, objs[i].ParentID, objs[i].Name, objs[i].Score)
			}
			if err := rawInsertReturning(ctx, db.SQL(), q, args, objs); err != nil {
				b.Fatal(err)
			}
			sess, raw = sess+mid.Sub(start), raw+time.Since(mid)
		}
		b.ReportMetric(float64(sess)/float64(raw), "ratio")
	})
}

// newBenchSession opens a session for the ratio loop.
func newBenchSession(db *orm.DB) *orm.Session { return orm.NewSession(db) }

// selectInParents loads every parent with its children.
func selectInParents(ctx context.Context, s *orm.Session) ([]*BenchParent, error) {
	return orm.Select[BenchParent](s).Options(orm.SelectInLoad("Children")).All(ctx)
}

// flush1000 adds 1,000 children to a session and commits.
func flush1000(ctx context.Context, db *orm.DB) error {
	s := orm.NewSession(db)
	for range 1000 {
		if err := s.Add(&BenchChild{ParentID: 1, Name: "new", Score: 1}); err != nil {
			return err
		}
	}
	return s.Commit(ctx)
}

// rawBulk1000 inserts 1,000 children with one statement in a transaction.
func rawBulk1000(ctx context.Context, db *sql.DB) error {
	q := `INSERT INTO "bench_child" ("parent_id", "name", "score") VALUES (?, ?, ?)` + strings.Repeat(", (?, ?, ?)", 999)
	args := make([]any, 0, 3000)
	for range 1000 {
		args = append(args, int64(1), "new", 1)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, q, args...); err != nil {
		return err
	}
	return tx.Commit()
}
