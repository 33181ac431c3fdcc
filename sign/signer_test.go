package sign

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"hash"
	"math"
	"strings"
	"testing"
	"time"
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

// TestTimestampRange checks the timestamps a TimestampSigner accepts, as
// ItsDangerous: with a valid signature any eight-byte integer is a
// timestamp, one past 9999-12-31T23:59:59Z (Python's datetime) gives the
// value with a zero time, or SignatureExpired (dated in the future) when
// maxAge is set; the year-9999 limit only makes a bad signature's
// timestamp malformed.
func TestTimestampRange(t *testing.T) {
	s := NewTimestampSigner([][]byte{[]byte("k")}, "salt", WithClock(fixedClock(1000)))
	tests := []struct {
		name     string
		ts       uint64
		maxAge   time.Duration
		badSig   bool
		wantDate bool
		wantMsg  string
	}{
		{"now", 1000, 0, false, true, ""},
		{"the largest", 253402300799, 0, false, true, ""},
		{"one past the largest", 253402300800, 0, false, false, ""},
		{"MaxInt64/2", math.MaxInt64 / 2, 0, false, false, ""},
		{"wraps to -1", math.MaxUint64, 0, false, false, ""},
		{"one past the largest, max age", 253402300800, time.Hour, false, false,
			"Signature age -253402299800 < 0 seconds"},
		{"wraps to -1, max age", math.MaxUint64, time.Hour, false, false,
			"Signature age -18446744073709550615 < 0 seconds"},
		{"the largest, bad signature", 253402300799, 0, true, true, "Signature"},
		{"one past the largest, bad signature", 253402300800, 0, true, false, "Malformed timestamp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			signer := s.Signer()
			if tt.badSig {
				signer = NewSigner([][]byte{[]byte("other key")}, "salt")
			}
			signed := signer.Sign([]byte("value." + string(EncodeBase64(intToBytes(tt.ts)))))
			value, date, err := s.Unsign(signed, tt.maxAge)
			if tt.wantMsg == "" {
				if err != nil || string(value) != "value" {
					t.Fatalf("Unsign = %q, %v; want the value", value, err)
				}
				if got := !date.IsZero(); got != tt.wantDate || (got && uint64(date.Unix()) != tt.ts) {
					t.Fatalf("date = %v, want %d (set: %v)", date, tt.ts, tt.wantDate)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || !strings.HasPrefix(e.Msg, tt.wantMsg) {
				t.Fatalf("err = %v, want %q", err, tt.wantMsg)
			}
			if tt.badSig {
				if e.Kind != ErrBadTimeSignature || e.DateSigned.IsZero() != !tt.wantDate {
					t.Fatalf("err = %+v, want a bad time signature (date: %v)", e, tt.wantDate)
				}
			} else if e.Kind != ErrSignatureExpired || string(e.Payload) != "value" {
				t.Fatalf("err = %+v, want SignatureExpired", e)
			}
		})
	}
}
