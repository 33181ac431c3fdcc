package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"
)

// notesMarker starts the hand-written part of RESULTS.md, kept across runs.
const notesMarker = "<!-- notes: everything below this line is kept by cmd/report -->"

// dbTitles are the section titles of the databases.
var dbTitles = map[string]string{"postgres": "PostgreSQL", "sqlite": "SQLite (modernc.org/sqlite, file, WAL)"}

// report is everything RESULTS.md shows.
type report struct {
	s        summary
	m        machine
	c        config
	took     time.Duration
	profiles []profile
}

// newReport summarises the results.
func newReport(out output, m machine, c config, took time.Duration) *report {
	s := summarise(out.results)
	s.addPaired(out.paired)
	return &report{s: s, m: m, c: c, took: took}
}

// misses lists the operations where flagon missed a target.
func (r *report) misses() []key {
	var out []key
	for _, v := range r.s.verdicts() {
		if !v.ok() {
			out = append(out, v.k)
		}
	}
	return out
}

// write renders the report to path, keeping the notes of the old file.
func (r *report) write(path string) error {
	var b bytes.Buffer
	r.header(&b)
	for _, db := range r.s.dbs {
		r.table(&b, db)
	}
	r.targets(&b)
	r.profileList(&b)
	b.WriteString("\n" + notesMarker + "\n")
	b.WriteString(oldNotes(path))
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// oldNotes returns what follows the notes marker in the existing file.
func oldNotes(path string) string {
	old, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	_, notes, ok := strings.Cut(string(old), notesMarker+"\n")
	if !ok {
		return ""
	}
	return notes
}

// header writes the title, the machine and the method.
func (r *report) header(b *bytes.Buffer) {
	m := r.m
	fmt.Fprintf(b, "# flagon ORM comparison benchmark\n\n")
	fmt.Fprintf(b, "Written by `bench/orm/run` (`go run ./cmd/report -count %d -benchtime %s`) on %s in %s.\n\n",
		r.c.count, r.c.benchtime, m.date.Format("2006-01-02 15:04 MST"), r.took.Round(time.Second))
	fmt.Fprintf(b, "## Machine\n\n")
	fmt.Fprintf(b, "- CPU: %s, nproc %d\n- Go: %s\n- PostgreSQL: %s (127.0.0.1, same machine)\n- SQLite: %s\n",
		m.cpu, m.nproc, m.goVersion, m.postgres, m.sqlite)
	fmt.Fprintf(b, "- Libraries: %s\n", strings.Join(m.modules, ", "))
	fmt.Fprintf(b, "- Load average (1/5/15 min) before: %s, after: %s. The machine is shared: other jobs "+
		"(builds, tests, benchmarks of other helpers) may have been running, so single numbers are noisy; "+
		"the best-of-run times, the allocation counts and the relative order are the reliable part.\n\n", m.loadBefore, m.loadAfter)
	fmt.Fprintf(b, "## Method\n\n%s\n", method)
}

// method explains how the numbers were made.
const method = `Each of the ` + "`-count`" + ` runs executes every sub-benchmark
BenchmarkORM/<database>/<operation>/<implementation> once (` + "`go test -bench -benchmem`" + `,
the test binary built once), so the runs of one sub-benchmark are spread over the
whole session. Shown: the best (minimum) and the median ns/op, the spread
((max-min)/median), the median cpu-ns/op (user+system CPU time of the benchmark
process per operation, from getrusage: the client's work, and on SQLite the
database's too), the median B/op and allocs/op, and × database_sql = best ns/op
divided by raw database/sql's best ns/op on the same operation (and the same for
the median cpu-ns/op). The best of the runs is used for the ratios and the
verdicts because other jobs on a shared machine only ever add time: with a load
average far above the core count the medians move by tens of percent between
runs, the minima and the allocation counts much less. The model is efectn/go-orm-benchmarks'
Model{ID, Name, Title, Fax, Web, Age, Right, Counter}; each sub-benchmark starts
from an empty table. BenchmarkPaired/<database>/<operation> runs database_sql,
flagon, GORM and Bun in turns within one loop on one table (each iteration runs
each once, the first one rotating) and reports <impl>-ns/op for each; it judges
the targets below. Operations: insert (one row, key written back), insert100
(one multi-row INSERT of 100 rows, keys written back); both change Counter in
every iteration, so that no two statements carry the same values (README.md,
"Varying values"), update (every column by key),
read (one row by key), read100 (100 rows, WHERE id > 0 LIMIT 100).

Implementations: database_sql = hand-written database/sql (the baseline, statements
not prepared); database_sql_stmt = the same with every statement prepared once;
pgx = pgxpool (PostgreSQL only); flagon = orm.Insert / orm.InsertMany / orm.Save /
orm.Get / orm.Select(...).Where(id > 0).Limit(100).All; gorm = Create / Save /
First / Where.Limit.Find with SkipDefaultTransaction and PrepareStmt (its
performance guide); bun = NewInsert / NewUpdate.WherePK / NewSelect. All
database/sql implementations use the same driver: pgx's stdlib (which caches
prepared statements per connection by itself) or modernc.org/sqlite. GORM on
SQLite uses a minimal dialector over modernc (bench/orm/gorm_sqlite.go) because
github.com/glebarez/sqlite registers the driver name "sqlite" too and cannot be
linked beside modernc.org/sqlite. Bun interpolates arguments into the SQL text on
the client (no bind parameters), which is why its insert100 allocates far less;
on PostgreSQL it runs on pgx's simple query protocol, as Bun's own driver does.

Disk waits are taken out: the benchmark database has synchronous_commit = off
and SQLite runs with synchronous=NORMAL (WAL), so writes measure code, not fsync.
`

// table writes one database's results.
func (r *report) table(b *bytes.Buffer, db string) {
	title := dbTitles[db]
	if title == "" {
		title = db
	}
	fmt.Fprintf(b, "\n## %s\n\n", title)
	b.WriteString("| operation | implementation | best ns/op | median ns/op | spread | cpu-ns/op | B/op | allocs/op " +
		"| × database_sql (best) | × database_sql (cpu) |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, op := range r.s.ops {
		for _, impl := range r.s.impls {
			k := key{db, op, impl}
			st, ok := r.s.stats[k]
			if !ok {
				continue
			}
			ratio, _ := r.s.ratio(k)
			cpuRatio, _ := r.s.cpuRatio(k)
			name := impl
			if impl == "flagon" {
				name = "**flagon**"
			}
			fmt.Fprintf(b, "| %s | %s | %.0f | %.0f | %.0f%% | %.0f | %.0f | %.0f | %.2f | %s |\n",
				op, name, st.minNS, st.ns, 100*st.spread(), st.cpu, st.bytes, st.allocs, ratio, ratioCell(cpuRatio))
		}
	}
}

// targets writes flagon's standing against the targets.
func (r *report) targets(b *bytes.Buffer) {
	b.WriteString("\n## Targets: flagon within 1.15x of database_sql and ahead of GORM and Bun\n\n")
	b.WriteString("Judged on BenchmarkPaired where it ran: database_sql, flagon, GORM and Bun take turns within one " +
		"loop (each iteration runs each of them once, the first one rotating), so a slow moment of the machine falls " +
		"on all of them; shown is the median over the runs of each run's ratio. Beside it, the best-of ratio from the " +
		"tables above and the same for the median cpu-ns/op. Where no paired run exists, the best-of ratios judge.\n\n")
	b.WriteString("| database | operation | flagon × database_sql | (best-of) | (cpu) | flagon / gorm | flagon / bun | paired runs | verdict |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|---|\n")
	for _, v := range r.s.verdicts() {
		cpuRatio, _ := r.s.cpuRatio(v.k)
		fmt.Fprintf(b, "| %s | %s | %.2f | %s | %s | %s | %s | %d | %s |\n",
			v.k.db, v.k.op, v.ratio, ratioCell(v.bestRatio), ratioCell(cpuRatio), ratioCell(v.vsGorm),
			ratioCell(v.vsBun), v.pairedRuns, v.describe())
	}
}

// ratioCell formats a ratio, or "-" when the other side did not run.
func ratioCell(x float64) string {
	if x == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", x)
}

// profileList links the profiles of the misses.
func (r *report) profileList(b *bytes.Buffer) {
	if len(r.profiles) == 0 {
		return
	}
	b.WriteString("\n## Profiles of the misses\n\n")
	b.WriteString("`pprof -top` listings (whole process, then the orm package by cumulative time) from a 2 s run of each:\n\n")
	for _, p := range r.profiles {
		if p.err != nil {
			fmt.Fprintf(b, "- %s/%s: profiling failed: %v\n", p.k.db, p.k.op, p.err)
			continue
		}
		fmt.Fprintf(b, "- %s/%s: [CPU](%s), [allocations](%s)\n", p.k.db, p.k.op, p.cpu, p.alloc)
	}
}
