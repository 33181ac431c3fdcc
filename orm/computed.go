package orm

import (
	"fmt"
)

// Computed registers expr as the SQL expression of model T's field (a Go
// field or column name) tagged `orm:"computed"`, SQLAlchemy's
// column_property: Select, Get and session queries of T add
// `(expr) AS <column>` to their column list and load the result into the
// field; INSERT and UPDATE never write it, and DDL and migrations ignore
// it. expr is any expression of the query builder, typically a
// correlated subquery or an arithmetic or string expression of the
// model's own columns (qualify them with the table name):
//
//	orm.Computed[User]("PostCount", orm.Select[Post](nil).Columns(orm.Count()).
//		Where(orm.C("post.user_id").Eq(orm.C("user.id"))))
//
// Registration errors: an unknown field, a field not tagged computed, a
// nil expression and a second expression for one field. A query of a
// model with a computed field without an expression fails with an error
// naming the field.
func Computed[T any](field string, expr Expr) error {
	t, err := tableOf[T]()
	if err != nil {
		return fmt.Errorf("orm: Computed: %w", err)
	}
	name := t.model.Name()
	c := t.computedField(field)
	if c == nil {
		if t.lookup(field) != nil {
			return fmt.Errorf("orm: Computed[%s]: field %s is a column; tag it `orm:\"computed\"` to load it from an expression", name, field)
		}
		return fmt.Errorf("orm: Computed[%s]: model %s has no computed field %q", name, name, field)
	}
	if expr == nil {
		return fmt.Errorf("orm: Computed[%s]: nil expression for field %s", name, c.Field)
	}
	return registerFuncs(t.model, func(m *modelFuncs) error {
		if m.computed == nil {
			m.computed = map[string]Expr{}
		}
		if m.computed[c.Field] != nil {
			return fmt.Errorf("orm: Computed[%s]: field %s already has an expression", name, c.Field)
		}
		m.computed[c.Field] = expr
		return nil
	})
}

// computedField finds a computed field by Go field or column name.
func (t *Table) computedField(name string) *Column {
	for _, c := range t.computed {
		if c.Field == name || c.Name == name {
			return c
		}
	}
	return nil
}

// computedColumn finds a computed field by its result column name.
func (t *Table) computedColumn(name string) *Column {
	for _, c := range t.computed {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// writeComputed appends ", (expr) AS name" for each computed field of t.
func writeComputed(b *Builder, t *Table) {
	if len(t.computed) == 0 {
		return
	}
	var m *modelFuncs
	if m = funcsFor(t.model); m == nil {
		m = &modelFuncs{}
	}
	for _, c := range t.computed {
		expr := m.computed[c.Field]
		if expr == nil {
			b.SetErr(fmt.Errorf("orm: %s.%s is tagged computed but no orm.Computed expression is registered for it", t.model.Name(), c.Field))
			return
		}
		b.WriteString(", ")
		if _, ok := expr.(subquery); ok {
			expr.AppendSQL(b) // a query parenthesises itself
		} else {
			b.WriteString("(")
			expr.AppendSQL(b)
			b.WriteString(")")
		}
		b.WriteString(" AS ")
		b.Ident(c.Name)
	}
}
