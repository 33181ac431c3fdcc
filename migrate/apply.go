package migrate

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/schema"
)

// A step is one revision applied in one direction.
type step struct {
	rev *Revision
	up  bool
}

// stepRunner executes one step's operations in its transaction.
type stepRunner struct {
	m     *Migrator
	tx    stepTx
	drv   migrate.Driver
	comp  *compiler
	ops   []Operation
	stale bool
	n     int       // statements executed
	prog  *progress // the step's progress line; nil when not shown
}

// applyStep runs a revision's operations and moves the version table from
// heads to the new heads, which it returns.
func (m *Migrator) applyStep(ctx context.Context, tx stepTx, st step, heads []string) ([]string, error) {
	ops, err := st.rev.RecordFor(m.opContext(), st.up)
	if err != nil {
		return nil, &RevisionError{step: st, Err: err}
	}
	drv, err := openDriver(m.Dialect, tx)
	if err != nil {
		return nil, &RevisionError{step: st, Err: err}
	}
	r := &stepRunner{m: m, tx: tx, drv: drv, ops: ops, stale: true, prog: m.startProgress(stepLine(st))}
	defer r.prog.stop()
	compiled, err := r.precompile(ctx)
	if err != nil {
		return nil, r.fail(st, err)
	}
	for i, o := range ops {
		if i < len(compiled) {
			err = r.execOp(ctx, o, compiled[i])
		} else {
			err = r.run(ctx, o)
		}
		if err != nil {
			return nil, r.fail(st, err)
		}
	}
	next, stmts := m.nextHeads(st, heads)
	for _, q := range stmts {
		if err := r.exec(ctx, q); err != nil {
			return nil, r.fail(st, err)
		}
	}
	if err := m.checkForeignKeys(ctx, tx); err != nil {
		return nil, &RevisionError{step: st, Err: err}
	}
	return next, nil
}

// nextHeads returns the heads after a step and the version table
// statements that take the table there, as Alembic's HeadMaintainer.
func (m *Migrator) nextHeads(st step, heads []string) ([]string, []string) {
	g := m.Script.Graph
	next, changes, err := g.StepHeads(heads, st.rev.ID, st.up)
	if err == nil {
		return next, m.changeSQL(changes)
	}
	// heads Alembic's rules do not cover (say, moved by a concurrent run):
	// recompute them from the applied set.
	set := g.Ancestors(heads...)
	if st.up {
		for id := range g.Ancestors(st.rev.ID) {
			set[id] = true
		}
	} else {
		delete(set, st.rev.ID)
	}
	next = g.HeadsOf(set)
	return next, m.versionSQL(heads, next)
}

// run executes one operation.
func (r *stepRunner) run(ctx context.Context, o Operation) error {
	if g, ok := o.(*RunGo); ok {
		r.stale = true
		if g.Func == nil {
			return nil
		}
		return g.Func(ctx, r.tx)
	}
	if err := r.refresh(ctx); err != nil {
		return err
	}
	stmts, err := r.comp.compile(ctx, o)
	if err != nil {
		return err
	}
	if _, ok := o.(*Execute); ok {
		r.stale = true
	}
	return r.execOp(ctx, o, stmts)
}

// precompile compiles the step's operations before any runs, so that an
// operation that cannot compile leaves the database untouched (MySQL
// commits each DDL statement at once). It stops at the first raw SQL or Go
// operation, after which the schema is known only by inspecting it again;
// the operations from there are compiled as they run.
func (r *stepRunner) precompile(ctx context.Context) ([][]string, error) {
	var out [][]string
	for _, o := range r.ops {
		switch o.(type) {
		case *RunGo, *Execute:
			return out, nil
		}
		if err := r.refresh(ctx); err != nil {
			return nil, err
		}
		stmts, err := r.comp.compile(ctx, o)
		if err != nil {
			return nil, err
		}
		out = append(out, stmts)
	}
	return out, nil
}

