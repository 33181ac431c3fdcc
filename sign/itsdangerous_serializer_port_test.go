package sign

import (
	"crypto/sha1"
	"crypto/sha512"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Ports of ItsDangerous tests/test_itsdangerous/test_serializer.py and
// test_url_safe.py as they apply to URLSafeTimedSerializer (the one
// serializer this package has), with tokens checked against ItsDangerous
// 2.2 at test_timed.py's frozen time.

func newTestSerializer(c *frozenClock, salt string, opts ...Option) *Serializer {
	return NewSerializer([][]byte{[]byte("secret-key")}, salt, append(opts, c.option())...)
}

// serializerValues are the value fixtures of TestURLSafeSerializer with
// the tokens ItsDangerous makes for them.
var serializerValues = []struct {
	name  string
	value any
	token string
}{
	{"id", map[string]any{"id": 42.0}, "eyJpZCI6NDJ9.TgPVoQ.OrMFcbcNb1bOevFzF4w643CiYnI"},
	{"zlib", strings.Repeat("a", 1000), ".eJxTShwFo2AUDHugBAD6Fns8.TgPVoQ.fRXLPUYVblkvmE1sUMSzMUJ1o1Q"},
}

func decodeAny(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("payload %q: %v", b, err)
	}
	return v
}

func TestSerializerRoundTripPort(t *testing.T) {
	s := newTestSerializer(newFrozenClock(), "itsdangerous")
	values := []any{nil, true, "str", "text", []any{1.0, 2.0, 3.0}, map[string]any{"id": 42.0}}
	for _, v := range values {
		t.Run("test_serializer", func(t *testing.T) {
			token, err := s.DumpsValue(v)
			if err != nil {
				t.Fatal(err)
			}
			var got any
			if _, err := s.LoadsValue(token, 0, &got); err != nil || !reflect.DeepEqual(got, v) {
				t.Errorf("LoadsValue = %#v, %v; want %#v", got, err, v)
			}
		})
	}
	for _, tc := range serializerValues {
		t.Run("dumps/"+tc.name, func(t *testing.T) {
			if token, err := s.DumpsValue(tc.value); err != nil || token != tc.token {
				t.Errorf("DumpsValue = %q, %v; want %q", token, err, tc.token)
			}
		})
	}
}

func TestSerializerChangedValuePort(t *testing.T) {
	s := newTestSerializer(newFrozenClock(), "itsdangerous")
	transforms := []struct {
		name string
		fn   func(string) string
	}{
		{"upper", strings.ToUpper},
		{"append", func(s string) string { return s + "a" }},
		{"replace first", func(s string) string { return "a" + s[1:] }},
		{"drop separators", func(s string) string { return strings.ReplaceAll(s, ".", "") }},
	}
	for _, v := range serializerValues {
		for _, tr := range transforms {
			t.Run("test_changed_value/"+v.name+"/"+tr.name, func(t *testing.T) {
				if _, _, err := s.Loads(v.token, 0); err != nil {
					t.Fatal(err)
				}
				if _, _, err := s.Loads(tr.fn(v.token), 0); !errors.Is(err, ErrBadSignature) {
					t.Errorf("err = %v", err)
				}
			})
		}
	}
}

func TestSerializerErrorsPort(t *testing.T) {
	s := newTestSerializer(newFrozenClock(), "itsdangerous")
	for _, v := range serializerValues {
		t.Run("test_bad_signature_exception/"+v.name, func(t *testing.T) {
			_, _, err := s.Loads(v.token[:len(v.token)-1], 0)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, ErrBadSignature) {
				t.Fatalf("err = %v", err)
			}
			payload, err := s.LoadPayload(e.Payload)
			if err != nil || !reflect.DeepEqual(decodeAny(t, payload), v.value) {
				t.Errorf("LoadPayload = %q, %v", payload, err)
			}
		})
		t.Run("test_bad_payload_exception/"+v.name, func(t *testing.T) {
			payload := v.token[:strings.LastIndexByte(v.token, '.')]
			payload = payload[:strings.LastIndexByte(payload, '.')]
			bad := s.TimestampSigner().Sign([]byte(payload[:len(payload)-1]))
			_, _, err := s.Loads(string(bad), 0)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, ErrBadPayload) || e.Err == nil {
				t.Errorf("err = %#v", err)
			}
		})
		t.Run("test_loads_unsafe/"+v.name, func(t *testing.T) {
			if ok, p := s.LoadsUnsafe(v.token, 0); !ok || !reflect.DeepEqual(decodeAny(t, p), v.value) {
				t.Errorf("valid: %v %q", ok, p)
			}
			if ok, p := s.LoadsUnsafe(v.token[:len(v.token)-1], 0); ok || !reflect.DeepEqual(decodeAny(t, p), v.value) {
				t.Errorf("bad signature: %v %q", ok, p)
			}
			payload := v.token[:strings.LastIndexByte(v.token, '.')]
			payload = payload[:strings.LastIndexByte(payload, '.')]
			bad := s.TimestampSigner().Sign([]byte(payload[:len(payload)-1]))
			if ok, p := s.LoadsUnsafe(string(bad[:len(bad)-1]), 0); ok || p != nil {
				t.Errorf("bad payload: %v %q", ok, p)
			}
		})
	}
}

