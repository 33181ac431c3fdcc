package migrate

import (
	"regexp"
	"slices"
	"strings"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/migrate/internal/sqliteschema"
)

// fkDeferrable is a foreign key's DEFERRABLE clause as SQLite's CREATE
// statement spells it, which Atlas neither inspects nor writes. It embeds
// a comment only to be an Atlas attribute.
type fkDeferrable struct {
	schema.Comment
	clause string
}

// sqliteDeferrable matches a DEFERRABLE clause.
var sqliteDeferrable = regexp.MustCompile(`(?i)\b(NOT\s+)?DEFERRABLE(\s+INITIALLY\s+(DEFERRED|IMMEDIATE))?`)

// sqliteFKColumns matches the column list of a table-level foreign key.
var sqliteFKColumns = regexp.MustCompile(`(?is)FOREIGN\s+KEY\s*\(([^)]*)\)`)

// deferSQLiteForeignKeys records the DEFERRABLE clauses of the foreign
// keys of inspected SQLite tables, read from their CREATE statements, so
// that a rebuild keeps them (as Alembic's batch mode keeps a reflected
// key's deferrable and initially options).
func deferSQLiteForeignKeys(s *schema.Schema) {
	for _, t := range s.Tables {
		var stmt sqlite.CreateStmt
		if !hasAttr(t.Attrs, &stmt) {
			continue
		}
		for _, def := range sqliteDefs(stmt.S) {
			clean := blankStrings(def)
			d := sqliteDeferrable.FindString(clean)
			if d == "" || !strings.Contains(strings.ToUpper(clean), "REFERENCES") {
				continue
			}
			var cols []string
			if m := sqliteFKColumns.FindStringSubmatch(clean); m != nil {
				cols = sqliteschema.ColumnList(m[1])
			} else if !sqliteConstraintDef.MatchString(def) {
				name, _ := sqliteFirstIdent(def)
				cols = []string{name}
			}
			if fk := foreignKeyOn(t, cols); fk != nil {
				fk.Attrs = append(slices.Clone(fk.Attrs), &fkDeferrable{clause: strings.Join(strings.Fields(d), " ")})
			}
		}
	}
}

// foreignKeyOn returns the table's foreign key on exactly cols.
func foreignKeyOn(t *schema.Table, cols []string) *schema.ForeignKey {
	for _, fk := range t.ForeignKeys {
		if slices.EqualFunc(fk.Columns, cols, func(c *schema.Column, n string) bool { return strings.EqualFold(c.Name, n) }) {
			return fk
		}
	}
	return nil
}

// sqliteFKActions matches the referential actions Atlas writes after a
// foreign key's referenced columns.
const sqliteFKActions = `(?: ON (?:UPDATE|DELETE) (?:NO ACTION|CASCADE|SET NULL|SET DEFAULT|RESTRICT))*`

// deferForeignKeys appends each deferrable key's clause to its definition.
func deferForeignKeys(s string, t *schema.Table) string {
	for _, fk := range t.ForeignKeys {
		var d *fkDeferrable
		for _, a := range fk.Attrs {
			if x, ok := a.(*fkDeferrable); ok {
				d = x
			}
		}
		if d == nil || fk.Symbol == "" {
			continue
		}
		re := regexp.MustCompile(`(CONSTRAINT ` + regexp.QuoteMeta(sqliteIdent(fk.Symbol)) + " FOREIGN KEY \\([^)]*\\) REFERENCES `(?:[^`]|``)+` \\([^)]*\\)" + sqliteFKActions + `)`)
		s = re.ReplaceAllString(s, "${1} "+d.clause)
	}
	return s
}
