package routing

// A staticIndex finds the leaf of a fully static rule by the whole request
// path, the match fast path. It is an open-addressing hash table with a
// cheap unseeded hash: a Go map hashes the path with its seeded hash
// through an indirect call, which costs a router matching one short path
// more than the rest of its lookup. Only the registered paths decide how
// many slots a lookup probes, never the request, so the unseeded hash
// gives a client no way to slow lookups down.
type staticIndex struct {
	slots []staticSlot // a power of two long, at most half full
	n     int
}

type staticSlot struct {
	path string
	leaf *node // nil for an empty slot
}

// get returns the leaf of the static rules of path, or nil.
func (x *staticIndex) get(path string) *node {
	if x.n == 0 {
		return nil
	}
	mask := uint64(len(x.slots) - 1)
	for i := pathHash(path) & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.leaf == nil || s.path == path {
			return s.leaf
		}
	}
}

// set stores leaf for path, replacing the leaf stored before.
func (x *staticIndex) set(path string, leaf *node) {
	if 2*(x.n+1) > len(x.slots) {
		x.grow()
	}
	mask := uint64(len(x.slots) - 1)
	for i := pathHash(path) & mask; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.leaf == nil {
			*s = staticSlot{path, leaf}
			x.n++
			return
		}
		if s.path == path {
			s.leaf = leaf
			return
		}
	}
}

// grow doubles the table (or makes the first one) and reinserts the
// stored paths.
func (x *staticIndex) grow() {
	old := x.slots
	x.slots = make([]staticSlot, max(8, 2*len(old)))
	x.n = 0
	for _, s := range old {
		if s.leaf != nil {
			x.set(s.path, s.leaf)
		}
	}
}

// Multipliers of the path hash (from wyhash).
const (
	hashMul1 = 0xa0761d6478bd642f
	hashMul2 = 0xe7037ed1a0b428db
)

// pathHash hashes s eight bytes at a time.
func pathHash(s string) uint64 {
	h := uint64(len(s)) * hashMul1
	for len(s) > 8 {
		h = hashMix(h ^ load64(s))
		s = s[8:]
	}
	var tail uint64
	switch {
	case len(s) >= 4:
		tail = uint64(load32(s))<<32 | uint64(load32(s[len(s)-4:]))
	case len(s) > 0:
		tail = uint64(s[0])<<16 | uint64(s[len(s)/2])<<8 | uint64(s[len(s)-1])
	}
	return hashMix(h ^ tail)
}

// hashMix spreads the bits of x.
func hashMix(x uint64) uint64 {
	x *= hashMul2
	return x ^ x>>29
}

// load64 reads the first eight bytes of s, little-endian.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 reads the first four bytes of s, little-endian.
func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
