package zlibcompat

// treeDesc is zlib's tree_desc plus static_tree_desc.
type treeDesc struct {
	freq    []int // heapSize entries: leaves then internal nodes
	dad     []int
	length  []int
	code    []uint16
	maxCode int
	stree   []code // static tree, nil for the bit-length tree
	extra   []int
	base    int
	elems   int
	maxLen  int
}

func newTree(elems, maxLen, base int, extra []int, stree []code) *treeDesc {
	return &treeDesc{
		freq: make([]int, heapSize), dad: make([]int, heapSize), length: make([]int, heapSize),
		elems: elems, maxLen: maxLen, base: base, extra: extra, stree: stree,
	}
}

// reset clears the frequencies and lengths of a previous block.
func (t *treeDesc) reset() *treeDesc {
	clear(t.freq)
	clear(t.length)
	clear(t.dad)
	return t
}

// builder holds the heap state shared by build_tree calls of one block.
type builder struct {
	heap              [heapSize + 1]int
	heapLen, heapMax  int
	depth             [heapSize]int
	blCount           [maxBits + 1]int
	optLen, staticLen int
}

func (b *builder) smaller(t *treeDesc, n, m int) bool {
	return t.freq[n] < t.freq[m] || (t.freq[n] == t.freq[m] && b.depth[n] <= b.depth[m])
}

func (b *builder) downheap(t *treeDesc, k int) {
	v := b.heap[k]
	for j := k << 1; j <= b.heapLen; j <<= 1 {
		if j < b.heapLen && b.smaller(t, b.heap[j+1], b.heap[j]) {
			j++
		}
		if b.smaller(t, v, b.heap[j]) {
			break
		}
		b.heap[k] = b.heap[j]
		k = j
	}
	b.heap[k] = v
}

// buildTree is zlib's build_tree: a length-limited Huffman tree for t.
func (b *builder) buildTree(t *treeDesc) {
	b.heapLen, b.heapMax = 0, heapSize
	maxCode := -1
	for n := 0; n < t.elems; n++ {
		if t.freq[n] != 0 {
			b.heapLen++
			b.heap[b.heapLen], maxCode = n, n
			b.depth[n] = 0
		} else {
			t.length[n] = 0
		}
	}
	for b.heapLen < 2 {
		node := 0
		if maxCode < 2 {
			maxCode++
			node = maxCode
		}
		b.heapLen++
		b.heap[b.heapLen] = node
		t.freq[node] = 1
		b.depth[node] = 0
		b.optLen--
		if t.stree != nil {
			b.staticLen -= int(t.stree[node].len)
		}
	}
	t.maxCode = maxCode
	for n := b.heapLen / 2; n >= 1; n-- {
		b.downheap(t, n)
	}
	b.combine(t)
	b.genBitlen(t)
	t.code = genCodes(maxCode, b.blCount, func(n int) int { return t.length[n] })
}

// combine merges the two least frequent nodes until one is left.
func (b *builder) combine(t *treeDesc) {
	node := t.elems
	for {
		n := b.heap[1]
		b.heap[1] = b.heap[b.heapLen]
		b.heapLen--
		b.downheap(t, 1)
		m := b.heap[1]
		b.heapMax--
		b.heap[b.heapMax] = n
		b.heapMax--
		b.heap[b.heapMax] = m
		t.freq[node] = t.freq[n] + t.freq[m]
		b.depth[node] = max(b.depth[n], b.depth[m]) + 1
		t.dad[n], t.dad[m] = node, node
		b.heap[1] = node
		node++
		b.downheap(t, 1)
		if b.heapLen < 2 {
			break
		}
	}
	b.heapMax--
	b.heap[b.heapMax] = b.heap[1]
}

// genBitlen is zlib's gen_bitlen: code lengths, limited to t.maxLen.
func (b *builder) genBitlen(t *treeDesc) {
	b.blCount = [maxBits + 1]int{}
	t.length[b.heap[b.heapMax]] = 0
	overflow := 0
	h := b.heapMax + 1
	for ; h < heapSize; h++ {
		n := b.heap[h]
		bits := t.length[t.dad[n]] + 1
		if bits > t.maxLen {
			bits = t.maxLen
			overflow++
		}
		t.length[n] = bits
		if n > t.maxCode {
			continue
		}
		b.blCount[bits]++
		xbits := 0
		if n >= t.base {
			xbits = t.extra[n-t.base]
		}
		b.optLen += t.freq[n] * (bits + xbits)
		if t.stree != nil {
			b.staticLen += t.freq[n] * (int(t.stree[n].len) + xbits)
		}
	}
	if overflow > 0 {
		b.fixOverflow(t, overflow, h)
	}
}

func (b *builder) fixOverflow(t *treeDesc, overflow, h int) {
	for overflow > 0 {
		bits := t.maxLen - 1
		for b.blCount[bits] == 0 {
			bits--
		}
		b.blCount[bits]--
		b.blCount[bits+1] += 2
		b.blCount[t.maxLen]--
		overflow -= 2
	}
	for bits := t.maxLen; bits != 0; bits-- {
		for n := b.blCount[bits]; n != 0; {
			h--
			m := b.heap[h]
			if m > t.maxCode {
				continue
			}
			if t.length[m] != bits {
				b.optLen += (bits - t.length[m]) * t.freq[m]
				t.length[m] = bits
			}
			n--
		}
	}
}

// scanTree is zlib's scan_tree: bit-length code frequencies for t's
// run-length encoded code lengths.
func scanTree(t *treeDesc, bl *treeDesc) {
	runs(t, func(sym, _, _ int) { bl.freq[sym]++ })
}

// runs walks t's code lengths like scan_tree/send_tree and reports each
// emitted bit-length symbol with its extra bits.
func runs(t *treeDesc, emit func(sym, extra, nbits int)) {
	lengthAt := func(n int) int {
		if n == t.maxCode+1 {
			return 0xffff // guard
		}
		return t.length[n]
	}
	prevlen, nextlen, count := -1, lengthAt(0), 0
	maxCount, minCount := 7, 4
	if nextlen == 0 {
		maxCount, minCount = 138, 3
	}
	for n := 0; n <= t.maxCode; n++ {
		curlen := nextlen
		nextlen = lengthAt(n + 1)
		count++
		if count < maxCount && curlen == nextlen {
			continue
		}
		switch {
		case count < minCount:
			for ; count > 0; count-- {
				emit(curlen, 0, 0)
			}
		case curlen != 0:
			if curlen != prevlen {
				emit(curlen, 0, 0)
				count--
			}
			emit(rep3to6, count-3, 2)
		case count <= 10:
			emit(repz3to10, count-3, 3)
		default:
			emit(repz11to138, count-11, 7)
		}
		count, prevlen = 0, curlen
		switch {
		case nextlen == 0:
			maxCount, minCount = 138, 3
		case curlen == nextlen:
			maxCount, minCount = 6, 3
		default:
			maxCount, minCount = 7, 4
		}
	}
}
