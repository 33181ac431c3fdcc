package orm

import (
	"context"
	"iter"
	"reflect"
	"slices"
)

// insertParts inserts joined-inheritance rows table by table, root first:
// the root's INSERT generates the key, which the later tables' rows reuse
// (their key columns are the same struct fields).
func insertParts(ctx context.Context, q Querier, parts []*Table, vals []reflect.Value) error {
	for _, p := range parts {
		if err := insertValues(ctx, q, p, vals); err != nil {
			return err
		}
	}
	return nil
}

// updateParts updates the tables of a joined-inheritance row whose
// columns changed, root first; unchanged tables get no statement.
func (u *unitOfWork) updateParts(ctx context.Context, st *objState, parts []*Table, cols []*Column) error {
	for _, p := range parts {
		var mine []*Column
		for _, c := range cols {
			if !c.PrimaryKey && p.Column(c.Name) == c {
				mine = append(mine, c)
			}
		}
		if len(mine) == 0 {
			continue
		}
		if err := u.execUpdateIn(ctx, st, p, mine); err != nil {
			return err
		}
	}
	return nil
}

// deleteTables returns the tables a row of t is deleted from: t's own, or
// for joined inheritance the subtype's tables first and the root's last.
func deleteTables(t *Table) []*Table {
	parts := joinedParts(t)
	if parts == nil {
		return []*Table{t}
	}
	out := slices.Clone(parts)
	slices.Reverse(out)
	return out
}

// iterPolymorphic streams a polymorphic query's rows; the rows are read
// at once, as each needs its model's columns from several tables.
func iterPolymorphic[T any](ctx context.Context, s *SelectQuery[T], p *polyPlan) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		rows, err := s.allPolymorphic(ctx, p)
		if err != nil {
			yield(nil, err)
			return
		}
		for _, r := range rows {
			if !yield(r, nil) {
				return
			}
		}
	}
}
