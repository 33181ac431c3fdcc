package orm

import (
	"reflect"
)

// snapSlabSize is how many snapshots of one model share an allocation.
const snapSlabSize = 32

// A snapSlab hands out struct copies of one model from an array, so that
// loading n rows costs n/snapSlabSize allocations for their snapshots
// instead of n. The array lives as long as any of its snapshots.
type snapSlab struct {
	arr  reflect.Value // [snapSlabSize]Model, addressable
	next int
}

// loadSnapshot is snapshot taken from the session's slab for t.
func (s *Session) loadSnapshot(t *Table, v reflect.Value) reflect.Value {
	if s.snaps == nil {
		s.snaps = map[*Table]*snapSlab{}
	}
	sl := s.snaps[t]
	if sl == nil || sl.next == snapSlabSize {
		sl = &snapSlab{arr: reflect.New(reflect.ArrayOf(snapSlabSize, v.Type())).Elem()}
		s.snaps[t] = sl
	}
	c := sl.arr.Index(sl.next)
	sl.next++
	c.Set(v)
	copyDeep(t, c)
	return c
}

// copyDeep replaces c's pointer and byte-slice column fields by copies.
func copyDeep(t *Table, c reflect.Value) {
	for _, col := range t.deep {
		f := fieldByIndex(c, col.index)
		f.Set(deepCopy(f))
	}
}

// deepCopyColumns lists the columns with codec.deep set: those whose
// snapshot copies memory.
func (t *Table) deepCopyColumns() []*Column {
	var cols []*Column
	for _, c := range t.Columns {
		if c.codec != nil && c.codec.deep {
			cols = append(cols, c)
		}
	}
	return cols
}