func TestSerializerSaltAndSignerPort(t *testing.T) {
	c := newFrozenClock()
	s := newTestSerializer(c, "itsdangerous")
	t.Run("test_alt_salt", func(t *testing.T) {
		other := newTestSerializer(c, "other")
		token, _ := other.DumpsValue(map[string]any{"id": 42})
		if token != "eyJpZCI6NDJ9.TgPVoQ.M_bdqGYcph4oOpkLs7vEAwexi_I" {
			t.Errorf("token %q", token)
		}
		if _, _, err := s.Loads(token, 0); !errors.Is(err, ErrBadSignature) {
			t.Errorf("default salt: %v", err)
		}
		if _, _, err := other.Loads(token, 0); err != nil {
			t.Errorf("other salt: %v", err)
		}
	})
	t.Run("test_signer_kwargs", func(t *testing.T) {
		other := newTestSerializer(c, "itsdangerous", WithKeyDerivation(HMAC))
		token, _ := other.DumpsValue(map[string]any{"id": 42})
		if token != "eyJpZCI6NDJ9.TgPVoQ.XvkpOFY3l3BXVPf_2FW8PC5DdsU" {
			t.Errorf("token %q", token)
		}
		if _, _, err := other.Loads(token, 0); err != nil {
			t.Error(err)
		}
	})
}

func TestTimedSerializerPort(t *testing.T) {
	for _, v := range serializerValues {
		t.Run("test_max_age/"+v.name, func(t *testing.T) {
			c := newFrozenClock()
			s := newTestSerializer(c, "itsdangerous")
			token, _ := s.DumpsValue(v.value)
			c.tick(time.Second)
			if _, _, err := s.Loads(token, 10*time.Second); err != nil {
				t.Fatal(err)
			}
			c.tick(10 * time.Second)
			_, _, err := s.Loads(token, 10*time.Second)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, ErrSignatureExpired) || !e.DateSigned.Equal(frozenTS) {
				t.Fatalf("err = %#v", err)
			}
			if p, err := s.LoadPayload(e.Payload); err != nil || !reflect.DeepEqual(decodeAny(t, p), v.value) {
				t.Errorf("LoadPayload = %q, %v", p, err)
			}
		})
		t.Run("test_return_payload/"+v.name, func(t *testing.T) {
			s := newTestSerializer(newFrozenClock(), "itsdangerous")
			p, ts, err := s.Loads(v.token, 0)
			if err != nil || !ts.Equal(frozenTS) || !reflect.DeepEqual(decodeAny(t, p), v.value) {
				t.Errorf("Loads = %q, %v, %v", p, ts, err)
			}
		})
	}
}

// test_digests: the untimed Serializer signs its JSON with a Signer, whose
// output this package's Signer reproduces for each digest.
func TestDigestsPort(t *testing.T) {
	payload, _ := CompactJSON([]any{42})
	cases := []struct {
		name string
		opts []Option
		want string
	}{
		{"default", nil, "[42].-9cNi0CxsSB3hZPNCe9a2eEs1ZM"},
		{"sha1", []Option{WithDigest(sha1.New)}, "[42].-9cNi0CxsSB3hZPNCe9a2eEs1ZM"},
		{"sha512", []Option{WithDigest(sha512.New)}, "[42].MKCz_0nXQqv7wKpfHZcRtJRmpT2T5uvs9YQsJEhJimqxc9bCLxG31QzS5uC8OVBI1i6jyOLAFNoKaF5ckO9L5Q"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSigner([][]byte{[]byte("dev key")}, "dev salt", tc.opts...)
			if got := string(s.Sign(payload)); got != tc.want {
				t.Errorf("signed %q, want %q", got, tc.want)
			}
		})
	}
}
