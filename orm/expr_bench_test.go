package orm_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/flagon-go/flagon/orm"
)

// rankedRow is a row of the CTE-and-window benchmark query.
type rankedRow struct {
	Name  string
	Price float64
	Rn    int64
}

// cteWindowQuery builds the typed report query: the cheap rows (a CTE)
// ranked by price (a window function).
func cteWindowQuery(db orm.Querier) orm.Selectable {
	cheap := orm.Select[BenchRow](db).Columns("id", "name", "price").Where(orm.C("price").Lt(50)).CTE("cheap")
	return orm.Select[BenchRow](db).From(cheap).
		Columns(cheap.C("name"), cheap.C("price"), orm.RowNumber().Over(orm.OrderedBy(cheap.C("price").Desc())).As("rn")).
		OrderBy("rn").Limit(10)
}

const cteWindowSQL = `WITH "cheap" AS (SELECT "id", "name", "price" FROM "bench_row" WHERE "price" < ?) ` +
	`SELECT "cheap"."name", "cheap"."price", row_number() OVER (ORDER BY "cheap"."price" DESC) AS "rn" FROM "cheap" ORDER BY "rn" LIMIT 10`

// handCTEWindow runs the same statement through database/sql.
func handCTEWindow(ctx context.Context, db *sql.DB) ([]rankedRow, error) {
	rows, err := db.QueryContext(ctx, cteWindowSQL, 50)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []rankedRow
	for rows.Next() {
		var r rankedRow
		if err := rows.Scan(&r.Name, &r.Price, &r.Rn); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// BenchmarkCTEWindowQuery builds and runs a typed query with a CTE and a
// window function, interleaved with the same statement through
// database/sql, and reports the ratio of their total times.
func BenchmarkCTEWindowQuery(b *testing.B) {
	ctx := context.Background()
	db := benchDB(b)
	if got, _, _ := cteWindowQuery(db).SQL(); got != cteWindowSQL {
		b.Fatalf("typed query renders\n%s\nwant\n%s", got, cteWindowSQL)
	}
	var typed, raw time.Duration
	for b.Loop() {
		start := time.Now()
		rows, err := orm.Into[rankedRow](ctx, cteWindowQuery(db))
		if err != nil || len(rows) != 10 {
			b.Fatal(len(rows), err)
		}
		mid := time.Now()
		hand, err := handCTEWindow(ctx, db.SQL())
		if err != nil || len(hand) != 10 {
			b.Fatal(len(hand), err)
		}
		typed, raw = typed+mid.Sub(start), raw+time.Since(mid)
	}
	b.ReportMetric(float64(typed)/float64(raw), "ratio")
}
