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
// columns changed, root first; unchanged tables get no statement, except
// the one holding a version column, whose version any change bumps.
func (u *unitOfWork) updateParts(ctx context.Context, st *objState, parts []*Table, cols []*Column) error {
	for _, p := range parts {
		var mine []*Column
		for _, c := range cols {
			if !c.PrimaryKey && p.Column(c.Name) == c {
				mine = append(mine, c)
			}
		}
		if len(mine) == 0 && (p.version == nil || post(u, st)) { // the version's table is bumped by any change
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

// insertGroups inserts each table's pending rows in order; the rows of a
// joined-inheritance hierarchy are inserted together when its first table
// comes up (insertJoined).
func (u *unitOfWork) insertGroups(ctx context.Context, groups [][]*objState) error {
	done := map[*hierarchy]bool{}
	for _, rows := range groups {
		h := joinedHierarchy(rows)
		switch {
		case h == nil:
			if err := u.insertTable(ctx, rows); err != nil {
				return err
			}
		case !done[h]:
			done[h] = true
			if err := u.insertJoined(ctx, u.hierarchyRows(h, groups)); err != nil {
				return err
			}
		}
	}
	return nil
}

// joinedHierarchy returns the joined-table hierarchy of rows' table.
func joinedHierarchy(rows []*objState) *hierarchy {
	if len(rows) == 0 || rows[0].table.inherit == nil {
		return nil
	}
	info := rows[0].table.inherit
	if info.h == nil || info.h.mode != inheritJoined {
		return nil
	}
	return info.h
}

// hierarchyRows returns the pending rows of h's models in the order they
// were added.
func (u *unitOfWork) hierarchyRows(h *hierarchy, groups [][]*objState) []*objState {
	var out []*objState
	for _, rows := range groups {
		if joinedHierarchy(rows) == h {
			out = append(out, rows...)
		}
	}
	pos := make(map[*objState]int, len(u.s.pending))
	for i, st := range u.s.pending {
		pos[st] = i
	}
	slices.SortStableFunc(out, func(a, b *objState) int { return pos[a] - pos[b] })
	return out
}

// insertJoined inserts a joined-table hierarchy's rows as SQLAlchemy
// does: every base-table row first, in the order the objects were added
// (one multi-row INSERT per run of one model), then the next level of
// tables, parents before children, each row reusing its generated key.
func (u *unitOfWork) insertJoined(ctx context.Context, rows []*objState) error {
	for _, st := range rows {
		u.syncKeys(st, false)
		if err := prepareInsert(ctx, st); err != nil {
			return err
		}
	}
	for level := 0; ; level++ {
		runs := levelRuns(rows, level)
		if len(runs) == 0 {
			break
		}
		for _, run := range runs {
			vals := make([]reflect.Value, len(run.rows))
			for i, st := range run.rows {
				vals[i] = st.val()
			}
			if err := insertValues(ctx, u.q, run.table, vals); err != nil {
				return err
			}
		}
	}
	for _, st := range rows {
		if err := u.afterInsert(ctx, st); err != nil {
			return err
		}
	}
	return nil
}

// A levelRun is rows of one model written to one table in one INSERT.
type levelRun struct {
	table *Table
	rows  []*objState
}

// levelRuns returns the INSERTs of one level of a joined hierarchy: level
// 0 is the base table, in runs of consecutive rows of one model (so keys
// follow the order of adding); deeper levels group each model's rows.
func levelRuns(rows []*objState, level int) []levelRun {
	var runs []levelRun
	for _, st := range rows {
		t := levelTable(st.table, level)
		if t == nil {
			continue
		}
		if level == 0 && len(runs) > 0 && runs[len(runs)-1].table == t {
			runs[len(runs)-1].rows = append(runs[len(runs)-1].rows, st)
			continue
		}
		if i := slices.IndexFunc(runs, func(r levelRun) bool { return r.table == t }); level > 0 && i >= 0 {
			runs[i].rows = append(runs[i].rows, st)
			continue
		}
		runs = append(runs, levelRun{t, []*objState{st}})
	}
	return runs
}

// levelTable returns the table model t writes at level: its parts, or
// the root model's own table at level 0.
func levelTable(t *Table, level int) *Table {
	parts := joinedParts(t)
	switch {
	case parts == nil && level == 0:
		return t
	case level < len(parts):
		return parts[level]
	}
	return nil
}
