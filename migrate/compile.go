package migrate

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/schema"
)

// A compiler turns operations into SQL for one dialect. It tracks the
// schema the operations act on, because Atlas plans changes against whole
// tables (SQLite rebuilds a table from its complete new definition).
type compiler struct {
	dialect string
	planner migrate.PlanApplier
	state   *schema.Schema
	// external names the PostgreSQL enum types used by tables outside
	// the state, which must never be dropped as unused.
	external map[string]bool
	// casts maps the columns whose values the current operation's SQLite
	// rebuild must CAST to their new types.
	casts map[string]string
}

// newCompiler returns a compiler over state (an empty schema if nil).
func newCompiler(dialectName string, planner migrate.PlanApplier, state *schema.Schema) *compiler {
	if state == nil {
		state = schema.New("")
	}
	return &compiler{dialect: dialectName, planner: planner, state: state, external: map[string]bool{}}
}

// compile returns the statements for one operation and updates the state.
// RunGo operations compile to no statement.
func (c *compiler) compile(ctx context.Context, o Operation) ([]string, error) {
	c.casts = map[string]string{}
	stmts, err := c.compileOp(ctx, o)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.Describe(), err)
	}
	return stmts, nil
}

// compileOp compiles one operation; on PostgreSQL it also alters, creates
// and drops the enum types the operation needs or leaves unused.
func (c *compiler) compileOp(ctx context.Context, o Operation) ([]string, error) {
	var pre []string
	var err error
	if a, ok := o.(*AlterColumn); ok && c.dialect == PostgreSQL {
		if pre, err = c.alterEnum(ctx, a); err != nil {
			return nil, err
		}
	}
	enumsBefore := c.enumUsers() // after alterEnum, which may rename a type

	changes, err := c.changes(o)
	if err != nil {
		return nil, err
	}
	if changes == nil {
		return c.raw(o)
	}
	if c.dialect == SQLite {
		sizeTables(changes)
	}
	if c.dialect == PostgreSQL {
		changes = c.createEnums(changes)
	}
	stmts, err := c.plan(ctx, changes)
	if err != nil {
		return nil, err
	}
	if c.dialect == SQLite {
		stmts = castCopy(plainCopy(stmts), c.casts)
	}
	stmts = namePrimaryKey(c.dialect, o, stmts)
	stmts = completeRebuilds(c.dialect, stmts, c.state)
	if c.dialect == PostgreSQL {
		drops, err := c.plan(ctx, c.dropUnusedEnums(enumsBefore))
		if err != nil {
			return nil, err
		}
		stmts = append(stmts, drops...)
	}
	return append(pre, stmts...), nil
}

// raw returns the statements of operations that Atlas does not plan.
func (c *compiler) raw(o Operation) ([]string, error) {
	switch o := o.(type) {
	case *Execute:
		if s := strings.TrimSpace(o.sqlFor(c.dialect)); s != "" {
			return []string{s}, nil
		}
		return nil, nil
	case *BulkInsert:
		return bulkInsertSQL(c.dialect, o)
	case *RunGo:
		return nil, nil
	}
	return nil, fmt.Errorf("migrate: unsupported operation %T", o)
}

// changes converts an operation into Atlas changes and applies it to the
// state. It returns nil changes for operations compiled by raw.
func (c *compiler) changes(o Operation) ([]schema.Change, error) {
	switch o := o.(type) {
	case *CreateTable:
		return c.createTable(o)
	case *DropTable:
		return c.dropTable(o)
	case *RenameTable:
		return c.renameTable(o)
	case *AddColumn, *DropColumn, *RenameColumn, *AlterColumn:
		return c.columnChange(o)
	case *CreateIndex, *DropIndex, *CreateUniqueConstraint, *CreateForeignKey, *CreateCheckConstraint, *DropConstraint, *AlterPrimaryKey:
		return c.constraintChange(o)
	}
	return nil, nil
}

// table finds a table in the state.
func (c *compiler) table(name string) (*schema.Table, error) {
	t, ok := c.state.Table(name)
	if !ok {
		return nil, fmt.Errorf("table %q does not exist", name)
	}
	return t, nil
}

// replace swaps a state table for its new version and points the
// foreign keys of the other tables at it.
func (c *compiler) replace(old, t *schema.Table) { c.replaceRenamed(old, t, nil) }

// replaceRenamed is replace for a version of the table whose columns
// renamed maps from their old names to their new ones.
func (c *compiler) replaceRenamed(old, t *schema.Table, renamed map[string]string) {
	i := slices.Index(c.state.Tables, old)
	c.state.Tables[i] = t
	for _, o := range c.state.Tables {
		if o == t {
			continue // a self-reference was cloned with the table
		}
		for _, fk := range o.ForeignKeys {
			if fk.RefTable == old || (fk.RefTable != nil && fk.RefTable.Name == old.Name) {
				repoint(fk, t, renamed)
			}
		}
	}
}

