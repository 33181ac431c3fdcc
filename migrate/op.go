package migrate

import "context"

// An Op records the operations of a revision's Upgrade or Downgrade
// function, in order. Its methods mirror Alembic's op.* functions.
type Op struct {
	ctx OpContext
	ops []Operation
}

// An OpContext says where a revision's operations will run.
type OpContext struct {
	// Dialect is "sqlite", "postgresql" or "mysql" ("" when unknown).
	Dialect string
	// Bind names the database in a multi-database layout ("" for the
	// default database).
	Bind string
	// Tag is the arbitrary string given to "db upgrade --tag" (Alembic's
	// tag), empty when none was given.
	Tag string
}

// NewOp returns an empty recorder for a dialect ("" when unknown).
func NewOp(dialectName string) *Op { return &Op{ctx: OpContext{Dialect: dialectName}} }

// NewOpFor returns an empty recorder for a context.
func NewOpFor(c OpContext) *Op { return &Op{ctx: c} }

// Dialect returns the name of the database dialect the operations will run
// on ("sqlite", "postgresql" or "mysql"), so a revision can branch on it.
func (o *Op) Dialect() string { return o.ctx.Dialect }

// Bind returns the name of the database the operations will run on in a
// multi-database layout ("" for the default database and in a
// single-database layout).
func (o *Op) Bind() string { return o.ctx.Bind }

// Tag returns the tag given to "db upgrade --tag" or "db downgrade --tag"
// (Migrator.Tag), so that a data migration can branch on it; "" when none.
func (o *Op) Tag() string { return o.ctx.Tag }

// Operations returns the recorded operations.
func (o *Op) Operations() []Operation { return o.ops }

// Add records operations as they are.
func (o *Op) Add(ops ...Operation) { o.ops = append(o.ops, ops...) }

// CreateTable records the creation of a table.
func (o *Op) CreateTable(t Table) { o.Add(&CreateTable{Table: t}) }

// DropTable records dropping a table.
func (o *Op) DropTable(name string) { o.Add(&DropTable{Name: name}) }

// RenameTable records renaming a table.
func (o *Op) RenameTable(from, to string) { o.Add(&RenameTable{From: from, To: to}) }

// AddColumn records adding a column.
func (o *Op) AddColumn(table string, c Column) { o.Add(&AddColumn{Table: table, Column: c}) }

// DropColumn records dropping a column.
func (o *Op) DropColumn(table, name string) { o.Add(&DropColumn{Table: table, Name: name}) }

// AlterColumn records altering a column.
func (o *Op) AlterColumn(a AlterColumn) { o.Add(&a) }

// RenameColumn records renaming a column.
func (o *Op) RenameColumn(table, from, to string) {
	o.Add(&RenameColumn{Table: table, From: from, To: to})
}

// CreateIndex records creating an index.
func (o *Op) CreateIndex(table string, i Index) { o.Add(&CreateIndex{Table: table, Index: i}) }

// DropIndex records dropping an index.
func (o *Op) DropIndex(table, name string) { o.Add(&DropIndex{Table: table, Name: name}) }

// CreateUniqueConstraint records adding a unique constraint.
func (o *Op) CreateUniqueConstraint(table string, u Unique) {
	o.Add(&CreateUniqueConstraint{Table: table, Unique: u})
}

// CreateForeignKey records adding a foreign key.
func (o *Op) CreateForeignKey(table string, f ForeignKey) {
	o.Add(&CreateForeignKey{Table: table, ForeignKey: f})
}

// CreateCheckConstraint records adding a CHECK constraint.
func (o *Op) CreateCheckConstraint(table string, c Check) {
	o.Add(&CreateCheckConstraint{Table: table, Check: c})
}

// DropConstraint records dropping a constraint of the given kind
// (ConstraintUnique, ConstraintForeignKey or ConstraintCheck).
func (o *Op) DropConstraint(table, name, kind string) {
	o.Add(&DropConstraint{Table: table, Name: name, Kind: kind})
}

// Execute records raw SQL run on every dialect.
func (o *Op) Execute(sql string) { o.Add(&Execute{SQL: sql}) }

// ExecuteFor records raw SQL per dialect name; dialects without an entry
// skip the step.
func (o *Op) ExecuteFor(perDialect map[string]string) { o.Add(&Execute{PerDialect: perDialect}) }

// BulkInsert records inserting rows into a table.
func (o *Op) BulkInsert(table string, rows []map[string]any) {
	o.Add(&BulkInsert{Table: table, Rows: rows})
}

// Run records Go code (a data migration) run in the revision's transaction.
func (o *Op) Run(fn func(ctx context.Context, q Querier) error) { o.Add(&RunGo{Func: fn}) }
