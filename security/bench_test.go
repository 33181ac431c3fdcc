package security

import (
	"crypto/pbkdf2"
	"crypto/sha256"
	"testing"
)

// BenchmarkPBKDF2Baseline is crypto/pbkdf2 with the work of one
// scrypt:32768:8:1 SHA-256 step (two single-iteration PBKDF2 calls).
func BenchmarkPBKDF2Baseline(b *testing.B) {
	for b.Loop() {
		pbkdf2.Key(sha256.New, "correct horse", []byte("salt"), 1, 1024)
	}
}

// BenchmarkScryptDefault is one Werkzeug-default scrypt hash check.
func BenchmarkScryptDefault(b *testing.B) {
	h, _ := GeneratePasswordHash("correct horse", "scrypt", 16)
	for b.Loop() {
		CheckPasswordHash(h, "correct horse")
	}
}
