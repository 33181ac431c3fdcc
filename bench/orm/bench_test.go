package ormbench

import (
	"context"
	"slices"
	"testing"
	"time"
)

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

// pairedImpls are flagon and the implementations its targets name.
var pairedImpls = []string{"database_sql", "flagon", "gorm", "bun"}

// BenchmarkPaired runs, for every database and operation, the pairedImpls
// in turns within one loop (each iteration runs every one once, starting
// with the next one each time) and reports each one's time as
// <impl>-ns/op. A slow moment of the machine falls on all of them alike, so
// their ratios within one run are far steadier than ratios between
// BenchmarkORM's separate sub-benchmarks.
func BenchmarkPaired(b *testing.B) {
	for _, t := range targets(b) {
		b.Run(t.Name, func(b *testing.B) {
			for _, o := range ops {
				b.Run(o.name, func(b *testing.B) { runPaired(b, t, o) })
			}
		})
	}
}

// runPaired opens the paired implementations on one table, sets o up for
// each and times their steps in turns.
func runPaired(b *testing.B, t Target, o op) {
	var names []string
	var impls []Impl
	for _, op := range Openers {
		if slices.Contains(pairedImpls, op.Name) {
			names = append(names, op.Name)
			impls = append(impls, openImpl(b, t, op)) // empties the table
		}
	}
	steps := make([]func() error, len(impls))
	for i, im := range impls {
		step, err := o.setup(context.Background(), im)
		if err != nil {
			b.Fatalf("%s: %v", names[i], err)
		}
		steps[i] = step
	}
	elapsed := make([]time.Duration, len(steps))
	n := 0
	for b.Loop() {
		for j := range steps {
			i := (n + j) % len(steps)
			start := time.Now()
			if err := steps[i](); err != nil {
				b.Fatalf("%s: %v", names[i], err)
			}
			elapsed[i] += time.Since(start)
		}
		n++
	}
	for i, name := range names {
		b.ReportMetric(float64(elapsed[i].Nanoseconds())/float64(n), name+"-ns/op")
	}
}
