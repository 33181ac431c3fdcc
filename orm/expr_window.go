package orm

import (
	"fmt"
	"strconv"
	"strings"
)

// A Window is an OVER (PARTITION BY ... ORDER BY ... frame) clause; start
// it with PartitionBy or OrderedBy and apply it with Func.Over.
type Window struct {
	partition []Expr
	order     []Expr
	frame     string
	err       error
}

// PartitionBy starts a window partitioned by columns (names or Exprs).
func PartitionBy(cols ...any) *Window { return new(Window).PartitionBy(cols...) }

// OrderedBy starts a window ordered by keys: names with a leading '-'
// for descending, or Exprs.
func OrderedBy(keys ...any) *Window { return new(Window).OrderBy(keys...) }

// PartitionBy adds PARTITION BY columns.
func (w *Window) PartitionBy(cols ...any) *Window {
	for _, c := range cols {
		w.partition = append(w.partition, asExpr(c))
	}
	return w
}

// OrderBy adds ORDER BY keys.
func (w *Window) OrderBy(keys ...any) *Window {
	for _, k := range keys {
		e, _ := orderKey(nil, k)
		w.order = append(w.order, e)
	}
	return w
}

// A FrameBound is one end of a window frame.
type FrameBound struct{ text string }

// Frame bounds.
var (
	UnboundedPreceding = FrameBound{"UNBOUNDED PRECEDING"}
	CurrentRow         = FrameBound{"CURRENT ROW"}
	UnboundedFollowing = FrameBound{"UNBOUNDED FOLLOWING"}
)

// Preceding is "n PRECEDING".
func Preceding(n int) FrameBound { return FrameBound{strconv.Itoa(n) + " PRECEDING"} }

// Following is "n FOLLOWING".
func Following(n int) FrameBound { return FrameBound{strconv.Itoa(n) + " FOLLOWING"} }

// Rows sets the frame ROWS BETWEEN start AND end.
func (w *Window) Rows(start, end FrameBound) *Window { return w.setFrame("ROWS", start, end) }

// Range sets the frame RANGE BETWEEN start AND end.
func (w *Window) Range(start, end FrameBound) *Window { return w.setFrame("RANGE", start, end) }

func (w *Window) setFrame(unit string, start, end FrameBound) *Window {
	if start.text == "" || end.text == "" {
		w.err = fmt.Errorf("orm: window frame with an empty bound")
	}
	w.frame = unit + " BETWEEN " + start.text + " AND " + end.text
	return w
}

// appendSQL renders OVER (...).
func (w *Window) appendSQL(b *Builder) {
	if w.err != nil {
		b.SetErr(w.err)
		return
	}
	b.WriteString(" OVER (")
	sep := ""
	if len(w.partition) > 0 {
		b.WriteString("PARTITION BY ")
		b.list(w.partition, ", ")
		sep = " "
	}
	if len(w.order) > 0 {
		b.WriteString(sep + "ORDER BY ")
		b.list(w.order, ", ")
		sep = " "
	}
	if w.frame != "" {
		b.WriteString(sep + w.frame)
	}
	b.WriteString(")")
}

// An Over is a window function call: f(...) OVER (...).
type Over struct {
	f Func
	w *Window
}

// Over applies the function over a window (nil: the whole result):
// orm.RowNumber().Over(orm.PartitionBy("owner_id").OrderBy("-price")).
func (f Func) Over(w *Window) Over {
	if w == nil {
		w = new(Window)
	}
	return Over{f, w}
}

// AppendSQL renders the call and its window.
func (o Over) AppendSQL(b *Builder) {
	if (o.f.Name == "lag" || o.f.Name == "lead") && len(o.f.Args) > 2 && b.Dialect().Name() == "mysql" {
		b.SetErr(fmt.Errorf("orm: %s with a default is not supported by mysql (MariaDB takes no default): wrap it, Coalesce(%s(...).Over(w), default)", o.f.Name, capitalize(o.f.Name)))
		return
	}
	o.f.AppendSQL(b)
	o.w.appendSQL(b)
}

// As labels the window function call.
func (o Over) As(name string) Expr { return labeled{o, name} }

// RowNumber is row_number(), numbering rows 1, 2, ... in the window.
func RowNumber() Func { return Func{Name: "row_number"} }

// Rank is rank(): equal rows share a rank and leave gaps.
func Rank() Func { return Func{Name: "rank"} }

// DenseRank is dense_rank(): equal rows share a rank, without gaps.
func DenseRank() Func { return Func{Name: "dense_rank"} }

// Lag is lag(e, offset[, default]): the value offset rows before; a
// string e is a column name, the default is bound. MariaDB takes no
// default: on the mysql dialect a default is an error.
func Lag(e any, offset int, def ...any) Func { return shiftFunc("lag", e, offset, def) }

// Lead is lead(e, offset[, default]): the value offset rows after.
func Lead(e any, offset int, def ...any) Func { return shiftFunc("lead", e, offset, def) }

// capitalize returns "Lag" for "lag".
func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// shiftFunc builds lag/lead with a literal offset (MySQL takes no
// placeholder there).
func shiftFunc(name string, e any, offset int, def []any) Func {
	args := []Expr{operands([]any{e})[0], SQL(strconv.Itoa(offset))}
	if len(def) > 0 {
		args = append(args, value{def[0]})
	}
	return Func{name, args}
}
