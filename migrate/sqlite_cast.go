package migrate

import (
	"regexp"
	"strings"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
)

// sqliteAffinity returns the type affinity SQLite gives a declared column
// type (https://www.sqlite.org/datatype3.html, section 3.1).
func sqliteAffinity(declared string) string {
	t := strings.ToUpper(declared)
	switch {
	case strings.Contains(t, "INT"):
		return "INTEGER"
	case strings.Contains(t, "CHAR"), strings.Contains(t, "CLOB"), strings.Contains(t, "TEXT"):
		return "TEXT"
	case strings.Contains(t, "BLOB"), t == "":
		return "BLOB"
	case strings.Contains(t, "REAL"), strings.Contains(t, "FLOA"), strings.Contains(t, "DOUB"):
		return "REAL"
	}
	return "NUMERIC"
}

// sqliteCastType returns the type a rebuild's copy casts a column's values
// to when its type changes from one affinity to another, as Alembic's
// batch mode does (SQLiteImpl.cast_for_batch_migrate): "text" becomes 0
// in an integer column, "8.5" becomes 8. It returns "" when no cast is
// needed, and for NUMERIC and BLOB affinities, whose CAST would turn a
// date such as '2024-01-02' into 2024 where the column's own affinity
// keeps the text.
func sqliteCastType(from, to schema.Type) string {
	fs, err1 := sqlite.FormatType(from)
	ts, err2 := sqlite.FormatType(to)
	if err1 != nil || err2 != nil {
		return ""
	}
	fa, ta := sqliteAffinity(fs), sqliteAffinity(ts)
	if fa == ta || ta == "NUMERIC" || ta == "BLOB" {
		return ""
	}
	return ts
}

// plainCopy removes the IFNULL(column, default) that Atlas's copy puts on
// a column made NOT NULL with a default, so that a rebuild refuses NULL
// rows as PostgreSQL's SET NOT NULL, MySQL's MODIFY and Alembic's batch
// copy do, instead of silently replacing them with the default.
func plainCopy(stmts []string) []string {
	out := make([]string, len(stmts))
	for i, s := range stmts {
		if _, ok := rebuildCopyTable(s); ok {
			s = stripIfNull(s)
		}
		out[i] = s
	}
	return out
}

// stripIfNull replaces each "IFNULL(`c`, x) AS `c`" of a statement by "`c`".
func stripIfNull(s string) string {
	for {
		i := strings.Index(s, "IFNULL(`")
		if i < 0 {
			return s
		}
		end := strings.Index(s[i+len("IFNULL("):], "`, ")
		if end < 0 {
			return s
		}
		q := s[i+len("IFNULL(") : i+len("IFNULL(")+end+1]
		tail := ") AS " + q
		j := strings.Index(s[i:], tail)
		if j < 0 {
			return s
		}
		s = s[:i] + q + s[i+j+len(tail):]
	}
}

// castCopy rewrites the copy statement of a SQLite rebuild so that the
// values of the columns in casts are CAST to their new types.
func castCopy(stmts []string, casts map[string]string) []string {
	if len(casts) == 0 {
		return stmts
	}
	out := make([]string, len(stmts))
	for i, s := range stmts {
		if _, ok := rebuildCopyTable(s); ok {
			for col, typ := range casts {
				s = castColumn(s, col, typ)
			}
		}
		out[i] = s
	}
	return out
}

// castColumn casts one column of a copy statement's select list, plain
// ("`c`") or under the IFNULL Atlas adds for a new NOT NULL default.
func castColumn(s, col, typ string) string {
	q := sqliteIdent(col)
	cast := "CAST(" + q + " AS " + typ + ")"
	sel := strings.Index(s, " SELECT ")
	if sel < 0 {
		return s
	}
	head, list := s[:sel+len(" SELECT ")], s[sel+len(" SELECT "):]
	if strings.Contains(list, "IFNULL("+q+",") {
		return head + strings.Replace(list, "IFNULL("+q+",", "IFNULL("+cast+",", 1)
	}
	re := regexp.MustCompile(`(^|, )` + regexp.QuoteMeta(q) + `(, | FROM )`)
	return head + re.ReplaceAllString(list, "${1}"+cast+" AS "+q+"${2}")
}
