package orm

import (
	"context"
	"database/sql"
	"fmt"
	"reflect"
	"slices"
)

// renderSelectIn writes the loader query.
func renderSelectIn(b *Builder, t, keyTable *Table, keyCols []*Column, keys [][]any, opt *LoadOption, via *relationJoin) {
	b.WriteString("SELECT ")
	if via != nil {
		for _, c := range keyCols {
			b.Ident(keyTable.Name + "." + c.Name)
			b.WriteString(", ")
		}
	}
	for i, c := range t.Columns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Ident(t.Name + "." + c.Name)
	}
	b.WriteString(" FROM ")
	appendModelFrom(b, t) // a joined subtype's tables, named like its own
	if via != nil {
		b.WriteString(" JOIN ")
		b.Ident(via.sec.Name)
		b.WriteString(" ON ")
		var on []Expr
		for i, c := range via.secRemo {
			on = append(on, Binary{C(via.sec.Name + "." + c.Name), "=", C(t.Name + "." + via.remote[i].Name)})
		}
		And(on...).AppendSQL(b)
	}
	conds := []Expr{keysIn(b, keyTable, keyCols, keys)}
	var order []any
	if opt != nil {
		conds = append(conds, opt.where...)
		order = opt.orderBy
	}
	writeWhere(b, conds)
	writeOrder(b, t, order)
}

// keysIn renders key IN (...) or, for composite keys, ORs of ANDs.
func keysIn(b *Builder, t *Table, cols []*Column, keys [][]any) Expr {
	if len(cols) == 1 {
		vals := make([]any, len(keys))
		for i, k := range keys {
			vals[i] = bindKey(b, cols[0], k[0])
		}
		return boundIn{C(t.Name + "." + cols[0].Name), vals}
	}
	ors := make([]Expr, len(keys))
	for i, k := range keys {
		ands := make([]Expr, len(cols))
		for j, c := range cols {
			ands[j] = C(t.Name + "." + c.Name).Eq(bound{bindKey(b, c, k[j])})
		}
		ors[i] = And(ands...)
	}
	return Or(ors...)
}

// boundIn is "col IN (...)" over driver values that are bound as they
// are, without boxing each one as an Expr.
type boundIn struct {
	col  Col
	vals []any
}

// AppendSQL renders the list; an empty one is false.
func (e boundIn) AppendSQL(b *Builder) {
	if len(e.vals) == 0 {
		b.WriteString("1 = 0")
		return
	}
	e.col.AppendSQL(b)
	b.WriteString(" IN (")
	b.args = slices.Grow(b.args, len(e.vals))
	for i, v := range e.vals {
		if i > 0 {
			b.WriteString(", ")
		}
		b.bind(v)
	}
	b.WriteString(")")
}

// bindKey converts a key field value to a driver value for column c.
func bindKey(b *Builder, c *Column, v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return nil
		}
		v = rv.Elem().Interface()
	}
	arg, err := bindArg(b.Dialect(), c.Type.Kind, v)
	if err != nil {
		b.SetErr(err)
	}
	return arg
}

// writeOrder renders ORDER BY keys resolved against t.
func writeOrder(b *Builder, t *Table, keys []any) {
	if len(keys) == 0 {
		return
	}
	exprs := make([]Expr, 0, len(keys))
	for _, k := range keys {
		e, err := orderKey(t, k)
		if err != nil {
			b.SetErr(err)
			return
		}
		exprs = append(exprs, e)
	}
	b.WriteString(" ORDER BY ")
	b.list(exprs, ", ")
}

// scanFound scans loader rows into new objects of t, mapped through the
// identity map; rows start with keyTable's key columns when keyTable is
// an association table.
func (s *Session) scanFound(ctx context.Context, q Querier, t, keyTable *Table, rows *sql.Rows, keyCols []*Column) ([]foundRow, error) {
	return s.scanKeyed(ctx, q, t, keyTable, keyTable != t, rows, keyCols)
}

// scanKeyed is scanFound with the leading key columns (of keyTable)
// present when keyed is set, as in a subquery load's rows.
func (s *Session) scanKeyed(ctx context.Context, q Querier, t, keyTable *Table, keyed bool, rows *sql.Rows, keyCols []*Column) ([]foundRow, error) {
	objs, keyRows, err := scanRows(t, keyTable, keyed, rows, keyCols)
	if err != nil {
		return nil, err
	}
	if err := translate(q.Dialect(), rows.Err()); err != nil {
		return nil, err
	}
	s.reserve(t, len(objs))
	out := make([]foundRow, len(objs))
	for i, obj := range objs {
		st := s.mapState(t, obj)
		if st == nil {
			return nil, fmt.Errorf("orm: loaded %s row has a NULL primary key", t.Name)
		}
		mapped := st.obj
		var key identityKey
		if keyRows != nil {
			key, _ = keyFields(t, keyRows[i], keyCols)
		} else {
			key, _ = keyFields(t, st.val(), keyCols)
		}
		if err := callHook(ctx, mapped, AfterLoader.AfterLoad); err != nil {
			return nil, err
		}
		out[i] = foundRow{st, key}
	}
	return out, nil
}

// scanRows reads every row into a new *t (and, when keyed, its leading
// key columns into a keyTable struct), closing rows.
func scanRows(t, keyTable *Table, keyed bool, rows *sql.Rows, keyCols []*Column) (objs []any, keyRows []reflect.Value, err error) {
	defer rows.Close()
	nk := 0
	if keyed {
		nk = len(keyCols)
	}
	dest := make([]any, nk+len(t.Columns))
	alloc := valueChunk{typ: t.model}
	for rows.Next() {
		obj := alloc.next()
		markUnloaded(t, obj.UnsafePointer())
		if nk > 0 {
			keyRow := reflect.New(keyTable.model).Elem()
			for i := range nk {
				dest[i] = keyCols[i].codec.scanDest(fieldByIndex(keyRow, keyCols[i].index))
			}
			keyRows = append(keyRows, keyRow)
		}
		for i, c := range t.Columns {
			dest[nk+i] = c.codec.scanDest(fieldByIndex(obj.Elem(), c.index))
		}
		if err := rows.Scan(dest...); err != nil {
			return nil, nil, fmt.Errorf("orm: scan %s: %w", t.model, err)
		}
		objs = append(objs, obj.Interface())
	}
	return objs, keyRows, nil
}
