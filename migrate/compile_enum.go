package migrate

import (
	"context"
	"fmt"
	"slices"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/schema"
)

// PostgreSQL enum types are schema objects that columns use. The compiler
// creates a type with the first column that needs it (createEnums), drops
// it with the last column that used it (dropUnusedEnums), adds values in
// place (ALTER TYPE ... ADD VALUE) and recreates it when values are
// removed or reordered (rename to <name>_old, create, convert the column,
// drop the old type when no column uses it any more).

// enumUsers returns the enum types the state's columns use.
func (c *compiler) enumUsers() map[string]bool {
	out := map[string]bool{}
	for _, t := range c.state.Tables {
		for _, col := range t.Columns {
			if e, ok := enumOf(col); ok {
				out[e.T] = true
			}
		}
	}
	return out
}

// enumOf returns a column's enum type.
func enumOf(col *schema.Column) (*schema.EnumType, bool) {
	if col.Type == nil {
		return nil, false
	}
	e, ok := col.Type.Type.(*schema.EnumType)
	return e, ok
}

// enumObject returns the state's enum type of that name.
func (c *compiler) enumObject(name string) *schema.EnumType {
	for _, o := range c.state.Objects {
		if e, ok := o.(*schema.EnumType); ok && e.T == name {
			return e
		}
	}
	return nil
}

// dropUnusedEnums returns the changes dropping the enum types that were
// used before an operation (before) and are used by no column now, neither
// in the state nor in the tables outside it (c.external).
func (c *compiler) dropUnusedEnums(before map[string]bool) []schema.Change {
	now := c.enumUsers()
	var out []schema.Change
	for _, name := range sortedKeys(before) {
		e := c.enumObject(name)
		if now[name] || c.external[name] || e == nil {
			continue
		}
		c.state.Objects = slices.DeleteFunc(c.state.Objects, func(o schema.Object) bool { return o == e })
		out = append(out, &schema.DropObject{O: e})
	}
	return out
}

// sortedKeys returns a set's keys in order.
func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// alterEnum prepares an AlterColumn to an enum type whose name the state
// already has with other values. Added values are added in place; removed
// or reordered values need a new type, so the old one is renamed away and
// the column is converted to the new one. It returns the statements to run
// before the column change.
func (c *compiler) alterEnum(ctx context.Context, o *AlterColumn) ([]string, error) {
	if o.Type == nil || o.Type.Kind != KindEnum {
		return nil, nil
	}
	old := c.enumObject(o.Type.EnumName)
	if old == nil || slices.Equal(old.Values, o.Type.EnumValues) {
		return nil, nil
	}
	if isSubsequence(old.Values, o.Type.EnumValues) {
		to := &schema.EnumType{T: old.T, Values: slices.Clone(o.Type.EnumValues), Schema: old.Schema}
		stmts, err := c.plan(ctx, []schema.Change{&schema.ModifyObject{From: old, To: to}})
		old.Values = to.Values
		return stmts, err
	}
	renamed := old.T + "_old"
	if c.enumObject(renamed) != nil {
		return nil, fmt.Errorf("enum type %q already exists", renamed)
	}
	c.renameEnum(old.T, renamed)
	return []string{fmt.Sprintf("ALTER TYPE %q RENAME TO %q", o.Type.EnumName, renamed)}, nil
}

// renameEnum renames an enum type in the state, for its columns too.
func (c *compiler) renameEnum(from, to string) {
	seen := map[*schema.EnumType]bool{}
	rename := func(e *schema.EnumType) {
		if !seen[e] && e.T == from {
			seen[e] = true
			e.T = to
		}
	}
	for _, o := range c.state.Objects {
		if e, ok := o.(*schema.EnumType); ok {
			rename(e)
		}
	}
	for _, t := range c.state.Tables {
		for _, col := range t.Columns {
			if e, ok := enumOf(col); ok {
				rename(e)
			}
		}
	}
	if c.external[from] {
		c.external[to] = true
	}
}

// isSubsequence reports whether every value of a is in b, in a's order.
func isSubsequence(a, b []string) bool {
	i := 0
	for _, v := range b {
		if i < len(a) && a[i] == v {
			i++
		}
	}
	return i == len(a)
}

// plan turns Atlas changes into statements.
func (c *compiler) plan(ctx context.Context, changes []schema.Change) ([]string, error) {
	if len(changes) == 0 {
		return nil, nil
	}
	plan, err := c.planner.PlanChanges(ctx, "op", changes, func(po *migrate.PlanOptions) {
		po.SchemaQualifier = new(string)
	})
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(plan.Changes))
	for _, ch := range plan.Changes {
		out = append(out, ch.Cmd)
	}
	return out, nil
}