// execOp runs the compiled statements of one operation.
func (r *stepRunner) execOp(ctx context.Context, o Operation, stmts []string) error {
	if r.m.Dialect == SQLite {
		if tables := rebuiltTables(stmts); len(tables) > 0 {
			return r.withSQLiteObjects(ctx, tables, func() error { return r.execAll(ctx, stmts) })
		}
	}
	return r.execAll(ctx, stmts)
}

// execAll runs statements in order.
func (r *stepRunner) execAll(ctx context.Context, stmts []string) error {
	for _, s := range stmts {
		if r.m.Dialect == SQLite && strings.HasPrefix(s, "PRAGMA foreign_keys") {
			continue // the session turned foreign keys off outside the transaction
		}
		if err := r.execOne(ctx, s); err != nil {
			return err
		}
	}
	return nil
}

// execOne runs one statement; the copy of a rebuilt SQLite table's rows
// goes through copyRows, which checks that every row was copied.
func (r *stepRunner) execOne(ctx context.Context, s string) error {
	if r.m.Dialect == SQLite {
		if table, ok := rebuildCopyTable(s); ok {
			return r.copyRows(ctx, s, table)
		}
	}
	return r.exec(ctx, s)
}

// exec runs one statement, counting it for error reports.
func (r *stepRunner) exec(ctx context.Context, s string) error {
	r.n++
	if _, err := r.tx.ExecContext(ctx, s); err != nil {
		return &stmtError{sql: s, err: err}
	}
	return nil
}

// refresh inspects the tables the revision touches when the known schema
// may be out of date (at the start and after raw SQL or Go code).
func (r *stepRunner) refresh(ctx context.Context) error {
	if !r.stale {
		return nil
	}
	r.stale = false
	names := touchedTables(r.ops)
	s := schema.New("")
	if len(names) > 0 {
		var err error
		s, err = r.drv.InspectSchema(ctx, "", &schema.InspectOptions{Tables: names})
		if err != nil {
			return fmt.Errorf("inspect tables %s: %w", strings.Join(names, ", "), err)
		}
	}
	literalInspectedComments(r.m.Dialect, s)
	if r.m.Dialect == SQLite {
		if err := completeSQLiteInspection(ctx, r.tx, s); err != nil {
			return err
		}
	}
	r.comp = newCompiler(r.m.Dialect, r.drv, s)
	if r.m.Dialect == PostgreSQL {
		return r.externalEnums(ctx, names)
	}
	return nil
}

// externalEnumsSQL lists the enum types of the current schema's columns.
const externalEnumsSQL = `SELECT c.table_name, c.udt_name FROM information_schema.columns c
JOIN pg_type t ON t.typname = c.udt_name AND t.typtype = 'e'
WHERE c.table_schema = current_schema()`

// externalEnums records the enum types that tables outside the inspected
// ones use, so that the compiler never drops them as unused.
func (r *stepRunner) externalEnums(ctx context.Context, inspected []string) error {
	rows, err := r.tx.QueryContext(ctx, externalEnumsSQL)
	if err != nil {
		return fmt.Errorf("list enum columns: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, typ string
		if err := rows.Scan(&table, &typ); err != nil {
			return err
		}
		if !slices.Contains(inspected, table) {
			r.comp.external[typ] = true
		}
	}
	return rows.Err()
}

// touchedTables lists the tables that operations refer to.
func touchedTables(ops []Operation) []string {
	seen := map[string]bool{}
	var out []string
	add := func(n string) {
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, o := range ops {
		add(tableOf(o))
		switch o := o.(type) {
		case *CreateTable:
			add(o.Table.Name)
		case *DropTable:
			add(o.Name)
		case *RenameTable:
			add(o.From)
			add(o.To)
		}
	}
	return out
}

// checkForeignKeys runs SQLite's foreign_key_check before commit, since
// foreign keys are off during the revision.
func (m *Migrator) checkForeignKeys(ctx context.Context, q Querier) error {
	if m.Dialect != SQLite {
		return nil
	}
	rows, err := q.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return err
	}
	defer rows.Close()
	if rows.Next() {
		var table, parent string
		var rowid, fkid any
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return err
		}
		return fmt.Errorf("foreign key check failed: a row of %q (rowid %v) references a missing row of %q", table, rowid, parent)
	}
	return rows.Err()
}
