package orm

import (
	"fmt"
	"strings"

	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/orm/dialect"
)

// addForeignKeys adds the foreign keys, resolving referenced tables.
func addForeignKeys(t *Table, at *schema.Table, ref resolver) error {
	for _, fk := range t.ForeignKeys {
		rt := at
		if fk.RefTable != t.Name {
			rt = ref(fk.RefTable, fk.RefColumns)
		}
		if rt == nil {
			return fmt.Errorf("orm: table %s: foreign key %s references unknown table %q", t.Name, fk.Name, fk.RefTable)
		}
		afk := &schema.ForeignKey{Symbol: fk.Name, Table: at, RefTable: rt,
			OnDelete: schema.ReferenceOption(fk.OnDelete), OnUpdate: schema.ReferenceOption(fk.OnUpdate)}
		for i, n := range fk.Columns {
			c, _ := at.Column(n)
			rc, ok := rt.Column(fk.RefColumns[i])
			if !ok {
				return fmt.Errorf("orm: table %s: foreign key %s references unknown column %s.%s", t.Name, fk.Name, fk.RefTable, fk.RefColumns[i])
			}
			afk.Columns, afk.RefColumns = append(afk.Columns, c), append(afk.RefColumns, rc)
			c.ForeignKeys = append(c.ForeignKeys, afk)
		}
		at.ForeignKeys = append(at.ForeignKeys, afk)
	}
	return nil
}

// addChecks adds CHECK constraints, plus one per enum column on dialects
// without native enums (SQLAlchemy's non-native Enum constraint).
func addChecks(t *Table, at *schema.Table, d dialect.Dialect) {
	for _, ck := range t.Checks {
		at.Attrs = append(at.Attrs, &schema.Check{Name: ck.Name, Expr: ck.Expr})
	}
	if d.Features().Has(dialect.NativeEnum) {
		return
	}
	for _, c := range t.Columns {
		if c.Type.Kind == dialect.Enum {
			at.Attrs = append(at.Attrs, enumCheck(t, c, d))
		}
	}
}

// enumCheck builds the CHECK constraint restricting c to its enum values.
func enumCheck(t *Table, c *Column, d dialect.Dialect) *schema.Check {
	name, _ := nameParts{table: t.Name, constraint: c.Type.EnumName}.expand(DefaultNamingConvention.Check)
	if t.convention != nil {
		name, _ = nameParts{table: t.Name, constraint: c.Type.EnumName}.expand(t.convention.Check)
	}
	quoted := make([]string, len(c.Type.EnumValues))
	for i, v := range c.Type.EnumValues {
		quoted[i] = "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	return &schema.Check{Name: name, Expr: d.Quote(c.Name) + " IN (" + strings.Join(quoted, ", ") + ")"}
}
