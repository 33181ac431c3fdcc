package orm

import "fmt"

// A FromItem is something a query selects from or joins besides a plain
// table name: a model's table under an alias (Aliased), a subquery
// (SelectQuery.Subquery) or a common table expression (NewCTE).
type FromItem interface {
	// Name is the name the item is referred to by in the statement.
	Name() string
	appendFrom(b *Builder)
}

// tableName is a table referred to by its name (Join("owner", ...)).
type tableName string

// Name returns the table's name.
func (t tableName) Name() string { return string(t) }

func (t tableName) appendFrom(b *Builder) { b.Ident(string(t)) }

// A Subquery is a SELECT used as a table: FROM (SELECT ...) AS name.
type Subquery struct {
	sel   Selectable
	alias string
}

// Subquery returns the query as a named subquery, to select from
// (From), join (JoinOn) or refer to by column (Subquery.C); SQLAlchemy's
// select(...).subquery("name").
func (s *SelectQuery[T]) Subquery(alias string) *Subquery {
	return &Subquery{sel: s, alias: alias}
}

// Name returns the subquery's alias.
func (sq *Subquery) Name() string { return sq.alias }

// C returns a column of the subquery, qualified by its alias; a name that
// is not one of the subquery's result columns (when they are all named
// or labelled) is an error when the query renders.
func (sq *Subquery) C(name string) Col {
	return column("subquery "+sq.alias, sq.sel.resultNames(), name).qualify(sq.alias)
}

func (sq *Subquery) appendFrom(b *Builder) {
	b.WriteString("(")
	sq.sel.selectSQL(b)
	b.WriteString(") AS ")
	b.Ident(sq.alias)
}

// An Alias is a model's table under another name, for self-joins and for
// joining one table twice; SQLAlchemy's aliased(Model, name=...).
type Alias struct {
	table *Table
	alias string
	err   error
}

// Aliased returns the table of model T under the name alias.
func Aliased[T any](alias string) *Alias {
	t, err := tableOf[T]()
	return &Alias{table: t, alias: alias, err: err}
}

// Name returns the alias.
func (a *Alias) Name() string { return a.alias }

// C returns a column of the aliased table by Go field or column name,
// qualified by the alias; an unknown name is an error when the query
// renders.
func (a *Alias) C(name string) Col {
	if a.err != nil {
		return Col{Name: name, err: a.err}
	}
	c := a.table.lookup(name)
	if c == nil {
		return Col{Name: name, err: unknownField(a.table, name)}
	}
	return C(a.alias + "." + c.Name)
}

func (a *Alias) appendFrom(b *Builder) {
	if a.err != nil {
		b.SetErr(a.err)
		return
	}
	b.Ident(a.table.Name)
	b.WriteString(" AS ")
	b.Ident(a.alias)
}

// From makes the query select from item (a Subquery, CTE or Alias)
// instead of the model's table. Without Columns the query selects
// item.* and the row-returning methods scan columns into T by name.
func (s *SelectQuery[T]) From(item FromItem) *SelectQuery[T] {
	if item == nil {
		s.setErr(fmt.Errorf("orm: From(nil)"))
		return s
	}
	s.extra().source = item
	if c, ok := item.(*CTE); ok {
		s.addCTE(c)
	}
	return s
}

// JoinOn adds an INNER JOIN of item (an Alias, Subquery or CTE) on a
// condition.
func (s *SelectQuery[T]) JoinOn(item FromItem, on Expr) *SelectQuery[T] {
	if c, ok := item.(*CTE); ok {
		s.addCTE(c)
	}
	s.joins = append(s.joins, join{kind: "JOIN", item: item, on: on})
	return s
}

// LeftJoinOn adds a LEFT OUTER JOIN of item on a condition.
func (s *SelectQuery[T]) LeftJoinOn(item FromItem, on Expr) *SelectQuery[T] {
	if c, ok := item.(*CTE); ok {
		s.addCTE(c)
	}
	s.joins = append(s.joins, join{kind: "LEFT OUTER JOIN", item: item, on: on})
	return s
}

// appendSQL renders " KIND item ON cond".
func (j join) appendSQL(b *Builder) {
	if j.item == nil {
		b.SetErr(fmt.Errorf("orm: %s of nil", j.kind))
		return
	}
	b.WriteString(" " + j.kind + " ")
	j.item.appendFrom(b)
	if j.on == nil {
		b.SetErr(fmt.Errorf("orm: join of %s has no ON condition", j.item.Name()))
		return
	}
	b.WriteString(" ON ")
	j.on.AppendSQL(b)
}
