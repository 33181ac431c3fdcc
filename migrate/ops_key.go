package migrate

import "strings"

// AlterPrimaryKey replaces a table's primary key. Empty Columns drops the
// key; empty Prior adds one.
type AlterPrimaryKey struct {
	// Table is the table.
	Table string
	// Columns and Name are the new key (Name may be empty).
	Columns []string
	Name    string
	// Prior and PriorName are the key it replaces.
	Prior     []string
	PriorName string
}

// Reverse restores the prior key.
func (o *AlterPrimaryKey) Reverse() (Operation, error) {
	return &AlterPrimaryKey{Table: o.Table, Columns: o.Prior, Name: o.PriorName, Prior: o.Columns, PriorName: o.Name}, nil
}

// Describe describes the operation.
func (o *AlterPrimaryKey) Describe() string {
	return "alter primary key of " + o.Table + " to (" + strings.Join(o.Columns, ", ") + ")"
}

// AlterPrimaryKey records replacing a primary key.
func (o *Op) AlterPrimaryKey(a AlterPrimaryKey) { o.Add(&a) }
