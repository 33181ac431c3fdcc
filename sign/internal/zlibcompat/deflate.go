// Package zlibcompat reproduces, byte for byte, the output of C zlib's
// compress() at the default level (6) for inputs of up to MaxInput bytes,
// so that Go can write the same compressed ItsDangerous tokens as Python.
// It follows zlib 1.2.x's deflate_slow and trees.c.
package zlibcompat

import (
	"encoding/binary"
	"hash/adler32"
	"sync"
)

// MaxInput is the largest input Compress handles: it keeps the whole input
// in one window and one block, where the emulation is exact.
const MaxInput = 16000

// Level 6 parameters from zlib's configuration_table.
const (
	goodLength = 8
	maxLazy    = 16
	niceLength = 128
	maxChain   = 128
	hashBits   = 15
	hashMask   = 1<<hashBits - 1
	hashShift  = 5
	tooFar     = 4096
	maxDist    = 1<<15 - maxMatch - minMatch - 1 // MAX_DIST for a 32K window
)

// Compress returns zlib.compress(data) as C zlib computes it at level 6,
// and false when data is longer than MaxInput.
func Compress(data []byte) ([]byte, bool) {
	if len(data) > MaxInput {
		return nil, false
	}
	m := matchers.Get().(*matcher)
	defer matchers.Put(m)
	m.reset(data)
	m.run()
	w := &bitWriter{out: make([]byte, 2, len(data)/2+16)}
	w.out[0], w.out[1] = 0x78, 0x9c
	m.trees.flushBlock(w, m.syms, data)
	w.windup()
	return binary.BigEndian.AppendUint32(w.out, adler32.Checksum(data)), true
}

// matchers pools matcher state (a 64 KB hash table and the trees).
var matchers = sync.Pool{New: func() any { return &matcher{trees: newTrees()} }}

// sym is one tallied symbol: a literal (dist 0) or a match.
type sym struct {
	dist int // distance, 0 for a literal
	lc   int // literal byte, or match length - 3
}

// matcher is deflate_slow's state.
type matcher struct {
	window      []byte // input followed by maxMatch zero bytes
	head        [1 << hashBits]uint16
	prev        []uint16
	insH        int
	strstart    int
	lookahead   int
	matchStart  int
	syms        []sym
	matchLength int
	prevLength  int
	prevMatch   int
	available   bool
	trees       *trees
}

// reset prepares m for data, clearing all state of the previous run.
func (m *matcher) reset(data []byte) {
	clear(m.head[:])
	n := len(data) + maxMatch + 1
	m.window = append(m.window[:0], data...)
	m.window = append(m.window, make([]byte, n-len(data))...)
	m.prev = append(m.prev[:0], make([]uint16, len(data)+1)...)
	m.syms = m.syms[:0]
	m.insH, m.strstart, m.lookahead, m.matchStart = 0, 0, len(data), 0
	m.matchLength, m.prevLength, m.prevMatch, m.available = 0, 0, 0, false
	if len(data) >= minMatch {
		m.insH = (int(data[0])<<hashShift ^ int(data[1])) & hashMask
	}
}

// insert is INSERT_STRING: it returns the previous head of pos's chain.
func (m *matcher) insert(pos int) int {
	m.insH = (m.insH<<hashShift ^ int(m.window[pos+minMatch-1])) & hashMask
	h := int(m.head[m.insH])
	m.prev[pos] = uint16(h)
	m.head[m.insH] = uint16(pos)
	return h
}

// run is deflate_slow with Z_FINISH and all input available.
func (m *matcher) run() {
	for m.lookahead > 0 {
		hashHead := 0
		if m.lookahead >= minMatch {
			hashHead = m.insert(m.strstart)
		}
		m.prevLength, m.prevMatch = m.matchLength, m.matchStart
		m.matchLength = minMatch - 1
		if hashHead != 0 && m.prevLength < maxLazy && m.strstart-hashHead <= maxDist {
			m.matchLength = m.longestMatch(hashHead)
			if m.matchLength == minMatch && m.strstart-m.matchStart > tooFar {
				m.matchLength = minMatch - 1
			}
		}
		m.step()
	}
	if m.available {
		m.syms = append(m.syms, sym{lc: int(m.window[m.strstart-1])})
	}
}

// step emits the previous match, the previous literal, or defers.
func (m *matcher) step() {
	switch {
	case m.prevLength >= minMatch && m.matchLength <= m.prevLength:
		maxInsert := m.strstart + m.lookahead - minMatch
		m.syms = append(m.syms, sym{dist: m.strstart - 1 - m.prevMatch, lc: m.prevLength - minMatch})
		m.lookahead -= m.prevLength - 1
		for k := m.prevLength - 2; k > 0; k-- {
			m.strstart++
			if m.strstart <= maxInsert {
				m.insert(m.strstart)
			}
		}
		m.available = false
		m.matchLength = minMatch - 1
		m.strstart++
	case m.available:
		m.syms = append(m.syms, sym{lc: int(m.window[m.strstart-1])})
		m.strstart++
		m.lookahead--
	default:
		m.available = true
		m.strstart++
		m.lookahead--
	}
}

// longestMatch is zlib's longest_match over the hash chain from cur.
func (m *matcher) longestMatch(cur int) int {
	chain := maxChain
	best := m.prevLength
	nice := niceLength
	limit := 0
	if m.strstart > maxDist {
		limit = m.strstart - maxDist
	}
	if m.prevLength >= goodLength {
		chain >>= 2
	}
	nice = min(nice, m.lookahead)
	scan := m.window[m.strstart : m.strstart+maxMatch]
	for {
		match := m.window[cur : cur+maxMatch]
		if match[best] == scan[best] && match[best-1] == scan[best-1] && match[0] == scan[0] && match[1] == scan[1] {
			l := 2
			for l < maxMatch && scan[l] == match[l] {
				l++
			}
			if l > best {
				m.matchStart, best = cur, l
				if l >= nice {
					break
				}
			}
		}
		cur = int(m.prev[cur])
		chain--
		if cur <= limit || chain == 0 {
			break
		}
	}
	return min(best, m.lookahead)
}
