package ormbench

import "testing"

// BenchmarkORM runs every operation with every implementation on every
// database, as BenchmarkORM/<database>/<operation>/<implementation>. The
// implementations of one operation run one after another, database_sql
// first, so each ratio compares neighbours in time.
func BenchmarkORM(b *testing.B) {
	for _, t := range targets(b) {
		b.Run(t.Name, func(b *testing.B) {
			for _, o := range ops {
				b.Run(o.name, func(b *testing.B) {
					for _, op := range Openers {
						b.Run(op.Name, func(b *testing.B) {
							runOp(b, openImpl(b, t, op), o)
						})
					}
				})
			}
		})
	}
}
