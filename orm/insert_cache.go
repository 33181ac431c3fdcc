package orm

import (
	"reflect"
	"sync"
	"sync/atomic"

	"github.com/flagon-go/flagon/orm/dialect"
)

// insertTextKey names the text of a plain INSERT: the table, dialect,
// inserted columns (a bit per column of the table), RETURNING and rows.
type insertTextKey struct {
	table     *Table
	dialect   string
	cols      uint64
	useReturn bool
	rows      int
}

// insertTexts caches INSERT statements so that an insert only binds its
// values; bounded by count since each row count is its own statement.
var (
	insertTexts     sync.Map // insertTextKey -> string
	insertTextCount atomic.Int64
)

// maxInsertTexts bounds insertTexts.
const maxInsertTexts = 4096

// columnMask returns a bit per column of t that is in cols; ok is false
// for tables too wide to cache.
func columnMask(t *Table, cols []*Column) (uint64, bool) {
	if len(t.Columns) > 64 {
		return 0, false
	}
	var m uint64
	j := 0
	for i, c := range t.Columns {
		if j < len(cols) && cols[j] == c {
			m |= 1 << i
			j++
		}
	}
	return m, j == len(cols)
}

// insertSQL returns INSERT INTO t (cols) VALUES (...) x rows [RETURNING]
// for plan p, cached.
func insertSQL(d dialect.Dialect, t *Table, p insertPlan, rows int) string {
	mask, ok := columnMask(t, p.cols)
	k := insertTextKey{t, d.Name(), mask, p.useReturn, rows}
	if p.usesArrays(rows) {
		k.rows = -1 // one text for every row count
	}
	if ok {
		if s, hit := insertTexts.Load(k); hit {
			return s.(string)
		}
	}
	b := NewBuilder(d)
	renderInsertRows(b, t, p, rows, nil)
	renderReturning(b, p)
	s := b.String()
	if ok && insertTextCount.Load() < maxInsertTexts {
		if _, loaded := insertTexts.LoadOrStore(k, s); !loaded {
			insertTextCount.Add(1)
		}
	}
	return s
}

// renderInsertRows writes the INSERT of rows rows without RETURNING:
// array-bound (unnest) when the plan binds arrays, else VALUES rows. It
// binds args (as insertArgs returns them), or writes placeholders only
// when args is nil.
func renderInsertRows(b *Builder, t *Table, p insertPlan, rows int, args []any) {
	if p.usesArrays(rows) {
		renderUnnestRows(b, t, p, args)
		return
	}
	b.sb.Grow(rows * len(p.cols) * 4)
	b.WriteString("INSERT INTO ")
	b.Ident(t.Name)
	if len(p.cols) == 0 && b.d.Name() != "mysql" {
		// Every column is generated: PostgreSQL and SQLite have no empty
		// column list, SQLAlchemy's DEFAULT VALUES (one row; the plan's
		// batch is 1). MySQL takes "() VALUES (), ()" below.
		b.WriteString(" DEFAULT VALUES")
		return
	}
	b.WriteString(" (")
	identList(b, p.cols)
	b.WriteString(") VALUES ")
	n := 0
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(")
		for j := range p.cols {
			if j > 0 {
				b.WriteString(", ")
			}
			if args != nil {
				b.bind(args[n])
			} else {
				b.WriteString(b.d.Placeholder(n + 1))
			}
			n++
		}
		b.WriteString(")")
	}
}

// renderReturning writes the RETURNING clause of a plan that reads back
// generated columns.
func renderReturning(b *Builder, p insertPlan) {
	if p.useReturn {
		b.WriteString(" RETURNING ")
		identList(b, p.returning)
	}
}

// identList writes quoted column names separated by commas.
func identList(b *Builder, cols []*Column) {
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Ident(c.Name)
	}
}

// insertPlanKey names a cached insert plan: the table, dialect and which
// generated columns the rows leave unset.
type insertPlanKey struct {
	table   *Table
	dialect string
	omitted uint64
}

// insertPlans caches insert plans; there are at most 2^generated columns
// per table and dialect.
var insertPlans sync.Map // insertPlanKey -> insertPlan

// omittedMask returns a bit per column of t that an insert of v omits
// (omittedOnInsert); ok is false for tables too wide to cache.
func omittedMask(t *Table, v reflect.Value) (uint64, bool) {
	if len(t.Columns) > 64 {
		return 0, false
	}
	var m uint64
	for i, c := range t.Columns {
		if omittedOnInsert(c, v) {
			m |= 1 << i
		}
	}
	return m, true
}
