// Package sqliteschema holds SQLite's rules about an inspected schema
// that autogenerate (package autogen), reflection (package modelgen) and
// upgrades apply: which column aliases the rowid, which indexes SQLite
// created itself, and what a foreign key without a column list references.
package sqliteschema

import (
	"regexp"
	"strings"
	"unicode"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
)

// AutoindexPrefix starts the name SQLite gives the index behind an inline
// UNIQUE or PRIMARY KEY constraint (sqlite_autoindex_<table>_<N>).
const AutoindexPrefix = "sqlite_autoindex_"

// IsAutoindex reports whether an index name is one SQLite made up for an
// inline constraint rather than one the schema declared.
func IsAutoindex(name string) bool { return strings.HasPrefix(name, AutoindexPrefix) }

// RowidAlias returns the column of t that aliases the rowid, or nil: a
// primary key of one column declared with the type INTEGER (exactly, in
// any case: "INT PRIMARY KEY" is an ordinary column), in a table that has
// a rowid (not WITHOUT ROWID) and not declared "INTEGER PRIMARY KEY DESC"
// (SQLite's quirk: that column is an ordinary one; "PRIMARY KEY(x DESC)"
// as a table constraint still aliases the rowid). SQLite fills it with the
// next rowid when it is not given, and it is never NULL, though SQLite
// reports it nullable.
func RowidAlias(t *schema.Table) *schema.Column {
	pk := t.PrimaryKey
	if pk == nil || len(pk.Parts) != 1 || pk.Parts[0].C == nil {
		return nil
	}
	c := pk.Parts[0].C
	if c.Type == nil || !strings.EqualFold(declaredType(c.Type), "integer") {
		return nil
	}
	if withoutRowid(t) || inlineDescKey(t, c.Name) {
		return nil
	}
	return c
}

// withoutRowid reports whether t is a WITHOUT ROWID table.
func withoutRowid(t *schema.Table) bool {
	for _, a := range t.Attrs {
		if _, ok := a.(*sqlite.WithoutRowID); ok {
			return true
		}
	}
	if s := createStmt(t); s != "" {
		return withoutRowidRe.MatchString(s)
	}
	return false
}

var (
	withoutRowidRe = regexp.MustCompile(`(?is)\)\s*(?:STRICT\s*,\s*)?WITHOUT\s+ROWID\b`)
	pkDescRe       = regexp.MustCompile(`(?is)\bPRIMARY\s+KEY\s+DESC\b`)
)

// createStmt is the CREATE TABLE statement of an inspected table, or "".
func createStmt(t *schema.Table) string {
	for _, a := range t.Attrs {
		if c, ok := a.(*sqlite.CreateStmt); ok {
			return c.S
		}
	}
	return ""
}

// inlineDescKey reports whether the CREATE TABLE of t declares the column
// name with the column constraint "PRIMARY KEY DESC".
func inlineDescKey(t *schema.Table, name string) bool {
	s := createStmt(t)
	open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || end <= open {
		return false
	}
	for _, def := range splitDefs(s[open+1 : end]) {
		if strings.EqualFold(firstName(def), name) {
			return pkDescRe.MatchString(def)
		}
	}
	return false
}

// splitDefs splits the body of a CREATE TABLE at its top-level commas.
func splitDefs(body string) []string {
	var out []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(body); i++ {
		ch := body[i]
		switch {
		case quote != 0:
			if ch == quote {
				quote = 0
			}
		case ch == '\'' || ch == '"' || ch == '`':
			quote = ch
		case ch == '[':
			quote = ']'
		case ch == '(':
			depth++
		case ch == ')':
			depth--
		case ch == ',' && depth == 0:
			out = append(out, body[start:i])
			start = i + 1
		}
	}
	return append(out, body[start:])
}

// firstName is the (unquoted) first word of a column definition.
func firstName(def string) string {
	def = strings.TrimSpace(def)
	if def == "" {
		return ""
	}
	if q := def[0]; q == '"' || q == '`' || q == '[' {
		closing := q
		if q == '[' {
			closing = ']'
		}
		if i := strings.IndexByte(def[1:], closing); i >= 0 {
			return def[1 : i+1]
		}
		return ""
	}
	if i := strings.IndexFunc(def, unicode.IsSpace); i >= 0 {
		return def[:i]
	}
	return def
}

// declaredType is a column's type as written in its CREATE TABLE, or as
// formatted when the schema was not inspected.
func declaredType(t *schema.ColumnType) string {
	if t.Raw != "" || t.Type == nil {
		return t.Raw
	}
	s, err := sqlite.FormatType(t.Type)
	if err != nil {
		return ""
	}
	return s
}
