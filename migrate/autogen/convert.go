package autogen

import (
	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/migrate"
)

// converter turns Atlas objects into neutral migrate values. Its
// overrides, when set, give the types to render (the models' types).
type converter struct {
	dialect string
	over    overrides
}

// column converts an Atlas column.
func (c converter) column(col *schema.Column) migrate.Column {
	t, serial := neutralType(c.dialect, col.Type.Type)
	if mt, ok := c.over.types[col]; ok {
		t = mt
	}
	out := migrate.Column{Name: col.Name, Type: t, Nullable: col.Type.Null, Autoincrement: serial}
	if hasAutoIncrement(col.Attrs) {
		out.Autoincrement = true
	}
	out.ServerDefault = defaultExpr(col.Default)
	for _, a := range col.Attrs {
		if cm, ok := a.(*schema.Comment); ok {
			out.Comment = cm.Text
		}
	}
	return out
}

// hasAutoIncrement reports MySQL's or SQLite's AUTOINCREMENT attribute.
func hasAutoIncrement(attrs []schema.Attr) bool {
	for _, a := range attrs {
		switch a.(type) {
		case *mysql.AutoIncrement, *sqlite.AutoIncrement:
			return true
		}
	}
	return false
}

// defaultExpr returns a default as SQL text.
func defaultExpr(e schema.Expr) string {
	switch e := e.(type) {
	case *schema.Literal:
		return e.V
	case *schema.RawExpr:
		return e.X
	}
	return ""
}

// table converts an Atlas table. A single-column integer primary key
// without a default autoincrements, as SQLAlchemy's autoincrement="auto".
func (c converter) table(t *schema.Table) migrate.Table {
	out := migrate.Table{Name: t.Name}
	for _, col := range t.Columns {
		out.Columns = append(out.Columns, c.column(col))
	}
	if pk := t.PrimaryKey; pk != nil {
		out.PrimaryKey = partNames(pk)
		if len(out.PrimaryKey) == 1 {
			markAutoincrement(&out, out.PrimaryKey[0])
		}
	}
	for _, i := range t.Indexes {
		out.Indexes = append(out.Indexes, c.index(i))
	}
	for _, f := range t.ForeignKeys {
		out.ForeignKeys = append(out.ForeignKeys, c.foreignKey(f))
	}
	for _, a := range t.Attrs {
		switch a := a.(type) {
		case *schema.Check:
			if c.over.enumChecks[a] {
				continue // the enum type makes it
			}
			out.Checks = append(out.Checks, migrate.Check{Name: a.Name, Expr: a.Expr})
		case *schema.Comment:
			out.Comment = a.Text
		}
	}
	return out
}

// markAutoincrement sets Autoincrement on an integer key column without default.
func markAutoincrement(t *migrate.Table, name string) {
	for i, col := range t.Columns {
		if col.Name == name && col.Type.Kind.Integral() && col.ServerDefault == "" {
			t.Columns[i].Autoincrement = true
		}
	}
}

// partNames returns the column names of an index.
func partNames(i *schema.Index) []string {
	var out []string
	for _, p := range i.Parts {
		if p.C != nil {
			out = append(out, p.C.Name)
		} else if x, ok := p.X.(*schema.RawExpr); ok {
			out = append(out, x.X)
		}
	}
	return out
}

// index converts an Atlas index.
func (c converter) index(i *schema.Index) migrate.Index {
	return migrate.Index{Name: i.Name, Columns: partNames(i), Unique: i.Unique}
}

// foreignKey converts an Atlas foreign key.
func (c converter) foreignKey(f *schema.ForeignKey) migrate.ForeignKey {
	out := migrate.ForeignKey{Name: f.Symbol, RefTable: f.RefTable.Name,
		OnDelete: string(f.OnDelete), OnUpdate: string(f.OnUpdate)}
	for _, col := range f.Columns {
		out.Columns = append(out.Columns, col.Name)
	}
	for _, col := range f.RefColumns {
		out.RefColumns = append(out.RefColumns, col.Name)
	}
	// NO ACTION is every database's default: leave it out of the revision.
	if out.OnDelete == string(schema.NoAction) {
		out.OnDelete = ""
	}
	if out.OnUpdate == string(schema.NoAction) {
		out.OnUpdate = ""
	}
	return out
}
