package orm

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
)

// joinedRelations returns the to-one relationships the query loads with a
// LEFT OUTER JOIN: first path segments of JoinedLoad options and
// relationships declared lazy:"joined".
func (s *SelectQuery[T]) joinedRelations() []*Relation {
	if s.table == nil || len(s.columns) > 0 {
		return nil
	}
	var out []*Relation
	add := func(r *Relation) {
		if r != nil && !r.many && r.Err() == nil && !containsRel(out, r) {
			out = append(out, r)
		}
	}
	for _, o := range s.loads {
		if o.strategy == LazyJoined {
			add(s.table.Relation(o.path[0]))
		}
	}
	for _, r := range s.table.relations {
		if r.Lazy == LazyJoined {
			add(r)
		}
	}
	return out
}

// containsRel reports whether list holds r.
func containsRel(list []*Relation, r *Relation) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

// joinAlias is the alias of the i-th joined relationship's table.
func joinAlias(r *Relation, i int) string {
	j, _ := r.join()
	return fmt.Sprintf("%s_%d", j.target.Name, i+1)
}

// joinedSQL renders the query with the joined relationships' columns
// after the model's and a LEFT OUTER JOIN per relationship. Unqualified
// column names in Where may become ambiguous: qualify them ("post.title").
func (s *SelectQuery[T]) joinedSQL(js []*Relation) (string, []any, error) {
	if s.err != nil {
		return "", nil, s.err
	}
	b := NewBuilder(s.q.Dialect())
	b.WriteString("SELECT ")
	if s.distinct {
		b.WriteString("DISTINCT ")
	}
	s.selectList(b)
	for i, r := range js {
		j, _ := r.join()
		for _, c := range j.target.Columns {
			b.WriteString(", ")
			b.Ident(joinAlias(r, i) + "." + c.Name)
		}
	}
	b.WriteString(" FROM ")
	b.Ident(s.table.Name)
	for i, r := range js {
		writeJoin(b, s.table, r, joinAlias(r, i))
	}
	s.restOfFrom(b)
	s.tail(b)
	return b.String(), b.Args(), b.Err()
}

// writeJoin renders LEFT OUTER JOIN target AS alias ON alias.key = t.fk.
func writeJoin(b *Builder, t *Table, r *Relation, alias string) {
	j, _ := r.join()
	b.WriteString(" LEFT OUTER JOIN ")
	b.Ident(j.target.Name)
	b.WriteString(" AS ")
	b.Ident(alias)
	b.WriteString(" ON ")
	on := make([]Expr, len(j.local))
	for i := range j.local {
		on[i] = Binary{C(alias + "." + j.remote[i].Name), "=", C(t.Name + "." + j.local[i].Name)}
	}
	And(on...).AppendSQL(b)
}

// restOfFrom renders the query's own joins, WHERE, GROUP BY and HAVING.
func (s *SelectQuery[T]) restOfFrom(b *Builder) {
	for _, jn := range s.joins {
		b.WriteString(" " + jn.kind + " ")
		b.Ident(jn.table)
		if jn.on != nil {
			b.WriteString(" ON ")
			jn.on.AppendSQL(b)
		}
	}
	writeWhere(b, s.where)
	if len(s.groupBy) > 0 {
		b.WriteString(" GROUP BY ")
		b.list(s.groupBy, ", ")
	}
	if len(s.having) > 0 {
		b.WriteString(" HAVING ")
		And(s.having...).AppendSQL(b)
	}
}

// allJoined runs the joined query, builds owners and their to-one
// targets, then runs the remaining loader options.
func (s *SelectQuery[T]) allJoined(ctx context.Context, js []*Relation) ([]*T, error) {
	query, args, err := s.joinedSQL(js)
	if err != nil {
		return nil, err
	}
	rows, err := s.q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	sess, ok := s.q.(*Session)
	if !ok {
		sess = &Session{fix: s.q, identity: identityMap{}, byObj: map[any]*objState{}}
	}
	out, err := scanJoined[T](ctx, sess, s.table, js, rows)
	if err != nil {
		return nil, err
	}
	if out, err = loadedObjects(ctx, sess, s.table, out, s.loads); err != nil {
		return nil, err
	}
	return out, afterLoad(ctx, out)
}

// joinedRow holds one row's scan destinations for a joined relationship:
// a **F holder per target column (nil after the scan for NULL).
type joinedRow struct {
	rel     *Relation
	target  *Table
	holders []reflect.Value
	dests   []any
}

// scanJoined reads owner rows and their joined targets.
func scanJoined[T any](ctx context.Context, sess *Session, t *Table, js []*Relation, rows *sql.Rows) ([]*T, error) {
	defer rows.Close()
	var out []*T
	for rows.Next() {
		obj := new(T)
		v := reflect.ValueOf(obj).Elem()
		dest := make([]any, 0, len(t.Columns))
		for _, c := range t.Columns {
			dest = append(dest, c.codec.scanDest(fieldByIndex(v, c.index)))
		}
		jr := make([]joinedRow, len(js))
		for i, r := range js {
			jr[i] = newJoinedRow(r)
			dest = append(dest, jr[i].dests...)
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("orm: scan %s: %w", t.model, err)
		}
		mapped := sess.mapLoaded(t, obj).(*T)
		if err := attachJoined(ctx, sess, sess.byObj[any(mapped)], jr); err != nil {
			return nil, err
		}
		out = append(out, mapped)
	}
	return out, translate(sess.Dialect(), rows.Err())
}

// newJoinedRow allocates nullable holders for r's target columns.
func newJoinedRow(r *Relation) joinedRow {
	j, _ := r.join()
	n := len(j.target.Columns)
	jr := joinedRow{rel: r, target: j.target, holders: make([]reflect.Value, n), dests: make([]any, n)}
	zero := reflect.New(j.target.model).Elem()
	for i, c := range j.target.Columns {
		h := reflect.New(reflect.PointerTo(fieldByIndex(zero, c.index).Type()))
		jr.holders[i] = h
		jr.dests[i] = c.codec.scanDest(h.Elem())
	}
	return jr
}

// attachJoined builds each joined target (absent when its key is NULL)
// and sets the owner's relationship.
func attachJoined(ctx context.Context, sess *Session, owner *objState, jrs []joinedRow) error {
	for _, jr := range jrs {
		if owner == nil || owner.relLoaded(jr.rel) {
			continue
		}
		target, err := buildJoined(ctx, sess, jr)
		if err != nil {
			return err
		}
		var items []any
		if target != nil {
			items = []any{target}
		}
		sess.setLoaded(owner, jr.rel, items)
	}
	return nil
}

// buildJoined turns holders into a mapped target object, or nil.
func buildJoined(ctx context.Context, sess *Session, jr joinedRow) (any, error) {
	obj := reflect.New(jr.target.model)
	for i, c := range jr.target.Columns {
		p := jr.holders[i].Elem()
		if p.IsNil() {
			if c.PrimaryKey {
				return nil, nil
			}
			continue
		}
		fieldByIndex(obj.Elem(), c.index).Set(p.Elem())
	}
	mapped := sess.mapLoaded(jr.target, obj.Interface())
	return mapped, callHook(ctx, mapped, AfterLoader.AfterLoad)
}
