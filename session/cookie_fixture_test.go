package session

import (
	"fmt"
	"reflect"
	"testing"
)

func TestOpenFlaskCookies(t *testing.T) {
	v := loadFlask(t)
	want := fixturePayloads()
	if len(want) != len(v.Sessions) {
		t.Fatalf("fixture has %d sessions, test knows %d", len(v.Sessions), len(want))
	}
	ci := NewCookieInterface(v.options(v.GeneratedAt))
	for i, c := range v.Sessions {
		t.Run(c.Repr, func(t *testing.T) {
			s := ci.Open(requestWithCookie(c.Cookie))
			if s.New || s.Modified || s.Accessed {
				t.Errorf("flags New=%v Modified=%v Accessed=%v, want all false", s.New, s.Modified, s.Accessed)
			}
			if !reflect.DeepEqual(s.data, want[i]) {
				t.Errorf("data = %#v\nwant %#v", s.data, want[i])
			}
		})
	}
}

func TestOpenFallbackSignedCookie(t *testing.T) {
	v := loadFlask(t)
	s := NewCookieInterface(v.options(v.GeneratedAt)).Open(requestWithCookie(v.WithFallback[0].Cookie))
	if got, _ := s.Get("user_id"); got != int64(7) {
		t.Fatalf("user_id = %#v, want 7", got)
	}
	noFallback := v.options(v.GeneratedAt)
	noFallback.Fallbacks = nil
	if s := NewCookieInterface(noFallback).Open(requestWithCookie(v.WithFallback[0].Cookie)); !s.New {
		t.Fatal("opened a fallback-signed cookie without the fallback key")
	}
}

func TestOpenRejectsBadCookies(t *testing.T) {
	v := loadFlask(t)
	ci := NewCookieInterface(v.options(v.GeneratedAt))
	for i, c := range v.Tampered {
		t.Run(fmt.Sprintf("%d %.20s", i, c), func(t *testing.T) {
			checkEmpty(t, ci.Open(requestWithCookie(c)))
		})
	}
}

func TestOpenExpiredCookies(t *testing.T) {
	v := loadFlask(t)
	tests := []struct {
		name    string
		now     int64
		expired bool
	}{
		{"at max age", fixtureSignedAt + 31*86400, false},
		{"past max age", fixtureSignedAt + 31*86400 + 1, true},
		{"before signing", fixtureSignedAt - 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ci := NewCookieInterface(v.options(tt.now))
			for _, c := range v.Sessions {
				if s := ci.Open(requestWithCookie(c.Cookie)); s.New != tt.expired {
					t.Errorf("%s: New = %v, want %v", c.Repr, s.New, tt.expired)
				}
			}
		})
	}
}

func checkEmpty(t *testing.T, s *Session) {
	t.Helper()
	if !s.New || len(s.data) != 0 || s.Modified {
		t.Fatalf("session = %#v, want empty and new", s)
	}
}

// TestEncodeMatchesFlask writes the fixture payloads again at the fixture's
// time: every cookie, compressed or not, must be byte-identical.
func TestEncodeMatchesFlask(t *testing.T) {
	v := loadFlask(t)
	ci := NewCookieInterface(v.options(fixtureSignedAt))
	for i, data := range fixturePayloads() {
		t.Run(v.Sessions[i].Repr, func(t *testing.T) {
			got, err := ci.Codec().Encode(data)
			if err != nil {
				t.Fatal(err)
			}
			want := v.Sessions[i].Cookie
			if got != want {
				t.Fatalf("Encode = %s\n       want %s", got, want)
			}
			back := ci.Open(requestWithCookie(got))
			if !reflect.DeepEqual(back.data, data) {
				t.Fatalf("round trip = %#v, want %#v", back.data, data)
			}
		})
	}
}
