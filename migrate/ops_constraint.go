package migrate

// Constraint kinds for DropConstraint.
const (
	ConstraintUnique     = "unique"
	ConstraintForeignKey = "foreignkey"
	ConstraintCheck      = "check"
)

// CreateIndex creates an index.
type CreateIndex struct {
	// Table is the table; Index the new index.
	Table string
	Index Index
}

// Reverse drops the index, remembering it.
func (o *CreateIndex) Reverse() (Operation, error) {
	i := o.Index
	return &DropIndex{Table: o.Table, Name: i.Name, Prior: &i}, nil
}

// Describe describes the operation.
func (o *CreateIndex) Describe() string { return "create index " + o.Index.Name + " on " + o.Table }

// DropIndex drops an index. Prior, when known, is its definition.
type DropIndex struct {
	// Table and Name identify the index.
	Table string
	Name  string
	// Prior is the index's definition, when known.
	Prior *Index
}

// Reverse recreates the index.
func (o *DropIndex) Reverse() (Operation, error) {
	if o.Prior == nil {
		return nil, irreversible(o, "prior index definition unknown")
	}
	return &CreateIndex{Table: o.Table, Index: *o.Prior}, nil
}

// Describe describes the operation.
func (o *DropIndex) Describe() string { return "drop index " + o.Name + " on " + o.Table }

// CreateUniqueConstraint adds a unique constraint.
type CreateUniqueConstraint struct {
	// Table is the table; Unique the new constraint.
	Table  string
	Unique Unique
}

// Reverse drops the constraint.
func (o *CreateUniqueConstraint) Reverse() (Operation, error) {
	u := o.Unique
	return &DropConstraint{Table: o.Table, Name: u.Name, Kind: ConstraintUnique, PriorUnique: &u}, nil
}

// Describe describes the operation.
func (o *CreateUniqueConstraint) Describe() string {
	return "create unique constraint " + o.Unique.Name + " on " + o.Table
}

// CreateForeignKey adds a foreign key.
type CreateForeignKey struct {
	// Table is the referencing table; ForeignKey the new key.
	Table      string
	ForeignKey ForeignKey
}

// Reverse drops the foreign key.
func (o *CreateForeignKey) Reverse() (Operation, error) {
	f := o.ForeignKey
	return &DropConstraint{Table: o.Table, Name: f.Name, Kind: ConstraintForeignKey, PriorForeignKey: &f}, nil
}

// Describe describes the operation.
func (o *CreateForeignKey) Describe() string {
	return "create foreign key " + o.ForeignKey.Name + " on " + o.Table
}

// CreateCheckConstraint adds a CHECK constraint.
type CreateCheckConstraint struct {
	// Table is the table; Check the new constraint.
	Table string
	Check Check
}

// Reverse drops the check.
func (o *CreateCheckConstraint) Reverse() (Operation, error) {
	c := o.Check
	return &DropConstraint{Table: o.Table, Name: c.Name, Kind: ConstraintCheck, PriorCheck: &c}, nil
}

// Describe describes the operation.
func (o *CreateCheckConstraint) Describe() string {
	return "create check constraint " + o.Check.Name + " on " + o.Table
}

// DropConstraint drops a unique, foreign key or check constraint. The
// Prior field of its kind, when set, allows the drop to be reversed.
type DropConstraint struct {
	// Table and Name identify the constraint.
	Table string
	Name  string
	// Kind is ConstraintUnique, ConstraintForeignKey or ConstraintCheck.
	Kind string
	// PriorUnique, PriorForeignKey and PriorCheck hold the definition.
	PriorUnique     *Unique
	PriorForeignKey *ForeignKey
	PriorCheck      *Check
}

// Reverse recreates the constraint from its prior definition.
func (o *DropConstraint) Reverse() (Operation, error) {
	switch {
	case o.PriorUnique != nil:
		return &CreateUniqueConstraint{Table: o.Table, Unique: *o.PriorUnique}, nil
	case o.PriorForeignKey != nil:
		return &CreateForeignKey{Table: o.Table, ForeignKey: *o.PriorForeignKey}, nil
	case o.PriorCheck != nil:
		return &CreateCheckConstraint{Table: o.Table, Check: *o.PriorCheck}, nil
	}
	return nil, irreversible(o, "prior constraint definition unknown")
}

// Describe describes the operation.
func (o *DropConstraint) Describe() string {
	return "drop " + o.Kind + " constraint " + o.Name + " on " + o.Table
}
