package sign

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
)

// Ports of ItsDangerous tests/test_itsdangerous/test_timed.py
// (TestTimestampSigner and the TestSigner cases it inherits), under the
// frozen time of its FreezeMixin. Signatures are ItsDangerous 2.2's.

var frozenTS = time.Date(2011, 6, 24, 0, 9, 5, 0, time.UTC)

// frozenClock is freezegun's clock: tick moves it forward.
type frozenClock struct{ now time.Time }

func (c *frozenClock) Now() time.Time       { return c.now }
func (c *frozenClock) tick(d time.Duration) { c.now = c.now.Add(d) }
func newFrozenClock() *frozenClock          { return &frozenClock{now: frozenTS} }
func (c *frozenClock) option() Option       { return WithClock(c.Now) }

func newTestTimestampSigner(c *frozenClock) *TimestampSigner {
	return NewTimestampSigner([][]byte{[]byte("secret-key")}, "itsdangerous.Signer", c.option())
}

func TestTimestampSignerPort(t *testing.T) {
	s := newTestTimestampSigner(newFrozenClock())
	t.Run("test_signer", func(t *testing.T) {
		signed := s.Sign([]byte("my string"))
		if string(signed) != "my string.TgPVoQ.YR7LeXge8QKe4WGdzO8Qpdl20Yc" {
			t.Errorf("signed %q", signed)
		}
		if !s.Validate(signed, 0) {
			t.Error("Validate = false")
		}
		if out, _, err := s.Unsign(signed, 0); err != nil || string(out) != "my string" {
			t.Errorf("Unsign = %q, %v", out, err)
		}
	})
	bad := []struct {
		name   string
		signed []byte
	}{
		{"test_no_separator", bytes.Replace(s.Sign([]byte("my string")), []byte{Sep}, []byte("*"), 1)},
		{"test_changed_value", bytes.Replace(s.Sign([]byte("my string")), []byte("my"), []byte("other"), 1)},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if s.Validate(tc.signed, 0) {
				t.Error("Validate = true")
			}
			if _, _, err := s.Unsign(tc.signed, 0); !errors.Is(err, ErrBadSignature) {
				t.Errorf("err = %v", err)
			}
		})
	}
	t.Run("test_broken_signature", func(t *testing.T) {
		signed := s.Sign([]byte("b"))
		_, _, err := s.Unsign(signed[:len(signed)-1], 0)
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrBadTimeSignature) || string(e.Payload) != "b" {
			t.Errorf("err = %#v", err)
		}
	})
}

func TestTimestampSignerMaxAgePort(t *testing.T) {
	t.Run("test_max_age", func(t *testing.T) {
		c := newFrozenClock()
		s := newTestTimestampSigner(c)
		signed := s.Sign([]byte("value"))
		c.tick(time.Second)
		if out, _, err := s.Unsign(signed, 10*time.Second); err != nil || string(out) != "value" {
			t.Fatalf("Unsign = %q, %v", out, err)
		}
		c.tick(10 * time.Second)
		_, _, err := s.Unsign(signed, 10*time.Second)
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrSignatureExpired) || !e.DateSigned.Equal(frozenTS) {
			t.Errorf("err = %#v", err)
		}
		if s.Validate(signed, 10*time.Second) {
			t.Error("Validate = true for an expired signature")
		}
	})
	t.Run("test_return_timestamp", func(t *testing.T) {
		s := newTestTimestampSigner(newFrozenClock())
		out, ts, err := s.Unsign(s.Sign([]byte("value")), 0)
		if err != nil || string(out) != "value" || !ts.Equal(frozenTS) {
			t.Errorf("Unsign = %q, %v, %v", out, ts, err)
		}
	})
	t.Run("test_future_age", func(t *testing.T) {
		c := newFrozenClock()
		s := newTestTimestampSigner(c)
		signed := s.Sign([]byte("value"))
		c.now = time.Date(1971, 5, 31, 0, 0, 0, 0, time.UTC)
		_, _, err := s.Unsign(signed, 10*time.Second)
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrSignatureExpired) || e.DateSigned.IsZero() {
			t.Errorf("err = %#v", err)
		}
	})
}

func TestTimestampSignerMalformedPort(t *testing.T) {
	plain := NewSigner([][]byte{[]byte("secret-key")}, "itsdangerous.Signer")
	s := newTestTimestampSigner(newFrozenClock())
	cases := []struct {
		name, signed, msg string
	}{
		{"test_timestamp_missing", string(plain.Sign([]byte("value"))), "missing"},
		{"test_malformed_timestamp", string(plain.Sign([]byte("value.____________"))), "Malformed"},
		{"test_malformed_future_timestamp", "value.TgPVoaGhoQ.AGBfQ6G6cr07byTRt0zAdPljHOY", "Malformed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := s.Unsign([]byte(tc.signed), 0)
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, ErrBadTimeSignature) {
				t.Fatalf("err = %#v", err)
			}
			if !strings.Contains(err.Error(), tc.msg) || !e.DateSigned.IsZero() {
				t.Errorf("err %q, date signed %v", err, e.DateSigned)
			}
		})
	}
	t.Run("test_sig_error_date_signed", func(t *testing.T) {
		signed := bytes.Replace(s.Sign([]byte("my string")), []byte("my"), []byte("other"), 1)
		_, _, err := s.Unsign(signed, 0)
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrBadTimeSignature) || !e.DateSigned.Equal(frozenTS) {
			t.Errorf("err = %#v", err)
		}
	})
}