// repoint makes a foreign key reference the new version of its table, so
// that a later rebuild of the referencing table (SQLite) names the
// referenced columns as they are now called: SQLite renames them in the
// referencing tables' definitions, and a rebuild naming the old column
// would fail with "foreign key mismatch".
func repoint(fk *schema.ForeignKey, t *schema.Table, renamed map[string]string) {
	fk.RefTable = t
	cols := make([]*schema.Column, len(fk.RefColumns))
	for i, rc := range fk.RefColumns {
		cols[i] = rc
		name := rc.Name
		if to, ok := renamed[name]; ok {
			name = to
		}
		if col, ok := t.Column(name); ok {
			cols[i] = col
		}
	}
	fk.RefColumns = cols
}

// createTable plans CREATE TABLE.
func (c *compiler) createTable(o *CreateTable) ([]schema.Change, error) {
	if _, ok := c.state.Table(o.Table.Name); ok {
		return nil, fmt.Errorf("table %q already exists", o.Table.Name)
	}
	t, err := atlasTable(c.dialect, c.state, o.Table)
	if err != nil {
		return nil, err
	}
	c.state.Tables = append(c.state.Tables, t)
	return []schema.Change{&schema.AddTable{T: t}}, nil
}

// dropTable plans DROP TABLE.
func (c *compiler) dropTable(o *DropTable) ([]schema.Change, error) {
	t, err := c.table(o.Name)
	if err != nil {
		return nil, err
	}
	c.state.Tables = slices.DeleteFunc(c.state.Tables, func(x *schema.Table) bool { return x == t })
	return []schema.Change{&schema.DropTable{T: t}}, nil
}

// renameTable plans a table rename.
func (c *compiler) renameTable(o *RenameTable) ([]schema.Change, error) {
	t, err := c.table(o.From)
	if err != nil {
		return nil, err
	}
	if _, ok := c.state.Table(o.To); ok {
		return nil, fmt.Errorf("table %q already exists", o.To)
	}
	n := cloneTable(t)
	n.Name = o.To
	c.replace(t, n)
	c.followRename(o.From, o.To)
	return []schema.Change{&schema.RenameTable{From: t, To: n}}, nil
}

// followRename points the state's foreign keys that reference a renamed
// table at its new name, as every database does (a later SQLite rebuild of
// a child table must name the parent as it is now called).
func (c *compiler) followRename(from, to string) {
	for _, t := range c.state.Tables {
		for _, fk := range t.ForeignKeys {
			if fk.RefTable != nil && fk.RefTable.Name == from {
				if rt, ok := c.state.Table(to); ok {
					fk.RefTable = rt
				} else {
					ref := *fk.RefTable
					ref.Name = to
					fk.RefTable = &ref
				}
			}
		}
	}
}

// sizeTables spells sizes into the SQLite types of rebuilt and created
// tables: inspected types carry the size apart, and Atlas's SQLite planner
// would print "varchar" for "varchar(100)".
func sizeTables(changes []schema.Change) {
	for _, ch := range changes {
		var t *schema.Table
		switch ch := ch.(type) {
		case *schema.ModifyTable:
			t = ch.T
		case *schema.AddTable:
			t = ch.T
		default:
			continue
		}
		for _, col := range t.Columns {
			if col.Type != nil && col.Type.Type != nil {
				col.Type.Type = sqliteSized(col.Type.Type)
			}
		}
	}
}

// createEnums prepends CREATE TYPE for the PostgreSQL enum types that new
// or altered columns use and that the schema does not have yet.
func (c *compiler) createEnums(changes []schema.Change) []schema.Change {
	var pre []schema.Change
	for _, col := range changedColumns(changes) {
		e, ok := col.Type.Type.(*schema.EnumType)
		if !ok || c.hasEnum(e.T) {
			continue
		}
		c.state.Objects = append(c.state.Objects, e)
		pre = append(pre, &schema.AddObject{O: e})
	}
	return append(pre, changes...)
}

// hasEnum reports whether the state has the named enum type.
func (c *compiler) hasEnum(name string) bool {
	for _, o := range c.state.Objects {
		if e, ok := o.(*schema.EnumType); ok && e.T == name {
			return true
		}
	}
	return false
}

// changedColumns lists the columns that changes create or modify.
func changedColumns(changes []schema.Change) []*schema.Column {
	var out []*schema.Column
	for _, ch := range changes {
		switch ch := ch.(type) {
		case *schema.AddTable:
			out = append(out, ch.T.Columns...)
		case *schema.ModifyTable:
			for _, tc := range ch.Changes {
				switch tc := tc.(type) {
				case *schema.AddColumn:
					out = append(out, tc.C)
				case *schema.ModifyColumn:
					out = append(out, tc.To)
				}
			}
		}
	}
	return out
}
