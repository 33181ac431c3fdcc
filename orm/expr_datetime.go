package orm

import (
	"fmt"
	"reflect"
)

// A TimeUnit is a part of a date or time, for Extract, DateTrunc and
// DateAdd. Units are Go constants, never text from input: each function
// renders them as fixed SQL per dialect, and an unknown unit (or one the
// function does not take) is an error before any SQL is sent.
type TimeUnit uint8

// Time units. DayOfWeek (0 = Sunday to 6 = Saturday) and DayOfYear (1 to
// 366) are for Extract only.
const (
	Year TimeUnit = iota + 1
	Month
	Day
	Hour
	Minute
	Second
	DayOfWeek
	DayOfYear
)

// String returns the unit's SQL name ("year", "dow", ...).
func (u TimeUnit) String() string {
	if u >= Year && u <= DayOfYear {
		return [...]string{"year", "month", "day", "hour", "minute", "second", "dow", "doy"}[u-1]
	}
	return fmt.Sprintf("TimeUnit(%d)", uint8(u))
}

// unitError reports a unit fn does not take.
func unitError(fn string, u TimeUnit, why string) error {
	return fmt.Errorf("orm: %s does not take the time unit %s%s", fn, u, why)
}

// A TimeExpr is a date/time function made by Now, CurrentDate, Extract,
// DateTrunc, ToDate or DateAdd: select it (label it with As), compare
// it, group or order by it.
type TimeExpr struct{ x Expr }

// AppendSQL renders the function for the builder's dialect.
func (t TimeExpr) AppendSQL(b *Builder) {
	if t.x == nil {
		b.SetErr(errNilExpr)
		return
	}
	t.x.AppendSQL(b)
}

// As labels the expression.
func (t TimeExpr) As(name string) Expr { return labeled{t, name} }

// Eq is "t = v"; v is bound unless it is an Expr.
func (t TimeExpr) Eq(v any) Expr { return Binary{t, "=", v} }

// Ne is "t <> v".
func (t TimeExpr) Ne(v any) Expr { return Binary{t, "<>", v} }

// Gt is "t > v".
func (t TimeExpr) Gt(v any) Expr { return Binary{t, ">", v} }

// Ge is "t >= v".
func (t TimeExpr) Ge(v any) Expr { return Binary{t, ">=", v} }

// Lt is "t < v".
func (t TimeExpr) Lt(v any) Expr { return Binary{t, "<", v} }

// Le is "t <= v".
func (t TimeExpr) Le(v any) Expr { return Binary{t, "<=", v} }

// Asc orders by t ascending.
func (t TimeExpr) Asc() Expr { return postfix{t, " ASC"} }

// Desc orders by t descending.
func (t TimeExpr) Desc() Expr { return postfix{t, " DESC"} }

// sqlFunc is a function of no arguments rendered by name per dialect.
type sqlFunc struct{ pg, mysql, sqlite string }

// AppendSQL renders the dialect's spelling.
func (f sqlFunc) AppendSQL(b *Builder) {
	b.WriteString(byDialect(b, f.pg, f.mysql, f.sqlite))
}

// byDialect picks the text for the builder's dialect.
func byDialect(b *Builder, pg, mysql, sqlite string) string {
	switch b.Dialect().Name() {
	case "postgresql":
		return pg
	case "mysql":
		return mysql
	}
	return sqlite
}

// Now is the current date and time: SQLAlchemy's func.now(), now() on
// PostgreSQL and MySQL and CURRENT_TIMESTAMP on SQLite (UTC there, and on
// MySQL with flagon's UTC connections). It reads into a time.Time.
func Now() TimeExpr { return TimeExpr{sqlFunc{"now()", "now()", "CURRENT_TIMESTAMP"}} }

// CurrentTimestamp is CURRENT_TIMESTAMP, SQLAlchemy's
// func.current_timestamp().
func CurrentTimestamp() TimeExpr {
	return TimeExpr{sqlFunc{"CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP"}}
}

// CurrentDate is CURRENT_DATE, today's date (in UTC on SQLite and on
// MySQL with flagon's connections), SQLAlchemy's func.current_date(). It
// reads into a time.Time at midnight or an orm.Date.
func CurrentDate() TimeExpr { return TimeExpr{sqlFunc{"CURRENT_DATE", "CURRENT_DATE", "CURRENT_DATE"}} }

