package security

import (
	"errors"
	"math/bits"

	"golang.org/x/crypto/scrypt"
)

// MaxScryptMemory bounds the memory (128·N·r bytes for V plus the blocks)
// Scrypt may use, so that a hostile hash string cannot exhaust memory.
// Python's hashlib.scrypt has a similar limit (maxmem below 2 GiB).
const MaxScryptMemory = 1 << 30

// MaxScryptWork bounds N·r·p (64 times Werkzeug's default) so that a
// hostile hash string cannot tie up the CPU.
const MaxScryptWork = 1 << 24

// Scrypt derives a keyLen-byte key from password and salt with the scrypt
// function of RFC 7914 (golang.org/x/crypto/scrypt). N must be a power of
// two greater than 1, and r and p positive with r·p < 2^30; the memory and
// work they ask for are bounded by MaxScryptMemory and MaxScryptWork,
// checked before any is spent.
func Scrypt(password, salt []byte, N, r, p, keyLen int) ([]byte, error) {
	if err := checkScryptParams(N, r, p, keyLen); err != nil {
		return nil, err
	}
	return scrypt.Key(password, salt, N, r, p, keyLen)
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
