package zlibcompat

// Constants and tables of zlib's deflate.h and trees.c.
const (
	minMatch    = 3
	maxMatch    = 258
	literals    = 256
	endBlock    = 256
	lCodes      = literals + 1 + 29 // 286
	dCodes      = 30
	blCodes     = 19
	heapSize    = 2*lCodes + 1
	maxBits     = 15
	maxBLBits   = 7
	rep3to6     = 16
	repz3to10   = 17
	repz11to138 = 18
)

var extraLBits = [29]int{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}

var extraDBits = [dCodes]int{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}

var extraBLBits = [blCodes]int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7}

var blOrder = [blCodes]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

// baseLength[code] is the first (match length - 3) of each length code.
var baseLength = [29]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 255}

// baseDist[code] is the first (distance - 1) of each distance code.
var baseDist = [dCodes]int{0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096, 6144, 8192, 12288, 16384, 24576}

// lengthCode maps (match length - 3) to its length code (0..28).
var lengthCode [256]uint8

// staticLTree and staticDTree are the fixed Huffman codes of RFC 1951.
var staticLTree, staticDTree [lCodes + 2]code

type code struct{ code, len uint16 }

func init() {
	for c := 0; c < 28; c++ {
		for n := 0; n < 1<<extraLBits[c]; n++ {
			lengthCode[baseLength[c]+n] = uint8(c)
		}
	}
	lengthCode[255] = 28
	var count [maxBits + 1]int
	for n := range staticLTree {
		l := 8
		switch {
		case n >= 144 && n < 256:
			l = 9
		case n >= 256 && n < 280:
			l = 7
		}
		staticLTree[n].len = uint16(l)
		count[l]++
	}
	codes := genCodes(len(staticLTree)-1, count, func(n int) int { return int(staticLTree[n].len) })
	for n, c := range codes {
		staticLTree[n].code = c
	}
	for n := 0; n < dCodes; n++ {
		staticDTree[n] = code{code: reverse(uint16(n), 5), len: 5}
	}
}

// dCode is zlib's d_code: the distance code of dist-1.
func dCode(dist int) int {
	for c := dCodes - 1; c >= 0; c-- {
		if dist >= baseDist[c] {
			return c
		}
	}
	return 0
}

func reverse(c uint16, n int) uint16 {
	var r uint16
	for ; n > 0; n-- {
		r = r<<1 | c&1
		c >>= 1
	}
	return r
}

// genCodes is zlib's gen_codes: canonical codes, bit-reversed for LSB-first
// output, for symbols 0..maxCode with the given lengths.
func genCodes(maxCode int, blCount [maxBits + 1]int, length func(int) int) []uint16 {
	var next [maxBits + 1]int
	c := 0
	for bits := 1; bits <= maxBits; bits++ {
		c = (c + blCount[bits-1]) << 1
		next[bits] = c
	}
	out := make([]uint16, maxCode+1)
	for n := 0; n <= maxCode; n++ {
		l := length(n)
		if l == 0 {
			continue
		}
		out[n] = reverse(uint16(next[l]), l)
		next[l]++
	}
	return out
}
