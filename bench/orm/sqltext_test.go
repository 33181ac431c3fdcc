package ormbench

import (
	"context"
	"strings"
	"testing"
)

// flagonReadSQL is the statement orm.Get[Model] sends (as seen through
// db.OnStatement): every column qualified by the table, LIMIT 2 for One.
const flagonReadSQL = `SELECT "models"."id", "models"."name", "models"."title", "models"."fax", "models"."web", ` +
	`"models"."age", "models"."right", "models"."counter" FROM "models" WHERE "id" = ? LIMIT 2`

// BenchmarkReadSQLText runs the read-one operation with hand-written
// database/sql code twice: with the baseline's SQL and with the text flagon
// renders, to measure what the text itself costs the database (parsing,
// name resolution) apart from the ORM's Go code.
func BenchmarkReadSQLText(b *testing.B) {
	ctx := context.Background()
	for _, t := range targets(b) {
		text := flagonReadSQL
		if t.IsPostgres() {
			text = strings.Replace(text, "?", "$1", 1)
		}
		for _, q := range []struct{ name, sql string }{{"baseline_text", newStatements(t).read}, {"flagon_text", text}} {
			b.Run(t.Name+"/"+q.name, func(b *testing.B) {
				r := openImpl(b, t, Opener{"database_sql", openRaw}).(*rawImpl)
				m := NewModel()
				if err := r.Insert(ctx, m); err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					var got Model
					if err := r.db.QueryRowContext(ctx, q.sql, m.ID).Scan(scanTargets(&got)...); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
