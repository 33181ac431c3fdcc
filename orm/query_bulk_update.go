package orm

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
)

// A BulkUpdateQuery is SQLAlchemy 2.0's ORM bulk UPDATE by primary key,
// session.execute(update(User), [{"id": 1, "name": "a"}, ...]): each row
// names its primary key and the columns to set, and is written with
// UPDATE t SET ... WHERE <key> = ?. Rows setting the same columns share
// one statement text, run once per row (an executemany). Build it with
// BulkUpdate, add rows with Values or Objects, run it with Exec.
type BulkUpdateQuery[T any] struct {
	q      Querier
	table  *Table
	err    error
	rows   []bulkRow
	where  []Expr
	noSync bool
}

// bulkRow is one row of a bulk update: a struct of the model holding the
// key and the values, the columns to set in the table's order, and the
// SQL expressions given instead of values.
type bulkRow struct {
	val    reflect.Value
	cols   []*Column
	exprs  map[*Column]Expr
	params map[string]any // names that are no column: values of BindParams
}

// BulkUpdate starts an ORM bulk UPDATE by primary key of model T's rows.
func BulkUpdate[T any](q Querier) *BulkUpdateQuery[T] {
	t, err := tableOf[T]()
	if err == nil && joinedParts(t) != nil {
		err = fmt.Errorf("orm: bulk UPDATE of the joined-table subtype %s is not supported: its columns span tables %s", t.model, partNames(t))
	}
	return &BulkUpdateQuery[T]{q: routeQuerier(q, t), table: t, err: err}
}

// Values adds rows given as maps of Go field or column names to values:
// each map holds every primary key column (matched, never set) and the
// columns to set. A value may be an Expr such as orm.SQL("age + ?", 1).
// A missing key, an unknown name or a value of the wrong type is an error
// before any SQL is sent.
func (b *BulkUpdateQuery[T]) Values(rows ...map[string]any) *BulkUpdateQuery[T] {
	for _, m := range rows {
		if b.err != nil {
			break
		}
		r, err := b.mapRow(m, len(b.rows))
		if err != nil {
			b.err = err
			break
		}
		b.rows = append(b.rows, r)
	}
	return b
}

// Objects adds rows given as structs holding their primary key: fields
// names the Go fields or columns to set (every column that is not part of
// the key when none is named). A zero key is an error before any SQL is
// sent.
func (b *BulkUpdateQuery[T]) Objects(objs []*T, fields ...string) *BulkUpdateQuery[T] {
	if b.err != nil {
		return b
	}
	cols, err := b.setColumns(fields)
	if err != nil {
		b.err = err
		return b
	}
	for _, o := range objs {
		if o == nil {
			b.err = fmt.Errorf("orm: bulk update of %s row %d: nil object", b.table.Name, len(b.rows)+1)
			return b
		}
		v := reflect.ValueOf(o).Elem()
		if _, ok := rowKey(b.table, v); !ok {
			b.err = b.noKeyError(len(b.rows))
			return b
		}
		b.rows = append(b.rows, bulkRow{val: snapshot(b.table, v), cols: cols})
	}
	return b
}

// Where adds conditions joined with AND to every row's key condition, as
// update(User).where(...) with rows in SQLAlchemy: a row they exclude is
// left alone, and the count of matched rows is then not checked.
func (b *BulkUpdateQuery[T]) Where(conds ...Expr) *BulkUpdateQuery[T] {
	b.where = append(b.where, conds...)
	return b
}

// SynchronizeSession sets whether Exec through a session updates the
// session's objects of the rows (default true): each such object gets the
// values set, which are no longer unflushed changes, and an object of a
// row set with an Expr is expired.
func (b *BulkUpdateQuery[T]) SynchronizeSession(on bool) *BulkUpdateQuery[T] {
	b.noSync = !on
	return b
}

