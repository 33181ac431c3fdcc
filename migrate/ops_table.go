package migrate

import "slices"

// A Column describes one column of a table.
type Column struct {
	// Name is the column name.
	Name string
	// Type is the neutral column type.
	Type Type
	// Nullable allows NULL; the zero value means NOT NULL.
	Nullable bool
	// Autoincrement makes an integer key generate values (SERIAL on
	// PostgreSQL, AUTO_INCREMENT on MySQL, the rowid on SQLite).
	Autoincrement bool
	// ServerDefault is an SQL expression such as "0", "'draft'" or
	// "CURRENT_TIMESTAMP"; empty means none.
	ServerDefault string
	// Comment is the column comment, where the database keeps one.
	Comment string
}

// A Table describes a whole table, as created by CreateTable.
type Table struct {
	// Name is the table name.
	Name string
	// Columns are the columns, in order.
	Columns []Column
	// PrimaryKey names the key columns; PrimaryKeyName the constraint.
	PrimaryKey     []string
	PrimaryKeyName string
	// Indexes, Uniques, ForeignKeys and Checks are created with the table.
	Indexes     []Index
	Uniques     []Unique
	ForeignKeys []ForeignKey
	Checks      []Check
	// Comment is the table comment, where the database keeps one.
	Comment string
}

// An Index is a (possibly unique) index on columns of a table.
type Index struct {
	// Name is the index name (required).
	Name string
	// Columns are the indexed columns, in order.
	Columns []string
	// Unique makes it a unique index.
	Unique bool
}

// A Unique is a named unique constraint.
type Unique struct {
	// Name is the constraint name; Columns the unique columns.
	Name    string
	Columns []string
}

// A ForeignKey references columns of another table.
type ForeignKey struct {
	// Name is the constraint name.
	Name string
	// Columns reference RefColumns of RefTable.
	Columns    []string
	RefTable   string
	RefColumns []string
	// OnDelete and OnUpdate are referential actions such as "CASCADE".
	OnDelete string
	OnUpdate string
}

// A Check is a named CHECK constraint.
type Check struct {
	// Name is the constraint name; Expr its SQL condition.
	Name string
	Expr string
}

// Column returns the named column.
func (t *Table) Column(name string) (Column, bool) {
	i := slices.IndexFunc(t.Columns, func(c Column) bool { return c.Name == name })
	if i < 0 {
		return Column{}, false
	}
	return t.Columns[i], true
}

// CreateTable creates a table.
type CreateTable struct {
	// Table is the table to create.
	Table Table
}

// Reverse drops the table, remembering it.
func (o *CreateTable) Reverse() (Operation, error) {
	t := o.Table
	return &DropTable{Name: t.Name, Prior: &t}, nil
}

// Describe describes the operation.
func (o *CreateTable) Describe() string { return "create table " + o.Table.Name }

// DropTable drops a table. Prior, when known, is its definition, needed to
// reverse the drop.
type DropTable struct {
	// Name is the table to drop.
	Name string
	// Prior is the table's definition, when known.
	Prior *Table
}

// Reverse recreates the table from its prior definition.
func (o *DropTable) Reverse() (Operation, error) {
	if o.Prior == nil {
		return nil, irreversible(o, "prior table definition unknown")
	}
	return &CreateTable{Table: *o.Prior}, nil
}

// Describe describes the operation.
func (o *DropTable) Describe() string { return "drop table " + o.Name }

// RenameTable renames a table, keeping its rows.
type RenameTable struct {
	// From is the current name, To the new one.
	From, To string
}

// Reverse renames the table back.
func (o *RenameTable) Reverse() (Operation, error) { return &RenameTable{From: o.To, To: o.From}, nil }

// Describe describes the operation.
func (o *RenameTable) Describe() string { return "rename table " + o.From + " to " + o.To }
