package sign

import (
	"crypto/hmac"
	"fmt"
	"hash"
)

// KeyDerivation selects how a signing key is derived from a secret key and
// salt. The zero value is DjangoConcat, ItsDangerous' default.
type KeyDerivation int

const (
	// DjangoConcat derives digest(salt + "signer" + secret).
	DjangoConcat KeyDerivation = iota
	// Concat derives digest(salt + secret).
	Concat
	// HMAC derives HMAC(secret, salt); Flask's session interface uses it.
	HMAC
	// NoDerivation uses the secret key as is ("none").
	NoDerivation
)

var derivationNames = [...]string{"django-concat", "concat", "hmac", "none"}

// String returns ItsDangerous' name for k, e.g. "hmac".
func (k KeyDerivation) String() string {
	if k < 0 || int(k) >= len(derivationNames) {
		return fmt.Sprintf("KeyDerivation(%d)", int(k))
	}
	return derivationNames[k]
}

// ParseKeyDerivation returns the KeyDerivation named as in ItsDangerous
// ("django-concat", "concat", "hmac", "none").
func ParseKeyDerivation(name string) (KeyDerivation, error) {
	for i, n := range derivationNames {
		if n == name {
			return KeyDerivation(i), nil
		}
	}
	return 0, fmt.Errorf("sign: unknown key derivation %q", name)
}

// Derive returns the signing key for secret and salt using digest.
func (k KeyDerivation) Derive(digest func() hash.Hash, salt, secret []byte) []byte {
	switch k {
	case Concat:
		return sum(digest(), salt, secret)
	case HMAC:
		return sum(hmac.New(digest, secret), salt)
	case NoDerivation:
		return append([]byte(nil), secret...)
	default:
		return sum(digest(), salt, []byte("signer"), secret)
	}
}

func sum(h hash.Hash, parts ...[]byte) []byte {
	for _, p := range parts {
		h.Write(p)
	}
	return h.Sum(nil)
}
