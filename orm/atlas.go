package orm

import (
	"fmt"
	"strings"

	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/orm/dialect"
)

// TableToAtlas converts one table to an Atlas table for the named dialect.
// Foreign keys reference stub tables holding only the referenced columns;
// MetaData.ToAtlas links them to the real tables instead.
func TableToAtlas(t *Table, dialectName string) (*schema.Table, error) {
	d, err := LookupDialect(dialectName)
	if err != nil {
		return nil, err
	}
	return tableToAtlas(t, d, stubResolver)
}

// resolver finds the Atlas table a foreign key refers to.
type resolver func(name string, cols []string) *schema.Table

// stubResolver returns a detached table with just the named columns.
func stubResolver(name string, cols []string) *schema.Table {
	st := &schema.Table{Name: name}
	for _, c := range cols {
		st.Columns = append(st.Columns, &schema.Column{Name: c})
	}
	return st
}

// tableToAtlas converts t using d's column types.
func tableToAtlas(t *Table, d dialect.Dialect, ref resolver) (*schema.Table, error) {
	at := &schema.Table{Name: t.Name}
	for _, c := range t.Columns {
		ac, err := columnToAtlas(c, d)
		if err != nil {
			return nil, fmt.Errorf("orm: table %s column %s: %w", t.Name, c.Name, err)
		}
		at.AddColumns(ac)
	}
	addKeys(t, at)
	if err := addForeignKeys(t, at, ref); err != nil {
		return nil, err
	}
	addChecks(t, at, d)
	truncateConventionNames(t, at, d)
	if t.Comment != "" {
		at.Attrs = append(at.Attrs, &schema.Comment{Text: t.Comment})
	}
	return at, nil
}

// columnToAtlas converts one column.
func columnToAtlas(c *Column, d dialect.Dialect) (*schema.Column, error) {
	typ, attrs, err := d.ColumnType(c.Type, c.Autoincrement)
	if err != nil {
		return nil, err
	}
	raw, _ := d.ColumnDDL(c.Type, c.Autoincrement)
	ac := &schema.Column{Name: c.Name, Type: &schema.ColumnType{Type: typ, Raw: raw, Null: c.Nullable}, Attrs: attrs}
	if c.ServerDefault != "" {
		ac.Default = DefaultExpr(nowDefault(c, d))
	}
	if c.Comment != "" {
		ac.Attrs = append(ac.Attrs, &schema.Comment{Text: c.Comment})
	}
	return ac, nil
}

// nowDefaults are the spellings of "the current time" in server_default.
var nowDefaults = map[string]bool{"now()": true, "now": true, "current_timestamp": true, "current_timestamp()": true}

// nowDefault renders a current-time server default for the dialect, like
// SQLAlchemy's func.now(): MySQL's DATETIME(6) needs CURRENT_TIMESTAMP(6).
func nowDefault(c *Column, d dialect.Dialect) string {
	if !nowDefaults[strings.ToLower(strings.TrimSpace(c.ServerDefault))] {
		return c.ServerDefault
	}
	if d.Name() == "mysql" && c.Type.Kind == dialect.DateTime {
		return "CURRENT_TIMESTAMP(6)"
	}
	return "CURRENT_TIMESTAMP"
}

// DefaultExpr converts a server_default to an Atlas expression: quoted
// strings and numbers are literals, anything else (now(), CURRENT_TIMESTAMP)
// is a raw SQL expression.
func DefaultExpr(s string) schema.Expr {
	s = strings.TrimSpace(s)
	if isLiteral(s) {
		return &schema.Literal{V: s}
	}
	return &schema.RawExpr{X: s}
}

// isLiteral reports whether s is a quoted string, number or boolean.
func isLiteral(s string) bool {
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		return true
	}
	if _, err := ParseDecimal(s); err == nil && !strings.ContainsAny(s, "eE") {
		return true
	}
	l := strings.ToLower(s)
	return l == "true" || l == "false"
}

// addKeys adds the primary key and the indexes.
func addKeys(t *Table, at *schema.Table) {
	if len(t.PrimaryKey) > 0 {
		at.PrimaryKey = &schema.Index{Name: t.PrimaryKeyName, Unique: true, Table: at, Parts: parts(at, t.PrimaryKey)}
	}
	for _, ix := range t.Indexes {
		ai := &schema.Index{Name: ix.Name, Unique: ix.Unique, Table: at, Parts: parts(at, ix.Columns)}
		at.Indexes = append(at.Indexes, ai)
		for _, p := range ai.Parts {
			p.C.Indexes = append(p.C.Indexes, ai)
		}
	}
}

// parts returns index parts for the named columns of at.
func parts(at *schema.Table, cols []string) []*schema.IndexPart {
	ps := make([]*schema.IndexPart, 0, len(cols))
	for i, n := range cols {
		c, _ := at.Column(n)
		ps = append(ps, &schema.IndexPart{SeqNo: i, C: c})
	}
	return ps
}
