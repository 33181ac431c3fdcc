package orm_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/orm"
)

// BenchmarkEagerStrategies loads 100 parents with 10 children each on
// SQLite with each eager loading strategy: selectin and subquery run two
// statements, joined one statement of 1,000 rows.
func BenchmarkEagerStrategies(b *testing.B) {
	ctx := context.Background()
	for _, opt := range []struct {
		name string
		load *orm.LoadOption
	}{
		{"selectin", orm.SelectInLoad("Children")},
		{"joined", orm.JoinedLoad("Children")},
		{"subquery", orm.SubqueryLoad("Children")},
	} {
		b.Run(opt.name, func(b *testing.B) {
			db := sessionBenchDB(b)
			b.ReportAllocs()
			for b.Loop() {
				s := orm.NewSession(db)
				ps, err := orm.Select[BenchParent](s).Options(opt.load).All(ctx)
				if err != nil || len(ps) != 100 || ps[99].Children.Len() != 10 {
					b.Fatalf("loaded %d parents: %v", len(ps), err)
				}
				s.Close(ctx)
			}
		})
	}
}
