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

// BenchmarkGetWorldPaired reads one world row by key through the raw
// server's prepared statement and through the ORM in turns within one loop
// (the first of the two alternating),
// reporting raw-ns/op and orm-ns/op: the machine's slow moments fall on
// both, so their ratio is steadier than that of two sub-benchmarks.
func BenchmarkGetWorldPaired(b *testing.B) {
	ctx := context.Background()
	for dialect, url := range benchDBs(b) {
		b.Run(dialect, func(b *testing.B) {
			s, db := openStore(b, url), openORM(b, url)
			steps := [2]func() error{
				func() error { _, err := s.World(ctx, tfb.RandomID()); return err },
				func() error { _, err := orm.Get[World](ctx, db, tfb.RandomID()); return err },
			}
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
			raw, viaORM := took[0], took[1]
			b.ReportMetric(float64(raw.Nanoseconds())/float64(b.N), "raw-ns/op")
			b.ReportMetric(float64(viaORM.Nanoseconds())/float64(b.N), "orm-ns/op")
			b.ReportMetric(float64(viaORM)/float64(raw), "orm/raw")
		})
	}
}
