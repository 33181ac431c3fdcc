package config

import "reflect"

// Marks that stand for a map or a slice inside itself in Snapshot and
// Masked, as Python's repr prints {...} and [...].
const (
	recursiveMap   = "{...}"
	recursiveSlice = "[...]"
)

// maxNesting bounds how deep Snapshot and Masked copy nested containers;
// deeper ones are replaced by the recursion marks too.
const maxNesting = 1000

// containerKey identifies a map or a slice by its data: a map by its
// pointer, a slice by its first element and length.
type containerKey struct {
	p    uintptr
	n    int
	kind reflect.Kind
}

// path holds the containers being copied, outermost first: one met again
// inside itself is a cycle.
type path map[containerKey]bool

// enter records the container v on the path; it reports false, recording
// nothing, when v is already on it (or the path is too deep), where the
// copy prints the recursion mark instead.
func (p path) enter(v any) (containerKey, bool) {
	rv := reflect.ValueOf(v)
	k := containerKey{p: rv.Pointer(), kind: rv.Kind()}
	if rv.Kind() == reflect.Slice {
		k.n = rv.Len()
	}
	if p[k] || len(p) >= maxNesting {
		return k, false
	}
	p[k] = true
	return k, true
}

func (p path) leave(k containerKey) { delete(p, k) }
