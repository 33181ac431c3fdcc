package modelgen

import (
	"fmt"
	"slices"

	"ariga.io/atlas/sql/schema"
)

// A generator accumulates the models of one file.
type generator struct {
	differ   schema.Differ
	opts     Options
	models   []*model
	byTable  map[string]*model
	types    namer // the file's top-level names
	customs  []*customType
	enums    []*enumType
	imports  map[string]bool
	warnings []string
}

// A model is one generated struct.
type model struct {
	name     string
	table    *schema.Table
	fields   []*field // one per column, in the table's order
	rels     []*field // relationship fields
	names    namer
	colField map[string]string // column name -> field name
	opts     tableOptions
	notes    []string // comments above the struct
}

// tableOptions are what the TableOptions method returns.
type tableOptions struct {
	primaryKey []string
	indexes    []indexSpec
	fks        []fkSpec
	checks     []checkSpec
	comment    string
}

// A field is one struct field.
type field struct {
	name, typ string
	tags      []string
	comment   string
}

// newGenerator returns an empty generator.
func newGenerator(differ schema.Differ, opts Options) *generator {
	if opts.Package == "" {
		opts.Package = "models"
	}
	return &generator{differ: differ, opts: opts, byTable: map[string]*model{},
		types: namer{"Models": true, "Register": true, "scanInto": true}, imports: map[string]bool{}}
}

// warn records a warning about a table.
func (g *generator) warn(m *model, format string, args ...any) string {
	msg := fmt.Sprintf(format, args...)
	g.warnings = append(g.warnings, fmt.Sprintf("table %s: %s", m.table.Name, msg))
	return msg
}

// addTable adds the model of one table: its columns, keys, indexes,
// foreign keys and checks.
func (g *generator) addTable(t *schema.Table) {
	m := &model{name: g.types.unique(goName(t.Name)), table: t, colField: map[string]string{},
		names: namer{"TableName": true, "TableOptions": true}} // the methods' names
	g.models = append(g.models, m)
	g.byTable[t.Name] = m
	pk := pkColumns(t)
	if len(pk) == 0 {
		m.notes = append(m.notes, g.warn(m, "it has no primary key; the ORM needs one to load and save rows"))
	}
	for _, c := range t.Columns {
		m.fields = append(m.fields, g.column(m, c, pk))
	}
	g.primaryKey(m, pk)
	g.indexes(m)
	g.foreignKeys(m)
	g.checks(m)
	m.opts.comment = commentOf(t.Attrs)
}

// pkColumns returns the primary key's column names.
func pkColumns(t *schema.Table) []string {
	if t.PrimaryKey == nil {
		return nil
	}
	var out []string
	for _, p := range t.PrimaryKey.Parts {
		if p.C != nil {
			out = append(out, p.C.Name)
		}
	}
	return out
}

// fieldOf returns the field of a column.
func (m *model) fieldOf(column string) *field {
	name := m.colField[column]
	i := slices.IndexFunc(m.fields, func(f *field) bool { return f.name == name })
	if i < 0 {
		return nil
	}
	return m.fields[i]
}

// commentOf returns a table's or column's comment.
func commentOf(attrs []schema.Attr) string {
	for _, a := range attrs {
		if c, ok := a.(*schema.Comment); ok {
			return c.Text
		}
	}
	return ""
}
