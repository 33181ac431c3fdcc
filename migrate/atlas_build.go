package migrate

import (
	"fmt"
	"regexp"
	"strings"

	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
)

// literalDefault matches defaults that are plain literals (numbers and
// single-quoted strings), which SQLite can add with ALTER TABLE.
var literalDefault = regexp.MustCompile(`^(-?[0-9]+(\.[0-9]+)?|'([^']|'')*')$`)

// atlasColumn converts a neutral column to an Atlas column for a dialect.
func atlasColumn(dialectName string, c Column) (*schema.Column, error) {
	if c.Name == "" {
		return nil, fmt.Errorf("migrate: column without a name")
	}
	t, attrs, err := atlasType(dialectName, c.Type, c.Autoincrement)
	if err != nil {
		return nil, fmt.Errorf("column %q: %w", c.Name, err)
	}
	if dialectName == SQLite {
		t = sqliteSized(t)
	}
	col := &schema.Column{Name: c.Name, Type: &schema.ColumnType{Type: t, Null: c.Nullable}, Attrs: attrs}
	col.Default = atlasDefault(dialectDefault(dialectName, c.Type, c.ServerDefault))
	if c.Comment != "" {
		col.Attrs = append(col.Attrs, commentAttr(dialectName, c.Comment))
	}
	return col, nil
}

// CurrentTimestamp is the neutral server default for the current time,
// which the compiler spells CURRENT_TIMESTAMP(6) for MySQL's DATETIME(6).
const CurrentTimestamp = "CURRENT_TIMESTAMP"

// currentTime matches the spellings of the current time.
var currentTime = regexp.MustCompile(`(?i)^\(?(now\(\)|current_timestamp(\(\d?\))?)\)?$`)

// dialectDefault spells a server default for a dialect and column type:
// the current time is CURRENT_TIMESTAMP, with MySQL's fractional seconds
// for a DateTime (DATETIME(6) refuses a default of lesser precision), as
// the ORM's models are created.
func dialectDefault(dialectName string, t Type, expr string) string {
	if !currentTime.MatchString(strings.TrimSpace(expr)) {
		return expr
	}
	if dialectName == MySQL && t.Kind == KindDateTime {
		return "CURRENT_TIMESTAMP(6)"
	}
	return CurrentTimestamp
}

// atlasDefault converts a server default expression.
func atlasDefault(expr string) schema.Expr {
	switch {
	case expr == "":
		return nil
	case literalDefault.MatchString(expr):
		return &schema.Literal{V: expr}
	}
	return &schema.RawExpr{X: expr}
}

// atlasTable converts a neutral table to an Atlas table inside s.
func atlasTable(dialectName string, s *schema.Schema, t Table) (*schema.Table, error) {
	at := schema.NewTable(t.Name)
	at.Schema = s
	for _, c := range t.Columns {
		col, err := atlasColumn(dialectName, c)
		if err != nil {
			return nil, fmt.Errorf("table %q: %w", t.Name, err)
		}
		at.AddColumns(col)
	}
	if t.Comment != "" {
		at.Attrs = append(at.Attrs, commentAttr(dialectName, t.Comment))
	}
	if err := addTableParts(at, t); err != nil {
		return nil, fmt.Errorf("table %q: %w", t.Name, err)
	}
	for _, c := range t.Columns {
		addEnumCheck(at, enumCheckFor(dialectName, t.Name, c))
	}
	for _, a := range at.Attrs {
		if ck, ok := a.(*schema.Check); ok {
			ck.Expr = checkExpr(dialectName, ck.Expr)
		}
	}
	return at, nil
}

// addTableParts adds the primary key, indexes and constraints.
func addTableParts(at *schema.Table, t Table) error {
	if len(t.PrimaryKey) > 0 {
		pk, err := atlasIndex(at, t.PrimaryKeyName, t.PrimaryKey, true)
		if err != nil {
			return err
		}
		at.SetPrimaryKey(pk)
	}
	for _, i := range t.Indexes {
		if err := addIndex(at, i); err != nil {
			return err
		}
	}
	for _, u := range t.Uniques {
		if err := addIndex(at, Index{Name: u.Name, Columns: u.Columns, Unique: true}); err != nil {
			return err
		}
	}
	for _, f := range t.ForeignKeys {
		if _, err := addForeignKey(at, f); err != nil {
			return err
		}
	}
	for _, c := range t.Checks {
		at.AddChecks(&schema.Check{Name: c.Name, Expr: c.Expr})
	}
	return nil
}

// atlasIndex builds an index over named columns of at.
func atlasIndex(at *schema.Table, name string, cols []string, unique bool) (*schema.Index, error) {
	idx := &schema.Index{Name: name, Unique: unique, Table: at}
	for i, n := range cols {
		c, ok := at.Column(n)
		if !ok {
			return nil, fmt.Errorf("index %q: no column %q in table %q", name, n, at.Name)
		}
		idx.Parts = append(idx.Parts, &schema.IndexPart{SeqNo: i, C: c})
	}
	return idx, nil
}

// addIndex adds an index to at.
func addIndex(at *schema.Table, i Index) error {
	idx, err := atlasIndex(at, i.Name, i.Columns, i.Unique)
	if err != nil {
		return err
	}
	at.AddIndexes(idx)
	return nil
}

// addForeignKey adds a foreign key to at. The referenced table is a stub
// carrying only names: planners need nothing else.
func addForeignKey(at *schema.Table, f ForeignKey) (*schema.ForeignKey, error) {
	ref := at
	if f.RefTable != at.Name {
		ref = &schema.Table{Name: f.RefTable, Schema: at.Schema}
	}
	fk := &schema.ForeignKey{Symbol: f.Name, Table: at, RefTable: ref,
		OnDelete: schema.ReferenceOption(f.OnDelete), OnUpdate: schema.ReferenceOption(f.OnUpdate)}
	for _, n := range f.Columns {
		c, ok := at.Column(n)
		if !ok {
			return nil, fmt.Errorf("foreign key %q: no column %q in table %q", f.Name, n, at.Name)
		}
		fk.Columns = append(fk.Columns, c)
	}
	for _, n := range f.RefColumns {
		c, ok := ref.Column(n)
		if !ok {
			c = &schema.Column{Name: n}
		}
		fk.RefColumns = append(fk.RefColumns, c)
	}
	at.AddForeignKeys(fk)
	return fk, nil
}

// sqliteSized spells sizes into SQLite type names: Atlas's SQLite planner
// prints only the type name, and SQLAlchemy writes VARCHAR(100).
func sqliteSized(t schema.Type) schema.Type {
	switch t := t.(type) {
	case *schema.StringType:
		if t.Size > 0 && !strings.Contains(t.T, "(") {
			return &schema.StringType{T: fmt.Sprintf("%s(%d)", t.T, t.Size), Size: t.Size}
		}
	case *schema.DecimalType:
		if t.Precision > 0 && !strings.Contains(t.T, "(") {
			return &schema.DecimalType{T: fmt.Sprintf("%s(%d, %d)", t.T, t.Precision, t.Scale), Precision: t.Precision, Scale: t.Scale}
		}
	case *schema.UnsupportedType:
		return &sqlite.UserDefinedType{T: t.T}
	}
	return t
}