// setColumns resolves the names of columns to set for Objects.
func (b *BulkUpdateQuery[T]) setColumns(fields []string) ([]*Column, error) {
	if len(fields) == 0 {
		var out []*Column
		for _, c := range b.table.Columns {
			if !c.PrimaryKey && !c.version && c.codec != nil {
				out = append(out, c)
			}
		}
		return out, nil
	}
	set := map[*Column]bool{}
	for _, f := range fields {
		c := b.table.lookup(f)
		if c == nil {
			return nil, unknownField(b.table, f)
		}
		if c.PrimaryKey || c.version {
			return nil, fmt.Errorf("orm: bulk update of %s cannot set %s: it identifies the row", b.table.Name, c.Name)
		}
		set[c] = true
	}
	return orderedColumns(b.table, set), nil
}

// orderedColumns returns the columns of set in the table's order.
func orderedColumns(t *Table, set map[*Column]bool) []*Column {
	var out []*Column
	for _, c := range t.Columns {
		if set[c] {
			out = append(out, c)
		}
	}
	return out
}

// mapRow converts one map into a bulkRow.
func (b *BulkUpdateQuery[T]) mapRow(m map[string]any, i int) (bulkRow, error) {
	t := b.table
	r := bulkRow{val: reflect.New(t.model).Elem()}
	set, keys, named := map[*Column]bool{}, map[*Column]bool{}, map[*Column]string{}
	for name, v := range m {
		c := t.lookup(name)
		if c == nil { // a BindParam's value, or an unknown name (checked by Exec)
			if r.params == nil {
				r.params = map[string]any{}
			}
			r.params[name] = v
			continue
		}
		if prev, dup := named[c]; dup {
			return r, fmt.Errorf("orm: bulk update of %s row %d names column %s twice (%q and %q)", t.Name, i+1, c.Name, min(prev, name), max(prev, name))
		}
		named[c] = name
		if e, ok := v.(Expr); ok && !c.PrimaryKey && !c.version {
			if r.exprs == nil {
				r.exprs = map[*Column]Expr{}
			}
			r.exprs[c] = e
		} else if err := setFieldValue(fieldByIndex(r.val, c.index), v); err != nil {
			return r, fmt.Errorf("orm: bulk update of %s row %d: %s: %w", t.Name, i+1, name, err)
		}
		switch {
		case c.PrimaryKey:
			keys[c] = true
		case !c.version:
			set[c] = true
		}
	}
	if len(keys) < len(t.pk) {
		return r, b.noKeyError(i)
	}
	if vc := t.version; vc != nil && !hasName(m, vc) {
		return r, fmt.Errorf("orm: bulk update of %s row %d: no value for the version column %s, which the row is matched on", t.Name, i+1, vc.Name)
	}
	if len(set) == 0 && r.params == nil { // with other names, Exec tells which is wrong
		return r, errSetsNothing(t, i)
	}
	r.cols = orderedColumns(t, set)
	return r, nil
}

// hasName reports whether m names column c (by column or field name).
func hasName(m map[string]any, c *Column) bool {
	_, a := m[c.Name]
	_, f := m[c.Field]
	return a || f
}

// noKeyError is SQLAlchemy's "No primary key value supplied" error.
func (b *BulkUpdateQuery[T]) noKeyError(i int) error {
	var names []string
	for _, c := range b.table.pk {
		names = append(names, b.table.Name+"."+c.Name)
	}
	return fmt.Errorf("orm: bulk update of %s row %d: no primary key value supplied for %s; bulk UPDATE by primary key requires that every row holds its primary key",
		b.table.Name, i+1, strings.Join(names, ", "))
}

// setFieldValue assigns v to the field f: a value of the field's type,
// of its element type for a pointer field, a number of another numeric
// kind, or nil for a field whose zero value is NULL.
func setFieldValue(f reflect.Value, v any) error {
	if v == nil {
		switch f.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			f.Set(reflect.Zero(f.Type()))
			return nil
		}
		if f.Kind() == reflect.Struct { // sql.Null[T], sql.NullString, ...: invalid is NULL
			if vf, ok := f.Type().FieldByName("Valid"); ok && vf.Type.Kind() == reflect.Bool {
				f.Set(reflect.Zero(f.Type()))
				return nil
			}
		}
		return fmt.Errorf("nil for a %s field, which cannot hold NULL", f.Type())
	}
	rv := reflect.ValueOf(v)
	switch {
	case rv.Type().AssignableTo(f.Type()):
		f.Set(rv)
	case f.Kind() == reflect.Pointer && rv.Type().AssignableTo(f.Type().Elem()):
		p := reflect.New(f.Type().Elem())
		p.Elem().Set(rv)
		f.Set(p)
	case isNumber(rv.Kind()) && isNumber(f.Kind()) && rv.CanConvert(f.Type()):
		f.Set(rv.Convert(f.Type()))
	case rv.Kind() == reflect.String && f.Kind() == reflect.String:
		f.SetString(rv.String())
	default:
		return fmt.Errorf("got %T, want %s", v, f.Type())
	}
	return nil
}

