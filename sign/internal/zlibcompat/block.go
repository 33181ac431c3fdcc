package zlibcompat

// trees holds the three Huffman trees of a block and the heap state.
type trees struct {
	lt, dt, bt *treeDesc
	b          builder
}

func newTrees() *trees {
	return &trees{
		lt: newTree(lCodes, maxBits, literals+1, extraLBits[:], staticLTree[:]),
		dt: newTree(dCodes, maxBits, 0, extraDBits[:], staticDTree[:]),
		bt: newTree(blCodes, maxBLBits, 0, extraBLBits[:], nil),
	}
}

// flushBlock is _tr_flush_block for the final (and only) block.
func (ts *trees) flushBlock(w *bitWriter, syms []sym, data []byte) {
	lt, dt, bt := ts.lt.reset(), ts.dt.reset(), ts.bt.reset()
	lt.freq[endBlock] = 1
	for _, s := range syms {
		if s.dist == 0 {
			lt.freq[s.lc]++
			continue
		}
		lt.freq[int(lengthCode[s.lc])+literals+1]++
		dt.freq[dCode(s.dist-1)]++
	}
	b := &ts.b
	b.optLen, b.staticLen = 0, 0
	b.buildTree(lt)
	b.buildTree(dt)
	maxBLIndex := buildBLTree(b, lt, dt, bt)
	optLenb := (b.optLen + 3 + 7) >> 3
	staticLenb := (b.staticLen + 3 + 7) >> 3
	if staticLenb <= optLenb {
		optLenb = staticLenb
	}
	switch {
	case len(data)+4 <= optLenb:
		storedBlock(w, data)
	case staticLenb == optLenb:
		w.send(1<<1|1, 3) // STATIC_TREES, last
		compressBlock(w, syms, staticCodes(staticLTree[:]), staticCodes(staticDTree[:]))
	default:
		w.send(2<<1|1, 3) // DYN_TREES, last
		sendAllTrees(w, lt, dt, bt, maxBLIndex+1)
		compressBlock(w, syms, dynCodes(lt), dynCodes(dt))
	}
}

func buildBLTree(b *builder, lt, dt, bt *treeDesc) int {
	scanTree(lt, bt)
	scanTree(dt, bt)
	b.buildTree(bt)
	maxIndex := blCodes - 1
	for ; maxIndex >= 3; maxIndex-- {
		if bt.length[blOrder[maxIndex]] != 0 {
			break
		}
	}
	b.optLen += 3*(maxIndex+1) + 5 + 5 + 4
	return maxIndex
}

func staticCodes(t []code) []code { return t }

func dynCodes(t *treeDesc) []code {
	out := make([]code, len(t.code))
	for n, c := range t.code {
		out[n] = code{code: c, len: uint16(t.length[n])}
	}
	return out
}

func sendAllTrees(w *bitWriter, lt, dt, bt *treeDesc, blcodes int) {
	lcodes, dcodes := lt.maxCode+1, dt.maxCode+1
	w.send(lcodes-257, 5)
	w.send(dcodes-1, 5)
	w.send(blcodes-4, 4)
	for rank := 0; rank < blcodes; rank++ {
		w.send(bt.length[blOrder[rank]], 3)
	}
	bc := dynCodes(bt)
	for _, t := range []*treeDesc{lt, dt} {
		runs(t, func(s, extra, nbits int) {
			w.sendCode(bc[s])
			if nbits > 0 {
				w.send(extra, nbits)
			}
		})
	}
}

func compressBlock(w *bitWriter, syms []sym, lcodes, dcodes []code) {
	for _, s := range syms {
		if s.dist == 0 {
			w.sendCode(lcodes[s.lc])
			continue
		}
		c := int(lengthCode[s.lc])
		w.sendCode(lcodes[c+literals+1])
		if extraLBits[c] != 0 {
			w.send(s.lc-baseLength[c], extraLBits[c])
		}
		d := s.dist - 1
		c = dCode(d)
		w.sendCode(dcodes[c])
		if extraDBits[c] != 0 {
			w.send(d-baseDist[c], extraDBits[c])
		}
	}
	w.sendCode(lcodes[endBlock])
}

func storedBlock(w *bitWriter, data []byte) {
	w.send(0<<1|1, 3) // STORED_BLOCK, last
	w.windup()
	n := len(data)
	w.out = append(w.out, byte(n), byte(n>>8), byte(^n), byte(^n>>8))
	w.out = append(w.out, data...)
}

// bitWriter writes bits LSB first, like zlib's send_bits.
type bitWriter struct {
	out   []byte
	bits  uint64
	nbits uint
}

func (w *bitWriter) send(value, n int) {
	w.bits |= uint64(value) << w.nbits
	w.nbits += uint(n)
	for w.nbits >= 8 {
		w.out = append(w.out, byte(w.bits))
		w.bits >>= 8
		w.nbits -= 8
	}
}

func (w *bitWriter) sendCode(c code) { w.send(int(c.code), int(c.len)) }

// windup flushes the last partial byte (bi_windup).
func (w *bitWriter) windup() {
	if w.nbits > 0 {
		w.out = append(w.out, byte(w.bits))
	}
	w.bits, w.nbits = 0, 0
}
