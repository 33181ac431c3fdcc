package orm

import "fmt"

// JoinRelation adds an INNER JOIN along the model's relationship field
// name, with the ON clause from its foreign keys (through the
// association table of a many-to-many); SQLAlchemy's
// select(User).join(User.posts). An unknown name is an error before any
// SQL is sent.
func (s *SelectQuery[T]) JoinRelation(name string) *SelectQuery[T] {
	return s.joinRelation("JOIN", name, nil)
}

// LeftJoinRelation is JoinRelation with LEFT OUTER JOINs.
func (s *SelectQuery[T]) LeftJoinRelation(name string) *SelectQuery[T] {
	return s.joinRelation("LEFT OUTER JOIN", name, nil)
}

// JoinRelationAs joins the relationship's target under an alias made
// with Aliased, to join one table twice; SQLAlchemy's
// join(User.posts.of_type(alias)).
func (s *SelectQuery[T]) JoinRelationAs(name string, target *Alias) *SelectQuery[T] {
	return s.joinRelation("JOIN", name, target)
}

// joinRelation appends the joins of the relationship name.
func (s *SelectQuery[T]) joinRelation(kind, name string, alias *Alias) *SelectQuery[T] {
	if s.table == nil {
		return s
	}
	r := s.table.Relation(name)
	if r == nil {
		s.setErr(unknownRelation(s.table, name))
		return s
	}
	j, err := r.join()
	if err != nil {
		s.setErr(err)
		return s
	}
	var target FromItem = tableName(j.target.Name)
	if alias != nil {
		if alias.err == nil && alias.table != j.target {
			s.setErr(aliasMismatch(alias, j.target))
			return s
		}
		target = alias
	}
	owner := s.table.Name
	if s.source() != nil {
		owner = s.source().Name()
	}
	if j.kind == ManyToMany {
		s.joins = append(s.joins, join{kind, tableName(j.sec.Name), And(secCriteria(j, owner)...)})
		s.joins = append(s.joins, join{kind, target, And(targetSecCriteria(j, target.Name())...)})
		return s
	}
	s.joins = append(s.joins, join{kind, target, And(relCriteria(j, owner, target.Name())...)})
	return s
}

// secCriteria joins the owner to a many-to-many's association table.
func secCriteria(j *relationJoin, owner string) []Expr {
	out := make([]Expr, len(j.local))
	for i := range j.local {
		out[i] = colEq(j.sec.Name, j.secLocal[i], owner, j.local[i])
	}
	return out
}

// targetSecCriteria joins the target to the association table.
func targetSecCriteria(j *relationJoin, target string) []Expr {
	out := make([]Expr, len(j.remote))
	for i := range j.remote {
		out[i] = colEq(target, j.remote[i], j.sec.Name, j.secRemo[i])
	}
	return out
}

// aliasMismatch reports an alias of another model than the target.
func aliasMismatch(a *Alias, target *Table) error {
	return fmt.Errorf("orm: alias %s is of table %s, not the relationship's target %s", a.alias, a.table.Name, target.Name)
}
