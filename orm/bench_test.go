package orm_test

import (
	"context"
	"database/sql"
	"testing"

	"github.com/flagon-go/flagon/orm"
)

// BenchRow is the benchmark model.
type BenchRow struct {
	ID    int64
	Name  string `orm:"size:100"`
	Price float64
	Note  *string
}

// benchDB opens a SQLite file with 100 rows.
func benchDB(b *testing.B) *orm.DB {
	b.Helper()
	db, err := orm.Open("sqlite:///" + b.TempDir() + "/bench.db")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	md := orm.NewMetaData()
	if err := md.Register(BenchRow{}); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if err := md.CreateAll(ctx, db); err != nil {
		b.Fatal(err)
	}
	rows := make([]*BenchRow, 100)
	for i := range rows {
		rows[i] = &BenchRow{Name: "item", Price: float64(i)}
	}
	if err := orm.InsertMany(ctx, db, rows); err != nil {
		b.Fatal(err)
	}
	return db
}

func BenchmarkInsertOne(b *testing.B) {
	ctx := context.Background()
	b.Run("orm", func(b *testing.B) {
		db := benchDB(b)
		for b.Loop() {
			if err := orm.Insert(ctx, db, &BenchRow{Name: "n", Price: 1}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("database/sql", func(b *testing.B) {
		db := benchDB(b).SQL()
		for b.Loop() {
			var id int64
			err := db.QueryRowContext(ctx, `INSERT INTO "bench_row" ("name", "price", "note") VALUES (?, ?, ?) RETURNING "id"`,
				"n", 1.0, nil).Scan(&id)
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkReadOne(b *testing.B) {
	ctx := context.Background()
	b.Run("orm", func(b *testing.B) {
		db := benchDB(b)
		for b.Loop() {
			if _, err := orm.Get[BenchRow](ctx, db, 50); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("database/sql", func(b *testing.B) {
		db := benchDB(b).SQL()
		for b.Loop() {
			var r BenchRow
			err := db.QueryRowContext(ctx, `SELECT "id", "name", "price", "note" FROM "bench_row" WHERE "id" = ?`, 50).
				Scan(&r.ID, &r.Name, &r.Price, &r.Note)
			if err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkRead100(b *testing.B) {
	ctx := context.Background()
	b.Run("orm", func(b *testing.B) {
		db := benchDB(b)
		for b.Loop() {
			rows, err := orm.Select[BenchRow](db).Limit(100).All(ctx)
			if err != nil || len(rows) != 100 {
				b.Fatal(err, len(rows))
			}
		}
	})
	b.Run("database/sql", func(b *testing.B) {
		db := benchDB(b).SQL()
		for b.Loop() {
			if n := rawRead100(b, db); n != 100 {
				b.Fatal(n)
			}
		}
	})
}

// rawRead100 is the hand-written baseline for BenchmarkRead100.
func rawRead100(b *testing.B, db *sql.DB) int {
	rows, err := db.Query(`SELECT "id", "name", "price", "note" FROM "bench_row" LIMIT 100`)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	var out []*BenchRow
	for rows.Next() {
		r := new(BenchRow)
		if err := rows.Scan(&r.ID, &r.Name, &r.Price, &r.Note); err != nil {
			b.Fatal(err)
		}
		out = append(out, r)
	}
	return len(out)
}
