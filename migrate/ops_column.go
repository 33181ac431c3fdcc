package migrate

import "fmt"

// AddColumn adds a column to a table.
type AddColumn struct {
	// Table is the table; Column the new column.
	Table  string
	Column Column
	// note tells what the user must do, for the generated revision.
	note string
}

// Note returns what the user should know about the operation, written as
// a comment above it in a generated revision ("" for none).
func (o *AddColumn) Note() string { return o.note }

// Reverse drops the column, remembering it.
func (o *AddColumn) Reverse() (Operation, error) {
	c := o.Column
	return &DropColumn{Table: o.Table, Name: c.Name, Prior: &c}, nil
}

// Describe describes the operation.
func (o *AddColumn) Describe() string { return "add column " + o.Table + "." + o.Column.Name }

// DropColumn drops a column. Prior, when known, is its definition.
type DropColumn struct {
	// Table and Name identify the column.
	Table string
	Name  string
	// Prior is the column's definition, when known.
	Prior *Column
}

// Reverse adds the column back from its prior definition. A NOT NULL
// column without a server default comes back nullable, since the table may
// have rows (which a NOT NULL column without default would refuse), with a
// note saying what to backfill.
func (o *DropColumn) Reverse() (Operation, error) {
	if o.Prior == nil {
		return nil, irreversible(o, "prior column definition unknown")
	}
	add := &AddColumn{Table: o.Table, Column: *o.Prior}
	if c := add.Column; !c.Nullable && c.ServerDefault == "" && !c.Autoincrement {
		add.Column.Nullable = true
		add.note = fmt.Sprintf("%s.%s was NOT NULL without a server default: it comes back nullable, as the table may have rows.\n"+
			"Backfill it, then make it NOT NULL again with op.AlterColumn(migrate.AlterColumn{Table: %q, Name: %q, Nullable: migrate.Ptr(false), ...}).",
			o.Table, c.Name, o.Table, c.Name)
	}
	return add, nil
}

// Describe describes the operation.
func (o *DropColumn) Describe() string { return "drop column " + o.Table + "." + o.Name }

// RenameColumn renames a column, keeping its values.
type RenameColumn struct {
	// Table is the table; From the current and To the new column name.
	Table    string
	From, To string
}

// Reverse renames the column back.
func (o *RenameColumn) Reverse() (Operation, error) {
	return &RenameColumn{Table: o.Table, From: o.To, To: o.From}, nil
}

// Describe describes the operation.
func (o *RenameColumn) Describe() string {
	return "rename column " + o.Table + "." + o.From + " to " + o.To
}

// AlterColumn changes a column's type, nullability, server default or
// comment. Nil fields are left unchanged; Existing is the column before the
// change (its type is needed by MySQL and by the reverse).
type AlterColumn struct {
	// Table and Name identify the column.
	Table string
	Name  string
	// Type, Nullable, ServerDefault and Comment are the new values; nil
	// leaves the attribute unchanged. An empty ServerDefault drops it.
	Type          *Type
	Nullable      *bool
	ServerDefault *string
	Comment       *string
	// Using is PostgreSQL's USING expression converting the values to the
	// new type, such as "code"::integer (Alembic's postgresql_using); the
	// other dialects ignore it. When empty, PostgreSQL gets a cast to the
	// new type where the change needs one (text to a number, a boolean or
	// a date, ...), and no USING where the database converts by itself.
	Using string
	// Existing is the column as it was before.
	Existing Column
}

// Reverse restores the existing values of the changed attributes.
func (o *AlterColumn) Reverse() (Operation, error) {
	r := &AlterColumn{Table: o.Table, Name: o.Name, Existing: o.apply(o.Existing)}
	if o.Type != nil {
		r.Type = ptr(o.Existing.Type)
		r.Using = CastUsing(o.Name, *o.Type, o.Existing.Type)
	}
	if o.Nullable != nil {
		r.Nullable = ptr(o.Existing.Nullable)
	}
	if o.ServerDefault != nil {
		r.ServerDefault = ptr(o.Existing.ServerDefault)
	}
	if o.Comment != nil {
		r.Comment = ptr(o.Existing.Comment)
	}
	return r, nil
}

// apply returns c with the operation's changes.
func (o *AlterColumn) apply(c Column) Column {
	if o.Type != nil {
		c.Type = *o.Type
	}
	if o.Nullable != nil {
		c.Nullable = *o.Nullable
	}
	if o.ServerDefault != nil {
		c.ServerDefault = *o.ServerDefault
	}
	if o.Comment != nil {
		c.Comment = *o.Comment
	}
	return c
}

// Describe describes the operation.
func (o *AlterColumn) Describe() string { return "alter column " + o.Table + "." + o.Name }

// ptr returns a pointer to a copy of v.
func ptr[T any](v T) *T { return &v }

// Ptr returns a pointer to v, for the optional fields of AlterColumn.
func Ptr[T any](v T) *T { return &v }
