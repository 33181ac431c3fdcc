// Package ormbench compares flagon's ORM with raw database/sql, pgx, GORM
// and Bun on the operations of efectn/go-orm-benchmarks: insert one row,
// insert 100 rows, update one row, read one row by key and read 100 rows.
//
// It is a separate module so that flagon itself never depends on GORM or
// Bun. The benchmarks live in bench_test.go; cmd/report runs them and writes
// RESULTS.md.
package ormbench
