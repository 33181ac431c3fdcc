package orm

import (
	"context"
	"slices"
)

// writeAssociations deletes and inserts many-to-many association rows:
// rows of deleted objects with one DELETE ... IN per relationship, removed
// pairs one by one, added pairs with one multi-row INSERT per relationship.
func (u *unitOfWork) writeAssociations(ctx context.Context) error {
	seen := map[pairKey]bool{}
	var rels []*Relation
	whole := map[*Relation][]*objState{}
	for _, p := range u.pairsDel {
		if seen[p.key()] {
			continue
		}
		seen[p.key()] = true
		if p.right == nil {
			if whole[p.rel] == nil {
				rels = append(rels, p.rel)
			}
			whole[p.rel] = append(whole[p.rel], p.left)
			continue
		}
		if err := u.deletePair(ctx, p); err != nil {
			return err
		}
	}
	for _, r := range rels {
		if err := u.deleteAssociationsOf(ctx, r, whole[r]); err != nil {
			return err
		}
	}
	return u.insertPairs(ctx, seen)
}

// pairKey identifies an association row whichever side recorded it.
type pairKey struct {
	sec  *Table
	a, b *objState
}

// key normalises the pair so both relationship directions agree.
func (p assocPair) key() pairKey {
	j, _ := p.rel.join()
	if p.right == nil || j.secLocal[0].Name < j.secRemo[0].Name {
		return pairKey{j.sec, p.left, p.right}
	}
	return pairKey{j.sec, p.right, p.left}
}

// deletePair deletes one association row.
func (u *unitOfWork) deletePair(ctx context.Context, p assocPair) error {
	j, _ := p.rel.join()
	b := NewBuilder(u.q.Dialect())
	b.WriteString("DELETE FROM ")
	b.Ident(j.sec.Name)
	conds := keyMatch(u.q, j.secLocal, j.local, p.left)
	conds = append(conds, keyMatch(u.q, j.secRemo, j.remote, p.right)...)
	writeWhere(b, conds)
	_, err := u.q.ExecContext(ctx, b.String(), b.Args()...)
	return err
}

// deleteAssociationsOf deletes every association row of the deleted
// owners through r, 500 owners per statement.
func (u *unitOfWork) deleteAssociationsOf(ctx context.Context, r *Relation, owners []*objState) error {
	j, _ := r.join()
	for start := 0; start < len(owners); start += selectInBatch {
		batch := owners[start:min(start+selectInBatch, len(owners))]
		keys := make([][]any, len(batch))
		for i, st := range batch {
			keys[i] = colValues(st.val(), j.local)
		}
		b := NewBuilder(u.q.Dialect())
		b.WriteString("DELETE FROM ")
		b.Ident(j.sec.Name)
		writeWhere(b, []Expr{keysIn(b, j.sec, j.secLocal, keys)})
		if _, err := u.q.ExecContext(ctx, b.String(), b.Args()...); err != nil {
			return err
		}
	}
	return nil
}

// insertPairs inserts the added association rows not already handled,
// grouped by relationship.
func (u *unitOfWork) insertPairs(ctx context.Context, seen map[pairKey]bool) error {
	var rels []*Relation
	byRel := map[*Relation][]assocPair{}
	for _, p := range u.pairsAdd {
		if seen[p.key()] || p.left.status == statusDeleted || p.right.status == statusDeleted {
			continue
		}
		seen[p.key()] = true
		if byRel[p.rel] == nil {
			rels = append(rels, p.rel)
		}
		byRel[p.rel] = append(byRel[p.rel], p)
	}
	for _, r := range rels {
		pairs := byRel[r]
		for start := 0; start < len(pairs); start += selectInBatch {
			if err := u.insertPairBatch(ctx, r, pairs[start:min(start+selectInBatch, len(pairs))]); err != nil {
				return err
			}
		}
	}
	return nil
}

// insertPairBatch inserts association rows with one statement.
func (u *unitOfWork) insertPairBatch(ctx context.Context, r *Relation, pairs []assocPair) error {
	j, _ := r.join()
	b := NewBuilder(u.q.Dialect())
	b.WriteString("INSERT INTO ")
	b.Ident(j.sec.Name)
	b.WriteString(" (")
	for i, c := range append(slices.Clone(j.secLocal), j.secRemo...) {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Ident(c.Name)
	}
	b.WriteString(") VALUES ")
	for i, p := range pairs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("(")
		for k, v := range append(keyArgs(u.q, j.local, p.left), keyArgs(u.q, j.remote, p.right)...) {
			if k > 0 {
				b.WriteString(", ")
			}
			b.bind(v)
		}
		b.WriteString(")")
	}
	_, err := u.q.ExecContext(ctx, b.String(), b.Args()...)
	return err
}

// keyMatch returns secCol = value conditions for st's referenced columns.
func keyMatch(q Querier, secCols, refCols []*Column, st *objState) []Expr {
	args := keyArgs(q, refCols, st)
	conds := make([]Expr, len(secCols))
	for i, c := range secCols {
		conds[i] = C(c.Name).Eq(bound{args[i]})
	}
	return conds
}

// keyArgs returns driver values of st's columns cols.
func keyArgs(q Querier, cols []*Column, st *objState) []any {
	out := make([]any, len(cols))
	for i, c := range cols {
		out[i], _ = fieldArg(q, c, st.val())
	}
	return out
}