// isNumber reports whether k is an integer or float kind.
func isNumber(k reflect.Kind) bool {
	return k >= reflect.Int && k <= reflect.Float64
}

// Exec autoflushes a session, then runs one UPDATE per row, rows setting
// the same columns sharing the statement text, and returns the number of
// rows matched. Without Where, a row that matches nothing is a
// *StaleDataError (SQLAlchemy checks the count the same way). Through a
// session, the session's objects of the rows that matched are
// synchronized; a row Where excluded leaves its object as it is (see
// SynchronizeSession). onupdate columns are assigned in every row, as
// update() does, but the objects keep their old values of them, as in
// SQLAlchemy.
func (b *BulkUpdateQuery[T]) Exec(ctx context.Context) (int64, error) {
	if b.err != nil || len(b.rows) == 0 {
		return 0, b.err
	}
	if err := b.checkParams(); err != nil {
		return 0, err
	}
	q := b.q
	s, inSession := q.(*Session)
	if inSession {
		var err error
		if _, err = s.prepareQuery(ctx); err != nil {
			return 0, err
		}
		if q, err = s.conn(ctx); err != nil {
			return 0, err
		}
	}
	matched, err := b.execRows(ctx, q)
	if err != nil {
		return 0, err
	}
	var total int64
	for i, n := range matched {
		total += n
		if inSession && !b.noSync && n > 0 { // a row Where excluded changed nothing
			s.syncBulkRow(b.table, b.rows[i])
		}
	}
	return total, nil
}

// execRows runs every row's UPDATE, in a transaction of its own on a
// *DB so that a failing row leaves no row updated, and returns the number
// of rows each matched.
func (b *BulkUpdateQuery[T]) execRows(ctx context.Context, q Querier) (matched []int64, err error) {
	if db, ok := q.(*DB); ok {
		var tx *Tx
		if tx, err = db.Begin(ctx, nil); err != nil {
			return nil, err
		}
		defer func() {
			if err != nil {
				_ = tx.Rollback()
				return
			}
			err = tx.Commit()
		}()
		q = tx
	}
	matched = make([]int64, len(b.rows))
	for i, r := range b.rows {
		if matched[i], err = b.execRow(ctx, q, r); err != nil {
			return nil, err
		}
	}
	return matched, nil
}

// execRow runs the UPDATE of one row.
func (b *BulkUpdateQuery[T]) execRow(ctx context.Context, q Querier, r bulkRow) (int64, error) {
	query, args, err := b.renderRow(q, r)
	if err != nil {
		return 0, err
	}
	n, err := rowsAffected(q.ExecContext(ctx, query, args...))
	if err == nil && n == 0 && len(b.where) == 0 {
		err = &StaleDataError{Table: b.table.Name, Op: "UPDATE", Key: colValues(r.val, b.table.pk)}
	}
	return n, err
}

