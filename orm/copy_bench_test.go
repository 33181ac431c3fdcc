package orm_test

import (
	"context"
	"os"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// BenchmarkBulkLoad loads 10,000 rows on PostgreSQL (FLAGON_TEST_POSTGRES)
// with InsertMany (array-bound INSERT, keys written back) and with
// CopyFrom (COPY, no keys), in one run.
func BenchmarkBulkLoad(b *testing.B) {
	raw := os.Getenv(dbtest.EnvPostgres)
	if raw == "" {
		b.Skip(dbtest.EnvPostgres + " is not set")
	}
	ctx := context.Background()
	db, err := orm.Open(dbtest.Postgres(b, raw).URL)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	md := orm.NewMetaData()
	must(b, md.Register(BenchRow{}))
	must(b, md.CreateAll(ctx, db))
	rows := func() []*BenchRow {
		out := make([]*BenchRow, 10000)
		for i := range out {
			out[i] = &BenchRow{Name: "item", Price: float64(i)}
		}
		return out
	}
	load := map[string]func([]*BenchRow) error{
		"insert-many": func(r []*BenchRow) error { return orm.InsertMany(ctx, db, r) },
		"copy-from": func(r []*BenchRow) error {
			_, err := orm.CopyFrom(ctx, db, r)
			return err
		},
	}
	for _, name := range []string{"insert-many", "copy-from"} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				r := rows()
				_, _ = orm.Exec(ctx, db, "TRUNCATE bench_row")
				b.StartTimer()
				must(b, load[name](r))
			}
		})
	}
}
