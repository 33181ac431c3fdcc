package security

import (
	"crypto/md5"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strconv"
	"strings"
)

// SaltChars is the alphabet of generated salts (Werkzeug's SALT_CHARS).
const SaltChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

// DefaultMethod is Werkzeug's default hashing method.
const DefaultMethod = "scrypt"

// DefaultSaltLength is Werkzeug's default salt length, used when
// GeneratePasswordHash is given 0.
const DefaultSaltLength = 16

// DefaultPBKDF2Iterations is Werkzeug's (3.1) iteration count for "pbkdf2"
// and "pbkdf2:<hash>" without an explicit count.
const DefaultPBKDF2Iterations = 1_000_000

// MaxPBKDF2Iterations bounds the work a hash string can ask for, so that a
// hostile hash cannot tie up the CPU.
const MaxPBKDF2Iterations = 100_000_000

// scryptKeyLen is hashlib.scrypt's default dklen.
const scryptKeyLen = 64

var pbkdf2Hashes = map[string]func() hash.Hash{
	"md5": md5.New, "sha1": sha1.New, "sha224": sha256.New224, "sha256": sha256.New,
	"sha384": sha512.New384, "sha512": sha512.New,
	"sha3_224": func() hash.Hash { return sha3.New224() }, "sha3_256": func() hash.Hash { return sha3.New256() },
	"sha3_384": func() hash.Hash { return sha3.New384() }, "sha3_512": func() hash.Hash { return sha3.New512() },
}

// GeneratePasswordHash hashes password with method ("scrypt",
// "scrypt:N:r:p", "pbkdf2", "pbkdf2:<hash>" or "pbkdf2:<hash>:<iterations>";
// "" means DefaultMethod, scrypt:32768:8:1) and a random salt of
// saltLength characters (0 means DefaultSaltLength, Werkzeug's default),
// returning "method$salt$hexhash" with the method's parameters spelled
// out, exactly like werkzeug.security.
func GeneratePasswordHash(password, method string, saltLength int) (string, error) {
	if method == "" {
		method = DefaultMethod
	}
	if saltLength == 0 {
		saltLength = DefaultSaltLength
	}
	salt, err := GenSalt(saltLength)
	if err != nil {
		return "", err
	}
	h, actual, err := hashInternal(method, salt, password)
	if err != nil {
		return "", err
	}
	return actual + "$" + salt + "$" + h, nil
}

// GenSalt returns length random characters from SaltChars.
func GenSalt(length int) (string, error) {
	if length <= 0 {
		return "", errors.New("security: salt length must be at least 1")
	}
	b := make([]byte, length)
	for i := range b {
		b[i] = SaltChars[randIntn(randRead, len(SaltChars))]
	}
	return string(b), nil
}

// randRead fills b with random bytes.
func randRead(b []byte) { rand.Read(b) }

// randIntn returns a uniform random number in [0, n) for n <= 256 from
// the bytes of read. Bytes at or past the largest multiple of n are
// drawn again: taking them modulo n would favour the first 256%n values.
func randIntn(read func([]byte), n int) int {
	limit := 256 - 256%n
	var b [1]byte
	for {
		read(b[:])
		if int(b[0]) < limit {
			return int(b[0]) % n
		}
	}
}

// CheckPasswordHash reports whether password matches pwhash, a string made
// by GeneratePasswordHash or Werkzeug. Malformed or unsupported hashes
// give false. The hash comparison is constant-time.
func CheckPasswordHash(pwhash, password string) bool {
	method, rest, ok := strings.Cut(pwhash, "$")
	if !ok {
		return false
	}
	salt, want, ok := strings.Cut(rest, "$")
	if !ok {
		return false
	}
	got, _, err := hashInternal(method, salt, password)
	return err == nil && subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// hashInternal is Werkzeug's _hash_internal: it returns the hex hash and
// the method with all parameters.
func hashInternal(method, salt, password string) (string, string, error) {
	name, args, _ := strings.Cut(method, ":")
	var params []string
	if args != "" || strings.Contains(method, ":") {
		params = strings.Split(args, ":")
	}
	switch name {
	case "scrypt":
		return scryptHash(params, salt, password)
	case "pbkdf2":
		return pbkdf2Hash(params, salt, password)
	}
	return "", "", fmt.Errorf("security: invalid hash method %q", name)
}

func scryptHash(params []string, salt, password string) (string, string, error) {
	n, r, p := 1<<15, 8, 1
	if len(params) > 0 {
		v, err := atois(params, 3)
		if err != nil {
			return "", "", errors.New("security: 'scrypt' takes 3 arguments")
		}
		n, r, p = v[0], v[1], v[2]
	}
	key, err := Scrypt([]byte(password), []byte(salt), n, r, p, scryptKeyLen)
	if err != nil {
		return "", "", err
	}
	return hex.EncodeToString(key), fmt.Sprintf("scrypt:%d:%d:%d", n, r, p), nil
}

func pbkdf2Hash(params []string, salt, password string) (string, string, error) {
	hashName, iterations := "sha256", DefaultPBKDF2Iterations
	switch len(params) {
	case 0:
	case 1:
		hashName = params[0]
	case 2:
		v, err := atois(params[1:], 1)
		if err != nil {
			return "", "", fmt.Errorf("security: bad pbkdf2 iterations %q", params[1])
		}
		hashName, iterations = params[0], v[0]
	default:
		return "", "", errors.New("security: 'pbkdf2' takes 2 arguments")
	}
	h, ok := pbkdf2Hashes[hashName]
	if !ok {
		return "", "", fmt.Errorf("security: unsupported hash type %q", hashName)
	}
	if err := checkPBKDF2Iterations(iterations); err != nil {
		return "", "", err
	}
	key, err := pbkdf2.Key(h, password, []byte(salt), iterations, h().Size())
	if err != nil {
		return "", "", err
	}
	return hex.EncodeToString(key), fmt.Sprintf("pbkdf2:%s:%d", hashName, iterations), nil
}

// checkPBKDF2Iterations rejects iteration counts below 1 or above
// MaxPBKDF2Iterations.
func checkPBKDF2Iterations(n int) error {
	if n < 1 || n > MaxPBKDF2Iterations {
		return fmt.Errorf("security: pbkdf2 iterations %d out of range [1, %d]", n, MaxPBKDF2Iterations)
	}
	return nil
}

// atois parses exactly n decimal integers.
func atois(s []string, n int) ([]int, error) {
	if len(s) != n {
		return nil, errors.New("wrong number of arguments")
	}
	out := make([]int, n)
	for i, v := range s {
		x, err := strconv.Atoi(v)
		if err != nil {
			return nil, err
		}
		out[i] = x
	}
	return out, nil
}
