package sign

import (
	"errors"
	"testing"
	"time"
)

// Flask-WTF signs the session's raw CSRF token with the app's secret key,
// salt "wtf-csrf-token" and ItsDangerous' default key derivation.
func TestFlaskWTFCSRFToken(t *testing.T) {
	v := loadFlask(t)
	for _, c := range v.CSRF {
		s := NewSerializer([][]byte{[]byte(v.SecretKey)}, c.Salt, WithClock(fixedClock(c.GeneratedAt)))
		var raw string
		if _, err := s.LoadsValue(c.FormToken, time.Hour, &raw); err != nil {
			t.Fatalf("LoadsValue: %v", err)
		}
		if raw != c.SessionToken {
			t.Errorf("raw token = %q, want %q", raw, c.SessionToken)
		}
		tok, err := s.DumpsValue(c.SessionToken)
		if err != nil || tok != c.FormToken {
			t.Errorf("DumpsValue = %q, %v; want %q", tok, err, c.FormToken)
		}
		late := NewSerializer([][]byte{[]byte(v.SecretKey)}, c.Salt, WithClock(fixedClock(c.GeneratedAt+3601)))
		if _, err := late.LoadsValue(c.FormToken, time.Hour, &raw); !errors.Is(err, ErrSignatureExpired) {
			t.Errorf("after an hour: err = %v, want ErrSignatureExpired", err)
		}
	}
}
