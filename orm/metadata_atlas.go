package orm

import (
	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/orm/dialect"
)

// ToAtlas converts the metadata to an Atlas schema for the named dialect,
// with the dialect's column types, defaults, keys, indexes, foreign keys,
// checks and comments. On PostgreSQL the enum types are also in
// Schema.Objects. The schema's Name is empty (the connection's schema).
func (md *MetaData) ToAtlas(dialectName string) (*schema.Schema, error) {
	d, err := LookupDialect(dialectName)
	if err != nil {
		return nil, err
	}
	s := schema.New("")
	tables := md.Tables()
	byName := map[string]*schema.Table{}
	resolve := func(name string, cols []string) *schema.Table {
		if t, ok := byName[name]; ok {
			return t
		}
		return stubResolver(name, cols)
	}
	for _, t := range tables {
		at, err := tableToAtlas(t, d, resolve)
		if err != nil {
			return nil, err
		}
		byName[t.Name] = at
		s.AddTables(at)
	}
	if err := relinkForeignKeys(s, byName); err != nil {
		return nil, err
	}
	addEnumObjects(s, d)
	return s, nil
}

// relinkForeignKeys points keys of tables in a reference cycle, which were
// resolved to stubs, at the real tables.
func relinkForeignKeys(s *schema.Schema, byName map[string]*schema.Table) error {
	for _, t := range s.Tables {
		for _, fk := range t.ForeignKeys {
			real, ok := byName[fk.RefTable.Name]
			if !ok || real == fk.RefTable {
				continue
			}
			for i, c := range fk.RefColumns {
				if rc, ok := real.Column(c.Name); ok {
					fk.RefColumns[i] = rc
				}
			}
			fk.RefTable = real
		}
	}
	return nil
}

// addEnumObjects lists each distinct enum type as a schema object when the
// dialect creates enums as named types.
func addEnumObjects(s *schema.Schema, d dialect.Dialect) {
	if !d.Features().Has(dialect.CreateTypeEnum) {
		return
	}
	seen := map[string]bool{}
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if e, ok := c.Type.Type.(*schema.EnumType); ok && !seen[e.T] {
				seen[e.T] = true
				e.Schema = nil
				s.Objects = append(s.Objects, e)
			}
		}
	}
}
