package security

import (
	"strings"
	"testing"
)

// Ports of the password hash cases of Werkzeug tests/test_security.py
// (safe_join is flagon.SafeJoin, ported in the root package).

func TestPasswordMethodsPort(t *testing.T) {
	cases := []struct{ name, method, prefix string }{
		{"test_default_password_method", "", "scrypt:"},
		{"test_scrypt", "scrypt", "scrypt:32768:8:1$"},
		{"test_pbkdf2", "pbkdf2", "pbkdf2:sha256:1000000$"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			value, err := GeneratePasswordHash("secret", tc.method, 0)
			if err != nil || !strings.HasPrefix(value, tc.prefix) {
				t.Fatalf("GeneratePasswordHash = %q, %v; want prefix %q", value, err, tc.prefix)
			}
			if !CheckPasswordHash(value, "secret") {
				t.Error("CheckPasswordHash = false")
			}
			if CheckPasswordHash(value, "Secret") {
				t.Error("CheckPasswordHash accepts another password")
			}
		})
	}
}

func TestSaltedHashesPort(t *testing.T) {
	hash1, _ := GeneratePasswordHash("secret", "", 0)
	hash2, _ := GeneratePasswordHash("secret", "", 0)
	if hash1 == hash2 {
		t.Errorf("two hashes are equal: %q", hash1)
	}
	if !CheckPasswordHash(hash1, "secret") || !CheckPasswordHash(hash2, "secret") {
		t.Error("CheckPasswordHash = false")
	}
}

// test_require_salt and test_invalid_method. Werkzeug's salt_length=0
// is -1 here: 0 asks for the default length (Go has no optional
// arguments), see docs/sessions.md.
func TestPasswordHashErrorsPort(t *testing.T) {
	cases := []struct {
		name, method string
		saltLength   int
		msg          string
	}{
		{"test_require_salt", "", -1, "salt length"},
		{"test_invalid_method", "sha256", 0, "invalid hash method"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := GeneratePasswordHash("secret", tc.method, tc.saltLength)
			if err == nil || !strings.Contains(strings.ToLower(err.Error()), tc.msg) {
				t.Errorf("err = %v, want %q", err, tc.msg)
			}
		})
	}
}

// Salt lengths: the salt between the "$" signs has the length asked for.
func TestSaltLengthPort(t *testing.T) {
	for _, n := range []int{1, 8, 16, 32} {
		h, err := GeneratePasswordHash("secret", "pbkdf2:sha256:1000", n)
		if err != nil {
			t.Fatal(err)
		}
		if parts := strings.Split(h, "$"); len(parts) != 3 || len(parts[1]) != n {
			t.Errorf("salt length %d: %q", n, h)
		}
	}
}
