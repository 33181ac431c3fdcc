package security

import (
	"cmp"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

type hashVector struct{ Password, Method, Hash string }

func loadHashes(t testing.TB, path, field string) []hashVector {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]json.RawMessage
	var out []hashVector
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(doc[field], &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCheckWerkzeugHashes(t *testing.T) {
	vecs := append(loadHashes(t, "../internal/fixtures/flask-interop-vectors.json", "password_hashes"),
		loadHashes(t, "testdata/werkzeug-hashes.json", "hashes")...)
	for _, v := range vecs {
		if v.Hash == "" {
			continue // the fixture's scrypt entry records that its OpenSSL lacked scrypt
		}
		t.Run(v.Hash[:strings.IndexByte(v.Hash, '$')], func(t *testing.T) {
			if !CheckPasswordHash(v.Hash, v.Password) {
				t.Errorf("%q does not verify", v.Password)
			}
			if CheckPasswordHash(v.Hash, v.Password+"x") {
				t.Error("wrong password verifies")
			}
		})
	}
}

func TestGeneratePasswordHash(t *testing.T) {
	tests := []struct {
		method, wantPrefix string
		saltLength         int
	}{
		{"", "scrypt:32768:8:1$", 16},
		{"", "scrypt:32768:8:1$", 0}, // Werkzeug's default salt length
		{"scrypt", "scrypt:32768:8:1$", 16},
		{"scrypt:1024:2:1", "scrypt:1024:2:1$", 4},
		{"pbkdf2:sha1:1000", "pbkdf2:sha1:1000$", 16},
		{"pbkdf2:sha512:10", "pbkdf2:sha512:10$", 1},
	}
	for _, tt := range tests {
		t.Run(tt.method, func(t *testing.T) {
			h, err := GeneratePasswordHash("s3cret pässword", tt.method, tt.saltLength)
			if err != nil {
				t.Fatal(err)
			}
			parts := strings.Split(h, "$")
			wantSalt := cmp.Or(tt.saltLength, 16)
			if !strings.HasPrefix(h, tt.wantPrefix) || len(parts) != 3 || len(parts[1]) != wantSalt {
				t.Fatalf("hash %q: want prefix %q and a %d-char salt", h, tt.wantPrefix, wantSalt)
			}
			if strings.Trim(parts[1], SaltChars) != "" {
				t.Errorf("salt %q has characters outside SaltChars", parts[1])
			}
			if !CheckPasswordHash(h, "s3cret pässword") || CheckPasswordHash(h, "s3cret password") {
				t.Error("round trip failed")
			}
		})
	}
}

func TestGeneratePasswordHashErrors(t *testing.T) {
	tests := []struct {
		name, method string
		saltLength   int
	}{
		{"negative salt", "scrypt", -1},
		{"unknown method", "bcrypt", 16},
		{"plain", "plain", 16},
		{"scrypt args", "scrypt:16:1", 16},
		{"pbkdf2 hash", "pbkdf2:whirlpool", 16},
		{"pbkdf2 args", "pbkdf2:sha256:1:2", 16},
		{"pbkdf2 zero iterations", "pbkdf2:sha256:0", 16},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if h, err := GeneratePasswordHash("pw", tt.method, tt.saltLength); err == nil {
				t.Fatalf("got %q, want an error", h)
			}
		})
	}
}

func TestCheckRejectsMalformedHashes(t *testing.T) {
	good, _ := GeneratePasswordHash("pw", "pbkdf2:sha256:10", 8)
	tests := []struct{ name, hash string }{
		{"empty", ""},
		{"no dollar", "pbkdf2:sha256:10"},
		{"one dollar", "pbkdf2:sha256:10$salt"},
		{"unknown method", "md5$salt$" + strings.Repeat("0", 32)},
		{"upper-case hex", good[:strings.LastIndexByte(good, '$')] + strings.ToUpper(good[strings.LastIndexByte(good, '$'):])},
		{"truncated", good[:len(good)-1]},
		{"bad scrypt", "scrypt:x:8:1$salt$00"},
		{"huge scrypt", "scrypt:1073741824:8:1$salt$00"},
		{"huge pbkdf2", "pbkdf2:sha256:9999999999$salt$00"},
		{"plain", "plain$$pw"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if CheckPasswordHash(tt.hash, "pw") {
				t.Fatal("verified")
			}
		})
	}
}

func TestGenSaltAlphabet(t *testing.T) {
	seen := map[rune]bool{}
	s, err := GenSalt(4000)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range s {
		seen[c] = true
	}
	if len(seen) != len(SaltChars) {
		t.Errorf("4000 random characters used %d of %d salt characters", len(seen), len(SaltChars))
	}
}

func FuzzCheckPasswordHash(f *testing.F) {
	f.Add("pbkdf2:sha256:10$salt$00", "pw")
	f.Add("scrypt:16:1:1$s$00", "")
	f.Add("scrypt$s$00", "x")
	f.Fuzz(func(t *testing.T, hash, password string) {
		if costly(hash) {
			return
		}
		CheckPasswordHash(hash, password)
	})
}

// costly reports hashes whose parameters would make one fuzz call take
// longer than a few milliseconds: defaults or any number over 5 digits.
func costly(hash string) bool {
	method, _, _ := strings.Cut(hash, "$")
	if method == "scrypt" || method == "pbkdf2" || strings.Count(method, ":") == 1 {
		return true
	}
	digits := 0
	for _, c := range method {
		if c >= '0' && c <= '9' {
			digits++
			if digits > 5 {
				return true
			}
		} else {
			digits = 0
		}
	}
	return false
}

// TestRandIntnRejectsBiasedBytes feeds randIntn chosen bytes: with the 62
// salt characters, bytes from 248 (= 4·62) up would favour the first 8
// characters and must be drawn again.
func TestRandIntnRejectsBiasedBytes(t *testing.T) {
	tests := []struct {
		name  string
		bytes []byte
		want  int
	}{
		{"below the limit", []byte{5}, 5},
		{"last unbiased byte", []byte{247}, 247 % 62},
		{"at the limit: drawn again", []byte{248, 7}, 7},
		{"past the limit: drawn again", []byte{255, 250, 61}, 61},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.bytes
			read := func(b []byte) {
				if len(src) == 0 {
					t.Fatal("randIntn drew more bytes than the unbiased answer needs")
				}
				b[0], src = src[0], src[1:]
			}
			if got := randIntn(read, len(SaltChars)); got != tt.want || len(src) != 0 {
				t.Fatalf("randIntn = %d with %d bytes left, want %d with none", got, len(src), tt.want)
			}
		})
	}
}

func TestCheckPBKDF2Iterations(t *testing.T) {
	tests := []struct {
		name string
		n    int
		ok   bool
	}{
		{"zero", 0, false},
		{"negative", -1, false},
		{"one", 1, true},
		{"Werkzeug's default", DefaultPBKDF2Iterations, true},
		{"the maximum", MaxPBKDF2Iterations, true},
		{"past the maximum", MaxPBKDF2Iterations + 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := checkPBKDF2Iterations(tt.n); (err == nil) != tt.ok {
				t.Fatalf("checkPBKDF2Iterations(%d) = %v, want ok %v", tt.n, err, tt.ok)
			}
		})
	}
}
