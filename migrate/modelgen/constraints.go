package modelgen

import (
	"slices"
	"strings"

	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/internal/sqliteschema"
)

// An indexSpec is an orm.Index of TableOptions.
type indexSpec struct {
	name    string
	columns []string
	unique  bool
}

// An fkSpec is an orm.ForeignKey of TableOptions.
type fkSpec struct {
	name               string
	columns, refCols   []string
	refTable           string
	onDelete, onUpdate string
}

// A checkSpec is an orm.Check of TableOptions.
type checkSpec struct {
	name, expr string
}

// primaryKey tags the key's columns pk, or lists them in TableOptions
// when their order is not the columns' order (the tags give that order).
func (g *generator) primaryKey(m *model, pk []string) {
	var inOrder []string
	for _, c := range m.table.Columns {
		if slices.Contains(pk, c.Name) {
			inOrder = append(inOrder, c.Name)
		}
	}
	if !slices.Equal(inOrder, pk) {
		m.opts.primaryKey = pk
		return
	}
	for _, c := range pk {
		f := m.fieldOf(c)
		f.tags = slices.Insert(f.tags, 1, "pk")
	}
}

// indexes turns indexes and unique constraints into unique/index tags
// when the naming convention gives their names, and into TableOptions
// indexes, names kept, otherwise.
func (g *generator) indexes(m *model) {
	t := m.table
	for _, ix := range t.Indexes {
		cols, ok := partColumns(ix)
		if !ok {
			m.notes = append(m.notes, g.warn(m, "index %s %s is on an expression, which models cannot declare; "+
				"it is left out of the models, and autogenerate leaves it in the database", ix.Name, indexDefinition(ix)))
			continue
		}
		name := ix.Name
		if sqliteschema.IsAutoindex(name) {
			name = "" // SQLite's name for an inline UNIQUE
		}
		if len(cols) == 1 {
			tag := ""
			switch {
			case ix.Unique && (name == "" || name == "uq_"+t.Name+"_"+cols[0]):
				tag = "unique"
			case !ix.Unique && name == "ix_"+t.Name+"_"+cols[0]:
				tag = "index"
			}
			if tag != "" {
				f := m.fieldOf(cols[0])
				f.tags = append(f.tags, tag)
				continue
			}
		}
		m.opts.indexes = append(m.opts.indexes, indexSpec{name: name, columns: cols, unique: ix.Unique})
	}
}

// indexDefinition writes an index's parts as in CREATE INDEX: "UNIQUE
// (lower(name), id)".
func indexDefinition(ix *schema.Index) string {
	parts := make([]string, len(ix.Parts))
	for i, p := range ix.Parts {
		switch x := p.X.(type) {
		case nil:
			if p.C != nil {
				parts[i] = p.C.Name
			}
		case *schema.RawExpr:
			parts[i] = x.X
		default:
			parts[i] = "?"
		}
		if p.Desc {
			parts[i] += " DESC"
		}
	}
	def := "(" + strings.Join(parts, ", ") + ")"
	if ix.Unique {
		def = "UNIQUE " + def
	}
	return def
}

// partColumns returns an index's columns, or false when a part is an
// expression.
func partColumns(ix *schema.Index) ([]string, bool) {
	var cols []string
	for _, p := range ix.Parts {
		if p.C == nil {
			return nil, false
		}
		cols = append(cols, p.C.Name)
	}
	return cols, len(cols) > 0
}

// foreignKeys turns foreign keys into fk tags when they have one column
// and the convention's name (SQLite keeps no names), and into TableOptions
// foreign keys, names kept, otherwise.
func (g *generator) foreignKeys(m *model) {
	t := m.table
	for _, fk := range t.ForeignKeys {
		spec := fkSpec{name: fk.Symbol, refTable: fk.RefTable.Name,
			onDelete: g.action(fk.OnDelete), onUpdate: g.action(fk.OnUpdate)}
		if g.opts.Dialect == migrate.SQLite {
			spec.name = "" // SQLite keeps no constraint names; Atlas makes some up
		}
		for _, c := range fk.Columns {
			spec.columns = append(spec.columns, c.Name)
		}
		for _, c := range fk.RefColumns {
			spec.refCols = append(spec.refCols, c.Name)
		}
		conventional := g.opts.Dialect == migrate.SQLite || spec.name == "" ||
			len(spec.columns) == 1 && spec.name == "fk_"+t.Name+"_"+spec.columns[0]+"_"+spec.refTable
		if len(spec.columns) != 1 || !conventional {
			m.opts.fks = append(m.opts.fks, spec)
			continue
		}
		f := m.fieldOf(spec.columns[0])
		f.tags = append(f.tags, "fk:"+spec.refTable+"."+spec.refCols[0])
		if spec.onDelete != "" {
			f.tags = append(f.tags, "ondelete:"+spec.onDelete)
		}
		if spec.onUpdate != "" {
			f.tags = append(f.tags, "fk_onupdate:"+spec.onUpdate)
		}
	}
}

// action returns a referential action worth declaring: NO ACTION is the
// default everywhere, and RESTRICT is MySQL's.
func (g *generator) action(a schema.ReferenceOption) string {
	s := strings.ToUpper(string(a))
	if s == "NO ACTION" || s == "" || s == "RESTRICT" && g.opts.Dialect == migrate.MySQL {
		return ""
	}
	return s
}

// checks lists the CHECK constraints in TableOptions. A check's name is
// the convention's constraint_name token, so "ck_<table>_" is dropped
// from names that have it; others keep their name as the token (the
// comparison matches checks by expression too).
func (g *generator) checks(m *model) {
	for _, a := range m.table.Attrs {
		ck, ok := a.(*schema.Check)
		if !ok {
			continue
		}
		name := strings.TrimPrefix(ck.Name, "ck_"+m.table.Name+"_")
		m.opts.checks = append(m.opts.checks, checkSpec{name: name, expr: ck.Expr})
	}
}
