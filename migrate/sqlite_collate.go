package migrate

import (
	"regexp"
	"strings"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/migrate/internal/sqliteschema"
)

// sqliteCollate matches a COLLATE clause and its collation name.
var sqliteCollate = regexp.MustCompile("(?i)\\bCOLLATE\\s+(\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|\\[[^\\]]+\\]|[\\w$]+)")

// sqliteConstraintDef matches the table constraints of a CREATE TABLE body.
var sqliteConstraintDef = regexp.MustCompile(`(?i)^(CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN)\b`)

// collateSQLiteColumns records the collations of the columns of inspected
// SQLite tables, read from their CREATE statements: Atlas's SQLite
// inspection drops them, and a rebuilt table would lose COLLATE NOCASE
// (and its unique indexes would start telling "A" from "a"). Alembic's
// batch mode keeps the reflected collation.
func collateSQLiteColumns(s *schema.Schema) {
	for _, t := range s.Tables {
		var stmt sqlite.CreateStmt
		if !hasAttr(t.Attrs, &stmt) {
			continue
		}
		for _, def := range sqliteDefs(stmt.S) {
			if sqliteConstraintDef.MatchString(def) {
				continue
			}
			name, rest := sqliteFirstIdent(def)
			m := sqliteCollate.FindStringSubmatch(blankStrings(rest))
			if m == nil {
				continue
			}
			if col, ok := t.Column(name); ok {
				col.Attrs = append(col.Attrs, &schema.Collation{V: unquoteSQLite(m[1])})
			}
		}
	}
}

// sqliteDefs splits the parenthesized body of a CREATE TABLE statement
// into its top-level column and constraint definitions.
func sqliteDefs(stmt string) []string {
	start := strings.Index(stmt, "(")
	if start < 0 {
		return nil
	}
	var out []string
	depth, from := 0, start+1
	var quote byte
	for i := start; i < len(stmt); i++ {
		ch := stmt[i]
		switch {
		case quote != 0:
			if ch == quote || (quote == '[' && ch == ']') {
				quote = 0
			}
		case ch == '\'' || ch == '"' || ch == '`' || ch == '[':
			quote = ch
		case ch == '(':
			depth++
		case ch == ')':
			depth--
			if depth == 0 {
				return append(out, strings.TrimSpace(stmt[from:i]))
			}
		case ch == ',' && depth == 1:
			out = append(out, strings.TrimSpace(stmt[from:i]))
			from = i + 1
		}
	}
	return out
}

// sqliteFirstIdent splits a column definition into its (unquoted) name
// and the rest.
func sqliteFirstIdent(def string) (string, string) { return sqliteschema.FirstIdent(def) }

// blankStrings replaces the contents of string literals with spaces, so
// that a default such as 'collate x' is not read as a clause.
func blankStrings(s string) string {
	b := []byte(s)
	in := false
	for i, ch := range b {
		switch {
		case ch == '\'':
			in = !in
		case in:
			b[i] = ' '
		}
	}
	return string(b)
}

// rebuildCreate matches the CREATE TABLE of a SQLite rebuild.
var rebuildCreate = regexp.MustCompile("^CREATE TABLE `new_(.+?)` \\(")

// completeRebuilds writes into the CREATE TABLE statements of SQLite
// rebuilds what Atlas leaves out of them: the collations of the state's
// columns and the DEFERRABLE clauses of its foreign keys.
func completeRebuilds(dialectName string, stmts []string, state *schema.Schema) []string {
	if dialectName != SQLite {
		return stmts
	}
	out := make([]string, len(stmts))
	for i, s := range stmts {
		if m := rebuildCreate.FindStringSubmatch(s); m != nil {
			if t, ok := state.Table(m[1]); ok {
				s = deferForeignKeys(collateColumns(s, t), t)
			}
		}
		out[i] = s
	}
	return out
}

// collateColumns adds COLLATE after the type of each collated column.
func collateColumns(s string, t *schema.Table) string {
	for _, col := range t.Columns {
		var coll schema.Collation
		if !hasCollation(col.Attrs, &coll) || col.Type == nil || col.Type.Type == nil {
			continue
		}
		typ, err := sqlite.FormatType(col.Type.Type)
		if err != nil || typ == "" {
			continue
		}
		head := sqliteIdent(col.Name) + " " + typ
		re := regexp.MustCompile(`(\(|, )` + regexp.QuoteMeta(head) + `( |,|\))`)
		name := coll.V
		if !regexp.MustCompile(`^\w+$`).MatchString(name) {
			name = sqliteIdent(name)
		}
		s = re.ReplaceAllString(s, "${1}"+head+" COLLATE "+name+"${2}")
	}
	return s
}

// hasCollation finds a column's collation.
func hasCollation(attrs []schema.Attr, c *schema.Collation) bool {
	for _, a := range attrs {
		if x, ok := a.(*schema.Collation); ok {
			*c = *x
			return true
		}
	}
	return false
}
