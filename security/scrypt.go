package security

import (
	"crypto/pbkdf2"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"math/bits"
)

// MaxScryptMemory bounds the memory (128·N·r bytes for V plus the blocks)
// Scrypt may use, so that a hostile hash string cannot exhaust memory.
// Python's hashlib.scrypt has a similar limit (maxmem below 2 GiB).
const MaxScryptMemory = 1 << 30

// MaxScryptWork bounds N·r·p (64 times Werkzeug's default) so that a
// hostile hash string cannot tie up the CPU.
const MaxScryptWork = 1 << 24

// Scrypt derives a keyLen-byte key from password and salt with the scrypt
// function of RFC 7914. N must be a power of two greater than 1, and r and
// p positive with r·p < 2^30.
func Scrypt(password, salt []byte, N, r, p, keyLen int) ([]byte, error) {
	if err := checkScryptParams(N, r, p, keyLen); err != nil {
		return nil, err
	}
	b, err := pbkdf2.Key(sha256.New, string(password), salt, 1, p*128*r)
	if err != nil {
		return nil, err
	}
	xy := make([]uint32, 64*r)
	v := make([]uint32, 32*N*r)
	for i := 0; i < p; i++ {
		roMix(b[i*128*r:(i+1)*128*r], r, N, v, xy)
	}
	return pbkdf2.Key(sha256.New, string(password), b, 1, keyLen)
}

func checkScryptParams(N, r, p, keyLen int) error {
	switch {
	case N <= 1 || bits.OnesCount(uint(N)) != 1:
		return errors.New("security: scrypt N must be a power of 2 greater than 1")
	case r <= 0 || p <= 0 || uint64(r)*uint64(p) >= 1<<30:
		return errors.New("security: scrypt r and p must be positive with r*p < 2^30")
	case keyLen <= 0:
		return errors.New("security: scrypt key length must be positive")
	case uint64(N) > MaxScryptMemory/128/uint64(r) || 128*uint64(r)*uint64(p) > MaxScryptMemory:
		return errors.New("security: scrypt parameters need more memory than MaxScryptMemory")
	case uint64(N)*uint64(r)*uint64(p) > MaxScryptWork:
		return errors.New("security: scrypt parameters need more work than MaxScryptWork")
	}
	return nil
}

// roMix is scryptROMix (RFC 7914 section 5) on one 128·r-byte block, with
// v (32·N·r words) and xy (64·r words) as scratch space.
func roMix(b []byte, r, N int, v, xy []uint32) {
	x, y := xy[:32*r], xy[32*r:]
	for i := range x {
		x[i] = binary.LittleEndian.Uint32(b[i*4:])
	}
	for i := 0; i < N; i++ {
		copy(v[i*32*r:], x)
		blockMix(x, y, r)
	}
	for i := 0; i < N; i++ {
		j := int(x[(2*r-1)*16] & uint32(N-1))
		for k, w := range v[j*32*r : (j+1)*32*r] {
			x[k] ^= w
		}
		blockMix(x, y, r)
	}
	for i, w := range x {
		binary.LittleEndian.PutUint32(b[i*4:], w)
	}
}

// blockMix is scryptBlockMix (RFC 7914 section 4) on b (2·r 64-byte
// blocks as words), using y as scratch; the result is left in b.
func blockMix(b, y []uint32, r int) {
	var t [16]uint32
	copy(t[:], b[(2*r-1)*16:])
	for i := 0; i < 2*r; i++ {
		for k := range t {
			t[k] ^= b[i*16+k]
		}
		salsa208(&t)
		// Even blocks go to the first half of the output, odd to the second.
		copy(y[(i/2+(i%2)*r)*16:], t[:])
	}
	copy(b, y[:32*r])
}

// salsa208 is the Salsa20/8 core (RFC 7914 section 3) applied in place.
func salsa208(b *[16]uint32) {
	x := *b
	for i := 0; i < 8; i += 2 {
		// Columns.
		quarter(&x, 4, 0, 8, 12)
		quarter(&x, 9, 5, 13, 1)
		quarter(&x, 14, 10, 2, 6)
		quarter(&x, 3, 15, 7, 11)
		// Rows.
		quarter(&x, 1, 0, 2, 3)
		quarter(&x, 6, 5, 7, 4)
		quarter(&x, 11, 10, 8, 9)
		quarter(&x, 12, 15, 13, 14)
	}
	for i := range b {
		b[i] += x[i]
	}
}

// quarter is one Salsa20 quarter-round: x[a] ^= R(x[b]+x[d], 7), then
// x[c] ^= R(x[a]+x[b], 9), x[d] ^= R(x[c]+x[a], 13) and
// x[b] ^= R(x[d]+x[c], 18), with b the diagonal element.
func quarter(x *[16]uint32, a, b, c, d int) {
	x[a] ^= bits.RotateLeft32(x[b]+x[d], 7)
	x[c] ^= bits.RotateLeft32(x[a]+x[b], 9)
	x[d] ^= bits.RotateLeft32(x[c]+x[a], 13)
	x[b] ^= bits.RotateLeft32(x[d]+x[c], 18)
}
