package orm

import (
	"reflect"
	"unsafe"
)

// A returnSink receives the rows a bulk statement returns: whole objects
// (All) or Returning's columns (Into).
type returnSink interface {
	// exprs is the RETURNING list the sink reads.
	exprs() []Expr
	// start prepares for result columns names.
	start(names []string) error
	// next returns the Scan destinations of the next row.
	next() []any
	// keep records the row just scanned.
	keep()
	// object returns the row just scanned as a struct of the statement's
	// model when the sink reads whole objects.
	object() (reflect.Value, bool)
	// finish runs once every row is read, before the session is
	// synchronized (s is nil outside a session).
	finish(s *Session)
}

// objectSink reads whole objects of T.
type objectSink[T any] struct {
	table    *Table
	deleting bool // the rows are deleted: not added to the session
	scan     *scanner[T]
	cur      *T
	out      []*T
}

func (o *objectSink[T]) exprs() []Expr { return columnExprs(o.table.Columns) }

func (o *objectSink[T]) start(names []string) (err error) {
	o.scan, err = newScanner[T](o.table, names)
	return err
}

func (o *objectSink[T]) next() []any {
	o.cur = o.scan.alloc.next()
	base := unsafe.Pointer(o.cur)
	markUnloaded(o.table, base)
	for i, c := range o.scan.cols {
		o.scan.dest[i] = c.codec.destAt(unsafe.Add(base, c.offset))
	}
	return o.scan.dest
}

func (o *objectSink[T]) keep() { o.out = append(o.out, o.cur) }

func (o *objectSink[T]) object() (reflect.Value, bool) { return reflect.ValueOf(o.cur).Elem(), true }

// finish returns the session's objects: an updated row's object is mapped
// (and added when the session lacked it); a deleted row's is returned as
// itself when the session holds it.
func (o *objectSink[T]) finish(s *Session) {
	if s == nil {
		return
	}
	for i, obj := range o.out {
		k, ok := rowKey(o.table, reflect.ValueOf(obj).Elem())
		if !ok {
			continue
		}
		if st := s.identity.get(k); st != nil {
			if !o.deleting && st.expired {
				s.refreshFrom(st, reflect.ValueOf(obj).Elem())
			}
			// The session's object may be a subtype of T (inheritance):
			// hand out the T inside it.
			if p := modelPtr[T](st.obj); p != nil {
				o.out[i] = p
			}
			continue
		}
		// A row of a hierarchy may be a subtype's, which a T cannot
		// hold: it is returned detached rather than mapped as a T.
		if !o.deleting && o.table.inherit == nil {
			o.out[i] = s.mapLoaded(o.table, obj).(*T)
		}
	}
}

// intoSink reads Returning's columns into Rs, as Into does.
type intoSink[R any] struct {
	cols []Expr
	fill func(p unsafe.Pointer) []any
	cur  R
	out  []R
}

func (s *intoSink[R]) exprs() []Expr { return s.cols }

func (s *intoSink[R]) start(names []string) (err error) {
	s.fill, err = rowFiller[R](names)
	return err
}

func (s *intoSink[R]) next() []any {
	var zero R
	s.cur = zero
	return s.fill(unsafe.Pointer(&s.cur))
}

func (s *intoSink[R]) keep() { s.out = append(s.out, s.cur) }

func (s *intoSink[R]) object() (reflect.Value, bool) { return reflect.Value{}, false }

func (s *intoSink[R]) finish(*Session) {}
