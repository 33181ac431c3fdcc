package orm

// The SQL of each time unit per dialect, indexed by TimeUnit. Every
// string is a constant of this file: no unit text comes from input.
var (
	pgExtractField  = [...]string{Year: "YEAR", Month: "MONTH", Day: "DAY", Hour: "HOUR", Minute: "MINUTE", Second: "SECOND", DayOfWeek: "DOW", DayOfYear: "DOY"}
	sqliteStrftime  = [...]string{Year: "%Y", Month: "%m", Day: "%d", Hour: "%H", Minute: "%M", Second: "%S", DayOfWeek: "%w", DayOfYear: "%j"}
	pgTruncUnit     = [...]string{Year: "year", Month: "month", Day: "day", Hour: "hour", Minute: "minute", Second: "second"}
	mysqlTruncFmt   = [...]string{Year: "%Y-01-01", Month: "%Y-%m-01", Day: "%Y-%m-%d", Hour: "%Y-%m-%d %H:00:00", Minute: "%Y-%m-%d %H:%i:00", Second: "%Y-%m-%d %H:%i:%s"}
	sqliteTruncMod  = [...]string{Year: "start of year", Month: "start of month", Day: "start of day"}
	sqliteTruncFmt  = [...]string{Hour: "%Y-%m-%d %H:00:00", Minute: "%Y-%m-%d %H:%M:00", Second: "%Y-%m-%d %H:%M:%S"}
	pgIntervalArg   = [...]string{Day: "days", Hour: "hours", Minute: "mins", Second: "secs"}
	mysqlInterval   = [...]string{Day: "DAY", Hour: "HOUR", Minute: "MINUTE", Second: "SECOND"}
	sqliteModifiers = [...]string{Day: "days", Hour: "hours", Minute: "minutes", Second: "seconds"}
)

// extractSQL renders Extract: an integer on every database.
func extractSQL(b *Builder, d string, u TimeUnit, e Expr) {
	switch {
	case d == "postgresql" && u == Second:
		wrap(b, "CAST(FLOOR(EXTRACT(SECOND FROM ", e, ")) AS INTEGER)")
	case d == "postgresql":
		wrap(b, "CAST(EXTRACT("+pgExtractField[u]+" FROM ", e, ") AS INTEGER)")
	case d == "mysql" && u == DayOfWeek:
		wrap(b, "(DAYOFWEEK(", e, ") - 1)")
	case d == "mysql" && u == DayOfYear:
		wrap(b, "DAYOFYEAR(", e, ")")
	case d == "mysql":
		wrap(b, "EXTRACT("+pgExtractField[u]+" FROM ", e, ")")
	default:
		wrap(b, "CAST(strftime('"+sqliteStrftime[u]+"', ", e, ") AS INTEGER)")
	}
}

// truncSQL renders DateTrunc: a timestamp on every database.
func truncSQL(b *Builder, d string, u TimeUnit, e Expr) {
	switch {
	case d == "postgresql":
		wrap(b, "date_trunc('"+pgTruncUnit[u]+"', ", e, ")")
	case d == "mysql":
		wrap(b, "CAST(DATE_FORMAT(", e, ", '"+mysqlTruncFmt[u]+"') AS DATETIME)")
	case u <= Day:
		wrap(b, "datetime(", e, ", '"+sqliteTruncMod[u]+"')")
	default:
		b.WriteString("strftime('" + sqliteTruncFmt[u] + "', ")
		e.AppendSQL(b)
		b.WriteString(")")
	}
}

// addSQL renders DateAdd with the amount bound (or rendered when it is a
// column or expression).
func addSQL(b *Builder, d string, u TimeUnit, e, amount Expr) {
	switch d {
	case "postgresql":
		wrap(b, "(", e, " + make_interval("+pgIntervalArg[u]+" => ")
		amount.AppendSQL(b)
		b.WriteString("))")
	case "mysql":
		wrap(b, "DATE_ADD(", e, ", INTERVAL ")
		amount.AppendSQL(b)
		b.WriteString(" " + mysqlInterval[u] + ")")
	default:
		wrap(b, "datetime(", e, ", CAST(")
		amount.AppendSQL(b)
		b.WriteString(" AS TEXT) || ' " + sqliteModifiers[u] + "')")
	}
}