// renderRow renders the UPDATE of one row: its columns, the onupdate
// columns it does not set, and the version column's next value; WHERE its
// key (and version) and the query's conditions.
func (b *BulkUpdateQuery[T]) renderRow(q Querier, r bulkRow) (string, []any, error) {
	t := b.table
	bld := NewBuilder(q.Dialect())
	bld.params = &bindValues{vals: r.params}
	bld.WriteString("UPDATE ")
	bld.Ident(t.Name)
	bld.WriteString(" SET ")
	var sets []pair
	for i, c := range r.cols {
		if i > 0 {
			bld.WriteString(", ")
		}
		bld.Ident(c.Name)
		bld.WriteString(" = ")
		sets = append(sets, pair{name: c.Name})
		if e := r.exprs[c]; e != nil {
			e.AppendSQL(bld)
			continue
		}
		arg, err := fieldArg(q, c, r.val)
		if err != nil {
			return "", nil, fmt.Errorf("orm: bulk update %s.%s: %w", t.Name, c.Name, err)
		}
		bld.bind(arg)
	}
	onUpdate, err := onUpdateSets(q.Dialect(), t, sets)
	if err != nil {
		return "", nil, err
	}
	for _, s := range onUpdate {
		bld.WriteString(", ")
		bld.Ident(s.name)
		bld.WriteString(" = ")
		bld.bind(s.value)
	}
	conds := make([]Expr, 0, len(t.pk)+1+len(b.where))
	for _, c := range t.pk {
		arg, err := fieldArg(q, c, r.val)
		if err != nil {
			return "", nil, fmt.Errorf("orm: bulk update %s.%s: %w", t.Name, c.Name, err)
		}
		conds = append(conds, C(c.Name).Eq(bound{arg}))
	}
	if vc := t.version; vc != nil {
		f := fieldByIndex(r.val, vc.index)
		bld.WriteString(", ")
		bld.Ident(vc.Name)
		bld.WriteString(" = ")
		bld.bind(f.Int() + 1)
		conds = append(conds, C(vc.Name).Eq(bound{f.Int()}))
	}
	writeWhere(bld, bulkWhere(bld, t, append(conds, b.where...)))
	return bld.String(), bld.Args(), bld.Err()
}

// syncBulkRow gives the session's persistent object of a bulk-updated
// row the values the row set, as SQLAlchemy's bulk synchronization does;
// the values are then its loaded state. A row that set a column with an
// Expr expires the object instead (its values are in the database only).
func (s *Session) syncBulkRow(t *Table, r bulkRow) {
	st := s.heldState(t, r.val)
	if st == nil || st.status != statusPersistent {
		return
	}
	if len(r.exprs) > 0 {
		st.expire()
		return
	}
	cur, loaded := st.val(), snapshot(t, st.loaded)
	for _, c := range r.cols {
		v := fieldByIndex(r.val, c.index)
		fieldByIndex(cur, c.index).Set(deepCopy(v))
		fieldByIndex(loaded, c.index).Set(deepCopy(v))
	}
	if vc := t.version; vc != nil { // the row's version, bumped
		next := fieldByIndex(r.val, vc.index).Int() + 1
		setInt(fieldByIndex(cur, vc.index), next)
		setInt(fieldByIndex(loaded, vc.index), next)
	}
	st.loaded = loaded
}

// checkParams checks, before any SQL, that each row's names that are no
// column are BindParams of the statement, and that each row supplies a
// value for every BindParam.
func (b *BulkUpdateQuery[T]) checkParams() error {
	used := map[string]bool{}
	probe := NewBuilder(b.q.Dialect())
	probe.params = &bindValues{used: used}
	probe.list(b.where, " AND ")
	for _, r := range b.rows {
		for _, e := range r.exprs {
			e.AppendSQL(probe)
		}
	}
	need := make([]string, 0, len(used))
	for n := range used {
		need = append(need, n)
	}
	sort.Strings(need)
	for i, r := range b.rows {
		names := make([]string, 0, len(r.params))
		for n := range r.params {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if !used[n] {
				return fmt.Errorf("orm: bulk update of %s row %d: %w", b.table.Name, i+1, unknownField(b.table, n))
			}
		}
		for _, n := range need {
			if _, ok := r.params[n]; !ok {
				return fmt.Errorf("orm: bulk update of %s row %d: no value for BindParam(%q)", b.table.Name, i+1, n)
			}
		}
		if len(r.cols) == 0 {
			return errSetsNothing(b.table, i)
		}
	}
	return nil
}

// errSetsNothing is the error of row i that sets no column.
func errSetsNothing(t *Table, i int) error {
	return fmt.Errorf("orm: bulk update of %s row %d sets no columns", t.Name, i+1)
}
