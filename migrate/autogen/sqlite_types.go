package autogen

import (
	"strings"

	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/migrate"
)

// sqliteTypeChanges finds length and precision changes, which Atlas's
// SQLite differ ignores (it compares type affinities only).
func sqliteTypeChanges(current, desired *schema.Schema, changes []schema.Change, conv converter) []schema.Change {
	if conv.dialect != migrate.SQLite {
		return nil
	}
	var out []schema.Change
	for _, ct := range current.Tables {
		dt, ok := desired.Table(ct.Name)
		if !ok {
			continue
		}
		var mods []schema.Change
		for _, cc := range ct.Columns {
			dc, ok := dt.Column(cc.Name)
			if !ok || modified(changes, ct.Name, cc.Name) {
				continue
			}
			if typeName(conv.column(cc).Type) != typeName(conv.column(dc).Type) {
				mods = append(mods, &schema.ModifyColumn{From: cc, To: dc, Change: schema.ChangeType})
			}
		}
		if len(mods) > 0 {
			out = append(out, &schema.ModifyTable{T: dt, Changes: mods})
		}
	}
	return out
}

// modified reports whether Atlas already changes the column.
func modified(changes []schema.Change, table, column string) bool {
	for _, c := range changes {
		mt, ok := c.(*schema.ModifyTable)
		if !ok || mt.T.Name != table {
			continue
		}
		for _, tc := range mt.Changes {
			if mc, ok := tc.(*schema.ModifyColumn); ok && mc.To.Name == column {
				return true
			}
		}
	}
	return false
}

// sqliteCheckChanges finds CHECK constraints whose name is unchanged but
// whose expression changed (an enum column gaining a value), which Atlas's
// SQLite differ ignores: it matches checks by name or expression. SQLite
// keeps the expression as written, so the texts can be compared.
func sqliteCheckChanges(current, desired *schema.Schema, changes []schema.Change, conv converter) []schema.Change {
	if conv.dialect != migrate.SQLite {
		return nil
	}
	var out []schema.Change
	for _, ct := range current.Tables {
		dt, ok := desired.Table(ct.Name)
		if !ok {
			continue
		}
		var mods []schema.Change
		for _, cc := range checksOf(ct) {
			for _, dc := range checksOf(dt) {
				if cc.Name != "" && cc.Name == dc.Name && unwrap(cc.Expr) != unwrap(dc.Expr) && !checkChanged(changes, ct.Name, cc.Name) {
					mods = append(mods, &schema.ModifyCheck{From: cc, To: dc})
				}
			}
		}
		if len(mods) > 0 {
			out = append(out, &schema.ModifyTable{T: dt, Changes: mods})
		}
	}
	return out
}

// checksOf returns a table's CHECK constraints.
func checksOf(t *schema.Table) []*schema.Check {
	var out []*schema.Check
	for _, a := range t.Attrs {
		if c, ok := a.(*schema.Check); ok {
			out = append(out, c)
		}
	}
	return out
}

// unwrap removes the parentheses SQLite keeps around a whole expression.
func unwrap(expr string) string {
	e := strings.TrimSpace(expr)
	for strings.HasPrefix(e, "(") && strings.HasSuffix(e, ")") && balanced(e[1:len(e)-1]) {
		e = strings.TrimSpace(e[1 : len(e)-1])
	}
	return e
}

// balanced reports whether parentheses in s never close more than opened.
func balanced(s string) bool {
	depth := 0
	for _, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// checkChanged reports whether Atlas already changes the named check.
func checkChanged(changes []schema.Change, table, name string) bool {
	for _, c := range changes {
		mt, ok := c.(*schema.ModifyTable)
		if !ok || mt.T.Name != table {
			continue
		}
		for _, tc := range mt.Changes {
			switch tc := tc.(type) {
			case *schema.ModifyCheck:
				if tc.To.Name == name {
					return true
				}
			case *schema.DropCheck:
				if tc.C.Name == name {
					return true
				}
			}
		}
	}
	return false
}
