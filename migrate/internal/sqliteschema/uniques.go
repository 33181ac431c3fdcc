package sqliteschema

import (
	"regexp"
	"slices"
	"strings"

	"ariga.io/atlas/sql/schema"
)

// namedUnique matches a named UNIQUE table constraint in a CREATE TABLE
// statement: its name and its column list.
var namedUnique = regexp.MustCompile("(?is)CONSTRAINT\\s+(\"(?:[^\"]|\"\")+\"|`(?:[^`]|``)+`|\\[[^\\]]+\\]|[\\w$]+)\\s+UNIQUE\\s*\\(([^)]*)\\)")

// NameUniques gives the indexes SQLite made for named UNIQUE constraints
// (sqlite_autoindex_<table>_<n>) their constraint's name, read from the
// table's CREATE statement, as Alembic's SQLite reflection does:
// DropConstraint finds them by that name, autogenerate proposes dropping
// them under it, and a rebuild of the table keeps it (Atlas would
// otherwise call the index <table>_<columns>). The indexes of unnamed
// UNIQUE constraints keep SQLite's name.
func NameUniques(s *schema.Schema) {
	for _, t := range s.Tables {
		for _, m := range namedUnique.FindAllStringSubmatch(createStmt(t), -1) {
			name, cols := Unquote(m[1]), ColumnList(m[2])
			if _, taken := t.Index(name); taken {
				continue
			}
			if idx := autoIndexOn(t, cols); idx != nil {
				idx.Name = name
			}
		}
	}
}

// autoIndexOn returns the unique auto-index on exactly cols, if any.
func autoIndexOn(t *schema.Table, cols []string) *schema.Index {
	for _, idx := range t.Indexes {
		if !idx.Unique || !IsAutoindex(idx.Name) || len(idx.Parts) != len(cols) {
			continue
		}
		if slices.EqualFunc(idx.Parts, cols, func(p *schema.IndexPart, c string) bool {
			return p.C != nil && strings.EqualFold(p.C.Name, c)
		}) {
			return idx
		}
	}
	return nil
}

// ColumnList returns the column names of a parenthesised column list
// (UNIQUE, FOREIGN KEY), or nil when one is not a plain name.
func ColumnList(list string) []string {
	var out []string
	for _, part := range strings.Split(list, ",") {
		name, _ := FirstIdent(strings.TrimSpace(part))
		if name == "" {
			return nil
		}
		out = append(out, name)
	}
	return out
}

// FirstIdent splits a column definition (or an indexed column) into its
// unquoted name and the rest.
func FirstIdent(def string) (string, string) {
	if def == "" {
		return "", ""
	}
	closing := map[byte]byte{'"': '"', '`': '`', '[': ']'}
	if c, ok := closing[def[0]]; ok {
		for i := 1; i < len(def); i++ {
			if def[i] == c {
				if i+1 < len(def) && def[i+1] == c && c != ']' {
					i++
					continue
				}
				return Unquote(def[:i+1]), def[i+1:]
			}
		}
		return def, ""
	}
	if i := strings.IndexAny(def, " \t\n\r"); i >= 0 {
		return def[:i], def[i:]
	}
	return def, ""
}

// Unquote removes SQLite identifier quoting.
func Unquote(s string) string {
	if len(s) >= 2 {
		switch q := s[0]; {
		case q == '"' && s[len(s)-1] == '"':
			return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
		case q == '`' && s[len(s)-1] == '`':
			return strings.ReplaceAll(s[1:len(s)-1], "``", "`")
		case q == '[' && s[len(s)-1] == ']':
			return s[1 : len(s)-1]
		}
	}
	return s
}
