package sign

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"hash"
	"math"
	"testing"
)

var digests = map[string]func() hash.Hash{"sha1": sha1.New, "sha256": sha256.New, "sha512": sha512.New}

func TestSignerMatchesItsDangerous(t *testing.T) {
	var v struct {
		Secrets []string
		Signers []struct{ Derivation, Digest, Value, Signed string }
	}
	loadJSON(t, "testdata/itsdangerous-vectors.json", &v)
	for _, vec := range v.Signers {
		t.Run(vec.Derivation+"/"+vec.Digest, func(t *testing.T) {
			kd, err := ParseKeyDerivation(vec.Derivation)
			if err != nil {
				t.Fatal(err)
			}
			s := NewSigner(bytesList(v.Secrets), "salt", WithKeyDerivation(kd), WithDigest(digests[vec.Digest]))
			if got := string(s.Sign([]byte(vec.Value))); got != vec.Signed {
				t.Errorf("Sign = %s, want %s", got, vec.Signed)
			}
			if got, err := s.Unsign([]byte(vec.Signed)); err != nil || string(got) != vec.Value {
				t.Errorf("Unsign = %q, %v", got, err)
			}
		})
	}
}

func TestSignerUnsignErrors(t *testing.T) {
	s := NewSigner([][]byte{[]byte("k")}, "salt")
	good := s.Sign([]byte("v"))
	tests := []struct {
		name, in    string
		wantPayload string
	}{
		{"no separator", "value", ""},
		{"wrong signature", "v.AAAA", "v"},
		{"bad base64", "v.!!", "v"},
		{"truncated", string(good[:len(good)-1]), "v"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Unsign([]byte(tt.in))
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, ErrBadSignature) || errors.Is(err, ErrBadTimeSignature) {
				t.Fatalf("err = %v, want a plain ErrBadSignature", err)
			}
			if string(e.Payload) != tt.wantPayload {
				t.Errorf("Payload = %q, want %q", e.Payload, tt.wantPayload)
			}
		})
	}
}

func TestTimestampSignerErrors(t *testing.T) {
	s := NewTimestampSigner([][]byte{[]byte("k")}, "salt", WithClock(fixedClock(1000)))
	plain := s.Signer()
	tests := []struct {
		name string
		in   []byte
		kind error
	}{
		{"missing timestamp", plain.Sign([]byte("value")), ErrBadTimeSignature},
		{"malformed timestamp", plain.Sign([]byte("value.!!")), ErrBadTimeSignature},
		{"timestamp over 8 bytes", plain.Sign([]byte("value.AAAAAAAAAAAAAA")), ErrBadTimeSignature},
		{"bad signature", []byte("value.AAPo.AAAA"), ErrBadTimeSignature},
		{"no separator", []byte("value"), ErrBadSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := s.Unsign(tt.in, 0)
			var e *Error
			if !errors.As(err, &e) || e.Kind != tt.kind {
				t.Fatalf("err = %#v, want kind %v", err, tt.kind)
			}
		})
	}
}

func TestTimestampSignerBadSignatureKeepsDate(t *testing.T) {
	s := NewTimestampSigner([][]byte{[]byte("k")}, "salt", WithClock(fixedClock(1000)))
	signed := s.Sign([]byte("value"))
	signed[len(signed)-1] ^= 1
	_, _, err := s.Unsign(signed, 0)
	var e *Error
	if !errors.As(err, &e) || e.DateSigned.Unix() != 1000 || string(e.Payload) != "value" {
		t.Fatalf("err = %#v, want date 1000 and payload", err)
	}
}

func TestErrorHierarchy(t *testing.T) {
	tests := []struct {
		kind error
		is   []error
		not  []error
	}{
		{ErrSignatureExpired, []error{ErrBadTimeSignature, ErrBadSignature, ErrBadData}, []error{ErrBadPayload}},
		{ErrBadTimeSignature, []error{ErrBadSignature, ErrBadData}, []error{ErrSignatureExpired}},
		{ErrBadSignature, []error{ErrBadData}, []error{ErrBadTimeSignature, ErrBadPayload}},
		{ErrBadPayload, []error{ErrBadData}, []error{ErrBadSignature}},
	}
	for _, tt := range tests {
		err := error(&Error{Kind: tt.kind})
		for _, target := range append(tt.is, tt.kind) {
			if !errors.Is(err, target) {
				t.Errorf("%v should be %v", tt.kind, target)
			}
		}
		for _, target := range tt.not {
			if errors.Is(err, target) {
				t.Errorf("%v should not be %v", tt.kind, target)
			}
		}
	}
}

func TestParseKeyDerivation(t *testing.T) {
	for _, k := range []KeyDerivation{DjangoConcat, Concat, HMAC, NoDerivation} {
		got, err := ParseKeyDerivation(k.String())
		if err != nil || got != k {
			t.Errorf("ParseKeyDerivation(%q) = %v, %v", k.String(), got, err)
		}
	}
	if _, err := ParseKeyDerivation("md5"); err == nil {
		t.Error("ParseKeyDerivation(md5) succeeded")
	}
}

func TestNewSignerPanicsWithoutSecrets(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	NewSigner(nil, "salt")
}

// TestTimestampRange checks the timestamps a TimestampSigner accepts: up
// to 9999-12-31T23:59:59Z, the last second Python's datetime holds, as
// ItsDangerous; larger ones, including those that would wrap to a
// negative time, are malformed.
func TestTimestampRange(t *testing.T) {
	s := NewTimestampSigner([][]byte{[]byte("k")}, "salt", WithClock(fixedClock(1000)))
	tests := []struct {
		name string
		ts   uint64
		ok   bool
	}{
		{"now", 1000, true},
		{"the largest", 253402300799, true},
		{"one past the largest", 253402300800, false},
		{"MaxInt64/2", math.MaxInt64 / 2, false},
		{"wraps to -1", math.MaxUint64, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			signed := s.Signer().Sign([]byte("value." + string(EncodeBase64(intToBytes(tt.ts)))))
			_, date, err := s.Unsign(signed, 0)
			if tt.ok {
				if err != nil || uint64(date.Unix()) != tt.ts {
					t.Fatalf("Unsign = %v, %v; want the date %d", date, err, tt.ts)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || e.Kind != ErrBadTimeSignature || e.Msg != "Malformed timestamp" {
				t.Fatalf("err = %v, want a malformed timestamp", err)
			}
		})
	}
}
