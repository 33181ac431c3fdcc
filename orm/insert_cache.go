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
	if p.usesArrays(rows) {
		rows = -1 // one text for every row count
	}
	k := insertTextKey{t, d.Name(), mask, p.useReturn, rows}
	if ok {
		if s, hit := insertTexts.Load(k); hit {
			return s.(string)
		}
	}
	b := NewBuilder(d)
	renderInsertText(b, t, p, rows)
	s := b.String()
	if ok && insertTextCount.Load() < maxInsertTexts {
		if _, loaded := insertTexts.LoadOrStore(k, s); !loaded {
			insertTextCount.Add(1)
		}
	}
	return s
}

// renderInsertText writes the statement with placeholders only; rows < 0
// is the array-bound form.
func renderInsertText(b *Builder, t *Table, p insertPlan, rows int) {
	if rows < 0 {
		renderUnnestRows(b, t, p, nil)
		renderReturning(b, p)
		return
	}
	b.sb.Grow(rows * len(p.cols) * 4)
	b.WriteString("INSERT INTO ")
	b.Ident(t.Name)
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
			n++
			b.WriteString(b.d.Placeholder(n))
		}
		b.WriteString(")")
	}
	renderReturning(b, p)
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

// insertPlanKey names a cached InsertQuery plan: the table, dialect,
// which generated columns the rows leave zero, and DO NOTHING.
type insertPlanKey struct {
	table     *Table
	dialect   string
	zero      uint64
	doNothing bool
	upsert    bool
}

// insertPlans caches InsertQuery plans; there are at most 2^generated
// columns per table and dialect.
var insertPlans sync.Map // insertPlanKey -> insertPlan

// zeroGenerated returns a bit per column of t that is generated and zero
// in v; ok is false for tables too wide to cache.
func zeroGenerated(t *Table, v reflect.Value) (uint64, bool) {
	if len(t.Columns) > 64 {
		return 0, false
	}
	var m uint64
	for i, c := range t.Columns {
		if generated(c) && isZeroField(c, v) {
			m |= 1 << i
		}
	}
	return m, true
}
