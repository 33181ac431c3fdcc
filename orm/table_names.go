package orm

// nameConstraints fills empty constraint names from the convention.
func (t *Table) nameConstraints(nc NamingConvention) error {
	var err error
	if t.PrimaryKeyName == "" && len(t.PrimaryKey) > 0 {
		t.PrimaryKeyName, err = nameParts{table: t.Name, columns: t.PrimaryKey}.expand(nc.PrimaryKey)
		if err != nil {
			return err
		}
		t.pkConv = true
	}
	for _, ix := range t.Indexes {
		if err := t.nameIndex(ix, nc); err != nil {
			return err
		}
	}
	for _, fk := range t.ForeignKeys {
		if fk.Name == "" {
			p := nameParts{table: t.Name, columns: fk.Columns, refTable: fk.RefTable}
			if fk.Name, err = p.expand(nc.ForeignKey); err != nil {
				return err
			}
			fk.conv = true
		}
	}
	return t.nameChecks(nc)
}

// nameIndex names an index (ix_ template) or unique constraint (uq_).
func (t *Table) nameIndex(ix *Index, nc NamingConvention) error {
	if ix.Name != "" {
		return nil
	}
	tmpl := nc.Index
	if ix.Unique && !ix.byIndex {
		tmpl = nc.Unique
	}
	var err error
	ix.Name, err = nameParts{table: t.Name, columns: ix.Columns}.expand(tmpl)
	ix.conv = true
	return err
}

// nameChecks expands check names: a check's Name is its constraint_name
// token, so a column check "price" becomes ck_product_price. A convention
// without a check template ("" or just "%(constraint_name)s") leaves the
// name as given: SQLAlchemy shortens only convention names.
func (t *Table) nameChecks(nc NamingConvention) error {
	for _, ck := range t.Checks {
		if ck.named {
			continue
		}
		ck.named = true
		if nc.Check == "" || nc.Check == "%(constraint_name)s" {
			continue
		}
		n, err := nameParts{table: t.Name, constraint: ck.Name}.expand(nc.Check)
		if err != nil {
			return err
		}
		ck.Name, ck.conv = n, true
	}
	return nil
}
