package orm

import (
	"fmt"
	"reflect"
	"strings"
	"unsafe"
)

// Query returns a query of the relationship's rows: SELECT target.*
// WHERE target.fk = owner's key (one-to-many), or joined through the
// association table (many-to-many), sorted by the relationship's
// order_by. Filter, sort, count and paginate it like any Select. The
// owner is found in the session q (which must hold it), or is the object
// it was read into by any query. A pending owner must be flushed first:
// its key is not assigned yet. Queued Add and Remove calls are written
// by the session's autoflush before the query runs.
func (d *Dynamic[T]) Query(q Querier) *SelectQuery[T] {
	sel := Select[T](q)
	if sel.err != nil {
		return sel
	}
	owner, st, err := d.findOwner(q)
	if err != nil {
		sel.setErr(err)
		return sel
	}
	j, err := d.rel.join()
	if err != nil {
		sel.setErr(err)
		return sel
	}
	if j.target != sel.table {
		sel.setErr(fmt.Errorf("orm: %s.%s targets %s, not %s", d.rel.owner.model.Name(), d.rel.Name, j.target.Name, sel.table.Name))
		return sel
	}
	key := ownerKey{rel: d.rel, owner: owner, st: st, from: j.local}
	if j.kind == ManyToMany {
		sel.Join(j.sec.Name, And(targetSecCriteria(j, j.target.Name)...))
		key.table, key.cols = j.sec.Name, j.secLocal
	} else {
		key.table, key.cols = j.target.Name, j.remote
	}
	sel.Where(key)
	for _, k := range d.rel.OrderBy {
		sel.OrderBy(strings.TrimSpace(k))
	}
	return sel
}

// findOwner returns the owner struct of the field and, when q is a
// session holding it, its state. The owner is known when a query read it
// (markUnloaded) or an earlier Query found it in a session; otherwise
// the session q is searched, and the result recorded in the field.
func (d *Dynamic[T]) findOwner(q Querier) (reflect.Value, *objState, error) {
	s, _ := q.(*Session)
	if d.rel != nil && d.owner != nil {
		owner := reflect.NewAt(d.rel.owner.model, d.owner)
		if s == nil {
			return owner.Elem(), nil, nil
		}
		obj := owner.Interface()
		return owner.Elem(), s.routeObj(obj).byObj[obj], nil
	}
	if s != nil {
		if st, r := s.routeField(d).ownerOf(d); r != nil {
			d.rel, d.owner = r, unsafe.Pointer(st.val().Addr().Pointer())
			return st.val(), st, nil
		}
	}
	return reflect.Value{}, nil, fmt.Errorf("orm: Dynamic[%s].Query: the owner of the field is unknown: "+
		"query it through the session that holds the owner, or on an object read from the database", reflect.TypeFor[T]().Name())
}

// ownerKey is the condition "the related row points at the owner", with
// the owner's key read when the statement renders (after the owner's
// flush assigned it).
type ownerKey struct {
	rel   *Relation
	owner reflect.Value
	st    *objState // nil outside a session
	table string    // the target or association table
	cols  []*Column // its columns pointing at the owner
	from  []*Column // the owner's referenced columns
}

// AppendSQL renders table.col = key for each key column, bound.
func (k ownerKey) AppendSQL(b *Builder) {
	if k.st != nil && !k.st.hasKey {
		b.SetErr(fmt.Errorf("orm: %s.%s.Query: the %s is pending and has no key yet; flush the session first",
			k.rel.owner.model.Name(), k.rel.Name, k.rel.owner.model.Name()))
		return
	}
	conds := make([]Expr, len(k.cols))
	for i, c := range k.cols {
		src := k.from[i]
		arg, err := bindArg(b.Dialect(), src.Type.Kind, src.codec.bind(fieldByIndex(k.owner, src.index)))
		if err == nil {
			err = checkIntArg(b.Dialect(), src, arg)
		}
		if err != nil {
			b.SetErr(err)
			return
		}
		conds[i] = Binary{C(k.table + "." + c.Name), "=", bound{arg}}
	}
	And(conds...).AppendSQL(b)
}
