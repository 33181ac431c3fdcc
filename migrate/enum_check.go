package migrate

import (
	"regexp"
	"slices"
	"strings"

	"ariga.io/atlas/sql/schema"
)

// On SQLite, which has no enum type, an Enum column is a VARCHAR long
// enough for its longest value plus a CHECK restricting it to its values,
// as SQLAlchemy's non-native Enum. Revisions keep the Enum type; the
// compiler adds, replaces and drops the CHECK with the column.

// EnumCheckName names the CHECK constraint that implements an enum type on
// SQLite: "ck_<table>_<enum name>", the ORM's default naming convention.
func EnumCheckName(table, enumName string) string {
	return "ck_" + table + "_" + enumName
}

// EnumCheckExpr returns the expression of an enum's CHECK constraint, such
// as "status" IN ('draft', 'published'), with the column in double quotes.
func EnumCheckExpr(column string, values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	return `"` + strings.ReplaceAll(column, `"`, `""`) + `" IN (` + strings.Join(quoted, ", ") + ")"
}

// enumCheckPattern matches `"col" IN ('a', 'b')` with the column quoted by
// double quotes, backquotes or not at all.
var enumCheckPattern = regexp.MustCompile("(?i)^[\"`]?(\\w+)[\"`]?\\s+IN\\s*\\(((?:\\s*'(?:[^']|'')*'\\s*,?)+)\\)$")

// enumCheckValue matches one quoted value of an enum check.
var enumCheckValue = regexp.MustCompile(`'((?:[^']|'')*)'`)

// ParseEnumCheck returns the column and the values of a CHECK expression
// of the form "col" IN ('a', 'b'), possibly in parentheses; ok is false for
// any other expression.
func ParseEnumCheck(expr string) (column string, values []string, ok bool) {
	m := enumCheckPattern.FindStringSubmatch(unwrapParens(expr))
	if m == nil {
		return "", nil, false
	}
	for _, v := range enumCheckValue.FindAllStringSubmatch(m[2], -1) {
		values = append(values, strings.ReplaceAll(v[1], "''", "'"))
	}
	return m[1], values, true
}

// unwrapParens removes parentheses around a whole expression.
func unwrapParens(expr string) string {
	e := strings.TrimSpace(expr)
	for strings.HasPrefix(e, "(") && strings.HasSuffix(e, ")") && closesLast(e) {
		e = strings.TrimSpace(e[1 : len(e)-1])
	}
	return e
}

// closesLast reports whether the first parenthesis of e closes at its end.
func closesLast(e string) bool {
	depth := 0
	for i, r := range e {
		switch r {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i == len(e)-1
			}
		}
	}
	return false
}

// enumCheckFor returns the CHECK of an enum column on SQLite, or nil.
func enumCheckFor(dialectName, table string, c Column) *schema.Check {
	if dialectName != SQLite || c.Type.Kind != KindEnum {
		return nil
	}
	return &schema.Check{Name: EnumCheckName(table, c.Type.EnumName), Expr: EnumCheckExpr(c.Name, c.Type.EnumValues)}
}

// dropEnumChecks removes the enum checks of a column from t, returning
// the changes.
func dropEnumChecks(t *schema.Table, column string) []schema.Change {
	var out []schema.Change
	t.Attrs = slices.DeleteFunc(t.Attrs, func(a schema.Attr) bool {
		ck, ok := a.(*schema.Check)
		if !ok {
			return false
		}
		if col, _, ok := ParseEnumCheck(ck.Expr); ok && col == column {
			out = append(out, &schema.DropCheck{C: ck})
			return true
		}
		return false
	})
	return out
}

// addEnumCheck adds the check of an enum column to t, unless t has a
// check of that name.
func addEnumCheck(t *schema.Table, ck *schema.Check) []schema.Change {
	if ck == nil {
		return nil
	}
	for _, a := range t.Attrs {
		if old, ok := a.(*schema.Check); ok && old.Name == ck.Name {
			return nil
		}
	}
	t.AddChecks(ck)
	return []schema.Change{&schema.AddCheck{C: ck}}
}

// enumCheckChanges keeps SQLite's enum checks in step with a column
// operation applied to t.
func (c *compiler) enumCheckChanges(t *schema.Table, o Operation) []schema.Change {
	if c.dialect != SQLite {
		return nil
	}
	switch o := o.(type) {
	case *AddColumn:
		return addEnumCheck(t, enumCheckFor(c.dialect, t.Name, o.Column))
	case *DropColumn:
		return dropEnumChecks(t, o.Name)
	case *RenameColumn:
		renameEnumChecks(t, o.From, o.To)
	case *AlterColumn:
		if o.Type == nil {
			return nil
		}
		out := dropEnumChecks(t, o.Name)
		col := o.apply(o.Existing)
		col.Name = o.Name
		ck := enumCheckFor(c.dialect, t.Name, col)
		if ck != nil && len(out) == 1 && col.Type.EnumName == o.Existing.Type.EnumName {
			ck.Name = out[0].(*schema.DropCheck).C.Name // the same enum keeps its check's name
		}
		return append(out, addEnumCheck(t, ck)...)
	}
	return nil
}

// renameEnumChecks follows a column rename in its enum checks, as SQLite
// does in the table's definition.
func renameEnumChecks(t *schema.Table, from, to string) {
	for i, a := range t.Attrs {
		ck, ok := a.(*schema.Check)
		if !ok {
			continue
		}
		if col, values, ok := ParseEnumCheck(ck.Expr); ok && col == from {
			t.Attrs[i] = &schema.Check{Name: ck.Name, Expr: EnumCheckExpr(to, values), Attrs: ck.Attrs}
		}
	}
}

// checkExpr spells a CHECK expression for the dialect: MySQL reads a
// double-quoted name as a string, so its identifiers get backquotes.
func checkExpr(dialectName, expr string) string {
	if dialectName != MySQL || !strings.Contains(expr, `"`) {
		return expr
	}
	var b strings.Builder
	inString, inIdent := false, false
	for _, r := range expr {
		switch {
		case r == '\'' && !inIdent:
			inString = !inString
		case r == '"' && !inString:
			inIdent = !inIdent
			b.WriteRune('`')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
