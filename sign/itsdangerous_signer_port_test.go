package sign

import (
	"bytes"
	"crypto/md5"
	"errors"
	"testing"
)

// Ports of ItsDangerous tests/test_itsdangerous/test_signer.py (TestSigner),
// with signatures checked against ItsDangerous 2.2.

func newTestSigner(opts ...Option) *Signer {
	return NewSigner([][]byte{[]byte("secret-key")}, "itsdangerous.Signer", opts...)
}

func TestSignerPort(t *testing.T) {
	s := newTestSigner()
	tamper := []struct {
		name   string
		signed func() []byte
	}{
		{"test_no_separator", func() []byte { return bytes.Replace(s.Sign([]byte("my string")), []byte{Sep}, []byte("*"), 1) }},
		{"test_changed_value", func() []byte {
			return bytes.Replace(s.Sign([]byte("my string")), []byte("my"), []byte("other"), 1)
		}},
	}
	t.Run("test_signer", func(t *testing.T) {
		signed := s.Sign([]byte("my string"))
		if string(signed) != "my string.wh6tMHxLgJqB6oY1uT73iMlyrOA" {
			t.Errorf("signed %q", signed)
		}
		if !s.Validate(signed) {
			t.Error("Validate = false")
		}
		if out, err := s.Unsign(signed); err != nil || string(out) != "my string" {
			t.Errorf("Unsign = %q, %v", out, err)
		}
	})
	for _, tc := range tamper {
		t.Run(tc.name, func(t *testing.T) {
			signed := tc.signed()
			if s.Validate(signed) {
				t.Error("Validate = true")
			}
			if _, err := s.Unsign(signed); !errors.Is(err, ErrBadSignature) {
				t.Errorf("Unsign err = %v", err)
			}
		})
	}
	t.Run("test_broken_signature", func(t *testing.T) {
		signed := s.Sign([]byte("b"))
		bad := signed[:len(signed)-1]
		if s.VerifySignature([]byte("b"), bad[bytes.LastIndexByte(bad, Sep)+1:]) {
			t.Error("VerifySignature = true")
		}
		_, err := s.Unsign(bad)
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrBadSignature) || string(e.Payload) != "b" {
			t.Errorf("Unsign err = %#v", err)
		}
	})
}

func TestSignerKeyDerivationPort(t *testing.T) {
	// test_key_derivation, with each signature as ItsDangerous makes it.
	cases := []struct{ name, signed string }{
		{"concat", "value.BWFI7CwV-UtaizSlDrdXTgFEycw"},
		{"django-concat", "value.RI9crmxKpuX1wTw2mg_FHFGXRic"},
		{"hmac", "value.amDFTaW4_4Q4S4WgCg8gPnw99dU"},
		{"none", "value.KR0bPVhdBT1d8GpHRrZeO1VF_ew"},
	}
	for _, tc := range cases {
		t.Run("test_key_derivation/"+tc.name, func(t *testing.T) {
			kd, err := ParseKeyDerivation(tc.name)
			if err != nil {
				t.Fatal(err)
			}
			s := NewSigner([][]byte{[]byte("secret-key")}, "itsdangerous.Signer", WithKeyDerivation(kd))
			signed := s.Sign([]byte("value"))
			if string(signed) != tc.signed {
				t.Errorf("signed %q, want %q", signed, tc.signed)
			}
			if out, err := s.Unsign(signed); err != nil || string(out) != "value" {
				t.Errorf("Unsign = %q, %v", out, err)
			}
		})
	}
	t.Run("test_invalid_key_derivation", func(t *testing.T) {
		if _, err := ParseKeyDerivation("invalid"); err == nil {
			t.Error("no error")
		}
	})
	t.Run("test_digest_method", func(t *testing.T) {
		s := newTestSigner(WithDigest(md5.New))
		signed := s.Sign([]byte("value"))
		if string(signed) != "value.gU6nQtxVhoAVWBBY4JI4_g" {
			t.Errorf("signed %q", signed)
		}
		if out, err := s.Unsign(signed); err != nil || string(out) != "value" {
			t.Errorf("Unsign = %q, %v", out, err)
		}
	})
}

// test_secret_keys: a value signed with "a" is valid for ["a", "b"]
// (oldest first), and a list signs with its last key.
func TestSignerSecretKeysPort(t *testing.T) {
	signed := NewSigner([][]byte{[]byte("a")}, "itsdangerous.Signer").Sign([]byte("my string"))
	rotated := NewSigner([][]byte{[]byte("a"), []byte("b")}, "itsdangerous.Signer")
	if !rotated.Validate(signed) {
		t.Error("Validate = false")
	}
	if out, err := rotated.Unsign(signed); err != nil || string(out) != "my string" {
		t.Errorf("Unsign = %q, %v", out, err)
	}
	newest := NewSigner([][]byte{[]byte("b")}, "itsdangerous.Signer").Sign([]byte("my string"))
	if got := rotated.Sign([]byte("my string")); !bytes.Equal(got, newest) {
		t.Errorf("signed with %q, want newest key's %q", got, newest)
	}
}
