package main

import (
	"context"
	"fmt"
	"iter"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/bench/internal/benchtest"
	"github.com/flagon-go/flagon/bench/internal/rawdb"
	"github.com/flagon-go/flagon/bench/internal/tfb"
	"github.com/flagon-go/flagon/orm"
)

// benchURLs are the bench databases: a SQLite file always, PostgreSQL
// (a database of its own on FLAGON_TEST_POSTGRES's server) when set.
func benchURLs(b *testing.B) map[string]string {
	urls := map[string]string{"sqlite": benchtest.SQLite(b)}
	base := os.Getenv("FLAGON_TEST_POSTGRES")
	if base == "" {
		return urls
	}
	name := fmt.Sprintf("flagon_bench_b%d", os.Getpid())
	pg := base[:strings.LastIndex(base, "/")+1] + name + "?sslmode=disable"
	if err := tfb.Load(context.Background(), pg); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		admin, err := tfb.Open(base)
		if err == nil {
			admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			admin.Close()
		}
	})
	urls["postgresql"] = pg
	return urls
}

// benchDBs yields the bench databases in a fixed order, SQLite first.
func benchDBs(b *testing.B) iter.Seq2[string, string] {
	urls := benchURLs(b)
	return func(yield func(string, string) bool) {
		for _, dialect := range []string{"sqlite", "postgresql"} {
			if url, ok := urls[dialect]; ok && !yield(dialect, url) {
				return
			}
		}
	}
}

// openStore opens the raw server's store with 4 connections.
func openStore(b *testing.B, url string) *rawdb.Store {
	s, err := rawdb.Open(context.Background(), url, 4)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// openORM opens the flagon server's engine with 4 connections.
func openORM(b *testing.B, url string) *orm.DB {
	db, err := orm.Open(url, orm.MaxOpenConns(4), orm.MaxIdleConns(4))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkGetWorld reads one world row by key: through the raw server's
// prepared statement, through database/sql with the SQL text (prepared by
// the driver per call, or from pgx's statement cache), and through the
// ORM as the flagon server does.
func BenchmarkGetWorld(b *testing.B) {
	ctx := context.Background()
	for dialect, url := range benchDBs(b) {
		b.Run(dialect+"/raw-prepared", func(b *testing.B) {
			s := openStore(b, url)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.World(ctx, tfb.RandomID()); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(dialect+"/raw-unprepared", func(b *testing.B) {
			db, err := tfb.Open(url)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			q := "SELECT id, randomnumber FROM world WHERE id = ?"
			if dialect == "postgresql" {
				q = "SELECT id, randomnumber FROM world WHERE id = $1"
			}
			b.ReportAllocs()
			for b.Loop() {
				var w rawdb.World
				if err := db.QueryRowContext(ctx, q, tfb.RandomID()).Scan(&w.ID, &w.RandomNumber); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(dialect+"/orm-get", func(b *testing.B) {
			db := openORM(b, url)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := orm.Get[World](ctx, db, tfb.RandomID()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkUpdateWorlds writes 20 rows in one transaction, one UPDATE per
// row: the raw server's prepared statement beside the flagon server's
// orm.Save in db.Transaction (the /updates test type without the reads).
func BenchmarkUpdateWorlds(b *testing.B) {
	ctx := context.Background()
	for dialect, url := range benchDBs(b) {
		b.Run(dialect+"/raw-prepared", func(b *testing.B) {
			s := openStore(b, url)
			worlds, err := s.RandomWorlds(ctx, 20)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := s.UpdateWorlds(ctx, worlds); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(dialect+"/orm-save", func(b *testing.B) {
			db := openORM(b, url)
			worlds := make([]*World, 20) // random rows, as the raw store reads
			for i := range worlds {
				var err error
				if worlds[i], err = orm.Get[World](ctx, db, tfb.RandomID()); err != nil {
					b.Fatal(err)
				}
			}
			slices.SortFunc(worlds, func(a, b *World) int { return a.ID - b.ID })
			b.ReportAllocs()
			for b.Loop() {
				err := db.Transaction(ctx, func(tx *orm.Tx) error {
					for _, w := range worlds {
						w.RandomNumber = tfb.RandomID()
						if err := orm.Save(ctx, tx, w); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPaired runs the raw server's data access and the flagon
// server's ORM call for the same work in turns within one loop (the first
// of the two alternating), reporting raw-ns/op, orm-ns/op and orm/raw: the
// machine's slow moments fall on both, so their ratio is steadier than that
// of two sub-benchmarks. getWorld reads one world row by key, fortunes the
// 12 fortune rows.
func BenchmarkPaired(b *testing.B) {
	ctx := context.Background()
	for dialect, url := range benchDBs(b) {
		s, db := openStore(b, url), openORM(b, url)
		cases := []struct {
			name     string
			raw, orm func() error
		}{
			{"getWorld",
				func() error { _, err := s.World(ctx, tfb.RandomID()); return err },
				func() error { _, err := orm.Get[World](ctx, db, tfb.RandomID()); return err }},
			{"fortunes",
				func() error { _, err := s.Fortunes(ctx); return err },
				func() error { _, err := orm.Select[Fortune](db).All(ctx); return err }},
		}
		for _, c := range cases {
			b.Run(dialect+"/"+c.name, func(b *testing.B) { runPaired(b, c.raw, c.orm) })
		}
	}
}

// runPaired times raw and viaORM in turns and reports their ns/op.
func runPaired(b *testing.B, raw, viaORM func() error) {
	steps := [2]func() error{raw, viaORM}
	var took [2]time.Duration
	n := 0
	for b.Loop() {
		for j := range steps {
			i := (n + j) % 2 // who goes first alternates
			start := time.Now()
			if err := steps[i](); err != nil {
				b.Fatal(err)
			}
			took[i] += time.Since(start)
		}
		n++
	}
	b.ReportMetric(float64(took[0].Nanoseconds())/float64(n), "raw-ns/op")
	b.ReportMetric(float64(took[1].Nanoseconds())/float64(n), "orm-ns/op")
	b.ReportMetric(float64(took[1])/float64(took[0]), "orm/raw")
}