// timeExpr is a date/time function of one operand, rendered per dialect.
type timeExpr struct {
	fn     string // the Go function, for errors
	unit   TimeUnit
	e      Expr
	amount Expr // DateAdd's bound or computed amount
	err    error
}

// operand turns a column name (string) or Expr into an Expr; other
// values are bound.
func operand(e any) Expr { return operands([]any{e})[0] }

// Extract is the integer value of a part of a date or time:
// SQLAlchemy's extract("year", col). A string e is a column name. It
// renders EXTRACT(YEAR FROM x) on PostgreSQL (cast to INTEGER) and MySQL
// and CAST(strftime('%Y', x) AS INTEGER) on SQLite; DayOfWeek counts
// from 0 for Sunday on every database. Seconds are whole seconds.
func Extract(unit TimeUnit, e any) TimeExpr {
	t := timeExpr{fn: "Extract", unit: unit, e: operand(e)}
	if unit < Year || unit > DayOfYear {
		t.err = unitError("Extract", unit, "")
	}
	return TimeExpr{t}
}

// DateTrunc is the date or time truncated to the start of its unit
// (Year, Month, Day, Hour, Minute or Second): PostgreSQL's date_trunc,
// DATE_FORMAT cast back to DATETIME on MySQL, datetime(x, 'start of
// month') or strftime on SQLite. It reads into a time.Time.
func DateTrunc(unit TimeUnit, e any) TimeExpr {
	t := timeExpr{fn: "DateTrunc", unit: unit, e: operand(e)}
	if unit < Year || unit > Second {
		t.err = unitError("DateTrunc", unit, " (want Year, Month, Day, Hour, Minute or Second)")
	}
	return TimeExpr{t}
}

// ToDate is the date part of a date and time, SQLAlchemy's func.date():
// CAST(x AS DATE) on PostgreSQL, DATE(x) on MySQL, date(x) on SQLite. It
// reads into a time.Time at midnight or an orm.Date.
func ToDate(e any) TimeExpr { return TimeExpr{timeExpr{fn: "ToDate", e: operand(e)}} }

// DateAdd is the date and time e plus amount units (Day, Hour, Minute or
// Second; negative to subtract). amount is a Go integer, bound as a
// parameter, or an Expr such as a column. PostgreSQL renders
// x + make_interval(days => $1), MySQL DATE_ADD(x, INTERVAL ? DAY), SQLite
// datetime(x, CAST(? AS TEXT) || ' days'). Months and years are not
// offered: the databases disagree about month ends (January 31 plus a
// month). It reads into a time.Time (whole seconds on SQLite).
func DateAdd(e any, amount any, unit TimeUnit) TimeExpr {
	t := timeExpr{fn: "DateAdd", unit: unit, e: operand(e)}
	switch a := amount.(type) {
	case Expr:
		t.amount = a
	case string:
		t.amount = C(a)
	default:
		if v := reflect.ValueOf(amount); !v.CanInt() {
			t.err = fmt.Errorf("orm: DateAdd amount %v (%T) is not an integer", amount, amount)
		} else {
			t.amount = Value(v.Int())
		}
	}
	if unit < Day || unit > Second {
		t.err = unitError("DateAdd", unit, " (want Day, Hour, Minute or Second)")
	}
	return TimeExpr{t}
}

// AppendSQL renders the function for the builder's dialect.
func (t timeExpr) AppendSQL(b *Builder) {
	switch {
	case t.err != nil:
		b.SetErr(t.err)
		return
	case t.e == nil:
		b.SetErr(fmt.Errorf("orm: %s of a nil expression", t.fn))
		return
	}
	d := b.Dialect().Name()
	switch t.fn {
	case "Extract":
		extractSQL(b, d, t.unit, t.e)
	case "DateTrunc":
		truncSQL(b, d, t.unit, t.e)
	case "ToDate":
		wrap(b, byDialect(b, "CAST(", "DATE(", "date("), t.e, byDialect(b, " AS DATE)", ")", ")"))
	case "DateAdd":
		addSQL(b, d, t.unit, t.e, t.amount)
	}
}

// wrap renders pre e post.
func wrap(b *Builder, pre string, e Expr, post string) {
	b.WriteString(pre)
	e.AppendSQL(b)
	b.WriteString(post)
}
