package routing

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// A node is a state of the decision tree: the segments matched so far. Its
// static children are tried before its dynamic ones, which are sorted by
// Werkzeug's weighting (ties keep registration order).
type node struct {
	statics []staticEdge // non-empty static segments
	index   *[257]uint16 // once there are many statics: sorted, grouped by first byte
	empty   *node        // the static child for an empty segment (a trailing slash)
	dynamic []*dynEdge
	rules   []*Rule // rules ending here, in registration order
}

type staticEdge struct {
	seg  string
	next *node
}

// A dynEdge consumes one segment (or, for path converters, several) that its
// converter matches.
type dynEdge struct {
	key    string // the segment's key: affixes and converter spec
	prefix string
	suffix string
	conv   Converter
	path   bool
	plain  bool      // the default string converter: any non-empty segment
	weight weighting // the order among siblings
	more   []extraVar
	next   *node
}

// indexAbove is the number of static children above which they are indexed
// by first byte.
const indexAbove = 4

// child returns the static child for seg, or nil.
func (n *node) child(seg string) *node {
	if seg == "" {
		return n.empty
	}
	lo, hi := 0, len(n.statics)
	if n.index != nil {
		lo, hi = int(n.index[seg[0]]), int(n.index[int(seg[0])+1])
	}
	for i := lo; i < hi; i++ {
		if n.statics[i].seg == seg {
			return n.statics[i].next
		}
	}
	return nil
}

// insert walks (creating as needed) the nodes for segs and returns the last.
// As in Werkzeug, a path variable and everything after it form one final
// part: the edge of a path variable is keyed and weighted by the whole rest
// of the rule, so /<path:p>/edit and /<path:p> are separate siblings ordered
// by their weighting, not one path edge with a shared subtree.
func (n *node) insert(segs []segment) *node {
	for i := range segs {
		switch {
		case segs[i].static():
			n = n.addStatic(segs[i].text)
		case segs[i].path:
			n = n.addDynamic(&segs[i], shapeOf(segs[i:]), weighOf(segs[i:]))
		default:
			n = n.addDynamic(&segs[i], segs[i].key(), weighOf(segs[i:i+1]))
		}
	}
	return n
}

func (n *node) addStatic(seg string) *node {
	if c := n.child(seg); c != nil {
		return c
	}
	c := &node{}
	if seg == "" {
		n.empty = c
		return c
	}
	n.statics = append(n.statics, staticEdge{seg, c})
	if len(n.statics) > indexAbove && len(n.statics) <= math.MaxUint16 {
		n.buildIndex()
	} else {
		n.index = nil // too many to index: scan them all
	}
	return c
}

// buildIndex sorts the static children and records where each first byte's
// group starts, so child compares only segments with the right first byte.
func (n *node) buildIndex() {
	slices.SortFunc(n.statics, func(a, b staticEdge) int { return strings.Compare(a.seg, b.seg) })
	var idx [257]uint16
	for _, e := range n.statics {
		idx[int(e.seg[0])+1]++
	}
	for b := 1; b < len(idx); b++ {
		idx[b] += idx[b-1]
	}
	n.index = &idx
}

func (n *node) addDynamic(s *segment, key string, w weighting) *node {
	for _, e := range n.dynamic {
		if e.key == key {
			return e.next
		}
	}
	e := &dynEdge{key: key, prefix: s.prefix, suffix: s.suffix, conv: s.conv,
		path: s.path, weight: w, more: s.more, next: &node{}}
	if sc, ok := s.conv.(*stringConverter); ok && sc.plain() && len(s.more) == 0 {
		e.plain = true
	}
	at := len(n.dynamic)
	for at > 0 && e.before(n.dynamic[at-1]) {
		at--
	}
	n.dynamic = append(n.dynamic, nil)
	copy(n.dynamic[at+1:], n.dynamic[at:])
	n.dynamic[at] = e
	return e.next
}

// before orders dynamic siblings as Werkzeug's Weighting does.
func (e *dynEdge) before(f *dynEdge) bool { return e.weight.compare(&f.weight) < 0 }

// weighting is Werkzeug's Weighting of a rule part: the lengths of its
// static pieces and the weights of its converters. A part is one segment,
// or for a path variable the whole rest of the rule.
type weighting struct {
	statics []int
	args    []int
}

// weighOf returns the weighting of the part made of segs.
func weighOf(segs []segment) weighting {
	var w weighting
	for i := range segs {
		s := &segs[i]
		if s.static() {
			if s.text != "" {
				w.statics = append(w.statics, len(s.text))
			}
			continue
		}
		if s.prefix != "" {
			w.statics = append(w.statics, len(s.prefix))
		}
		w.args = append(w.args, s.weight)
		for _, x := range s.more {
			w.statics = append(w.statics, len(x.sep))
			w.args = append(w.args, x.weight)
		}
		if s.suffix != "" {
			w.statics = append(w.statics, len(s.suffix))
		}
	}
	return w
}

// compare orders weightings as Werkzeug sorts its Weighting tuples: more
// static pieces first, then longer static pieces, then more converters,
// then lower converter weights.
func (w *weighting) compare(v *weighting) int {
	if c := cmp.Compare(len(v.statics), len(w.statics)); c != 0 {
		return c
	}
	for i := range w.statics {
		if c := cmp.Compare(v.statics[i], w.statics[i]); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(len(v.args), len(w.args)); c != 0 {
		return c
	}
	return slices.Compare(w.args, v.args)
}

// match reports whether a single segment has the edge's affixes and its
// converter accepts the text between them, which it returns.
func (e *dynEdge) match(seg string) (string, bool) {
	if e.prefix != "" || e.suffix != "" {
		if len(seg) < len(e.prefix)+len(e.suffix) ||
			!strings.HasPrefix(seg, e.prefix) || !strings.HasSuffix(seg, e.suffix) {
			return "", false
		}
		seg = seg[len(e.prefix) : len(seg)-len(e.suffix)]
	}
	if e.plain {
		return seg, seg != ""
	}
	if len(e.more) > 0 {
		return seg, true // split among the variables by descendMulti
	}
	return seg, e.conv.Match(seg)
}
