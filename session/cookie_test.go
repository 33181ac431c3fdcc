package session

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func testInterface(mod func(*Options)) *CookieInterface {
	o := DefaultOptions([]byte("secret"))
	o.Clock = clockAt(fixtureSignedAt)
	if mod != nil {
		mod(&o)
	}
	return NewCookieInterface(o)
}

func save(t *testing.T, ci *CookieInterface, s *Session) (*httptest.ResponseRecorder, error) {
	t.Helper()
	w := httptest.NewRecorder()
	err := ci.Save(w, httptest.NewRequest("GET", "/", nil), s)
	return w, err
}

func TestSaveRules(t *testing.T) {
	permanent := func() *Session { return New(map[string]any{PermanentKey: true, "a": 1}) }
	tests := []struct {
		name       string
		mod        func(*Options)
		session    func() *Session
		wantCookie string // substring of Set-Cookie; "" means no cookie
		wantVary   bool
	}{
		{"untouched", nil, func() *Session { return New(map[string]any{"a": 1}) }, "", false},
		{"read only", nil, func() *Session { s := New(map[string]any{"a": 1}); s.Get("a"); return s }, "", true},
		{"modified", nil, func() *Session { s := New(nil); s.Set("a", 1); return s }, "session=eyJhIjoxfQ.", true},
		{"emptied", nil, func() *Session { s := New(map[string]any{"a": 1}); s.Delete("a"); return s }, "Max-Age=0", true},
		{"empty and untouched", nil, func() *Session { return New(nil) }, "", false},
		{"permanent refreshed", nil, permanent, "Expires=Tue, 22 Dec 2026 05:34:26 GMT", false},
		{"permanent without refresh", func(o *Options) { o.RefreshEachRequest = false }, permanent, "", false},
		{"custom lifetime", func(o *Options) { o.PermanentLifetime = time.Hour }, permanent, "Expires=Sat, 21 Nov 2026 06:34:26 GMT", false},
		{"attributes", func(o *Options) {
			o.CookieName, o.Domain, o.Path, o.SameSite, o.Partitioned = "sid", "example.com", "/app", http.SameSiteLaxMode, true
		}, func() *Session { s := New(nil); s.Set("a", 1); return s }, "sid=eyJhIjoxfQ.awEtYg.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := save(t, testInterface(tt.mod), tt.session())
			if err != nil {
				t.Fatal(err)
			}
			sc := w.Header().Get("Set-Cookie")
			if (tt.wantCookie == "") != (sc == "") || !strings.Contains(sc, tt.wantCookie) {
				t.Errorf("Set-Cookie = %q, want %q", sc, tt.wantCookie)
			}
			if got := w.Header().Get("Vary") == "Cookie"; got != (tt.wantVary || sc != "") {
				t.Errorf("Vary = %q", w.Header().Get("Vary"))
			}
		})
	}
}

func TestSaveCookieAttributes(t *testing.T) {
	ci := testInterface(func(o *Options) {
		o.Domain, o.Path, o.SameSite, o.Partitioned = "example.com", "/app", http.SameSiteLaxMode, true
	})
	s := New(nil)
	s.Set("a", 1)
	w, err := save(t, ci, s)
	if err != nil {
		t.Fatal(err)
	}
	got := cookieParts(w.Header().Get("Set-Cookie"))[1:]
	want := []string{"Domain=example.com", "HttpOnly", "Partitioned", "Path=/app", "SameSite=Lax", "Secure"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("attributes = %q, want %q", got, want)
	}
}

func TestVaryIsNotDuplicated(t *testing.T) {
	tests := []struct{ name, existing, want string }{
		{"none", "", "Cookie"},
		{"other", "Accept-Encoding", "Accept-Encoding, Cookie"},
		{"already", "accept-encoding, cookie", "accept-encoding, cookie"},
		{"star", "*", "*"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.existing != "" {
				h.Set("Vary", tt.existing)
			}
			addVary(h, "Cookie")
			addVary(h, "Cookie")
			if got := strings.Join(h.Values("Vary"), "|"); got != tt.want {
				t.Errorf("Vary = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestOversizeCookie(t *testing.T) {
	tests := []struct {
		name    string
		strict  bool
		size    int
		wantErr bool
		wantLog bool
	}{
		{"small", false, 100, false, false},
		{"large logged", false, 5000, false, true},
		{"large strict", true, 5000, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			ci := testInterface(func(o *Options) {
				o.Strict = tt.strict
				o.Logger = slog.New(slog.NewTextHandler(&logs, nil))
			})
			s := New(nil)
			s.Set("blob", randomText(tt.size))
			w, err := save(t, ci, s)
			if got := errors.Is(err, ErrCookieTooLarge); got != tt.wantErr {
				t.Fatalf("err = %v, want ErrCookieTooLarge: %v", err, tt.wantErr)
			}
			if got := strings.Contains(logs.String(), "level=ERROR"); got != tt.wantLog {
				t.Errorf("log = %q, want error logged: %v", logs.String(), tt.wantLog)
			}
			if hasCookie := w.Header().Get("Set-Cookie") != ""; hasCookie == tt.wantErr {
				t.Errorf("Set-Cookie present = %v with err %v", hasCookie, err)
			}
		})
	}
}

// randomText is incompressible text of n bytes.
func randomText(n int) string {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = 'a' + byte(x%26)
	}
	return string(b)
}

func TestNoSecretKey(t *testing.T) {
	ci := NewCookieInterface(Options{})
	v := loadFlask(t)
	s := ci.Open(requestWithCookie(v.Sessions[0].Cookie))
	checkEmpty(t, s)
	s.Set("a", 1)
	if _, err := save(t, ci, s); !errors.Is(err, ErrNoSecretKey) {
		t.Fatalf("err = %v, want ErrNoSecretKey", err)
	}
}

func TestSaveUnencodableValue(t *testing.T) {
	s := New(nil)
	s.Set("ch", make(chan int))
	if _, err := save(t, testInterface(nil), s); err == nil {
		t.Fatal("no error for a channel value")
	}
}

func TestSaveInvalidCookieSettings(t *testing.T) {
	s := New(nil)
	s.Set("a", 1)
	_, err := save(t, testInterface(func(o *Options) { o.CookieName = "bad name" }), s)
	if err == nil {
		t.Fatal("no error for an invalid cookie name")
	}
}

// TestCookieSizeLimit checks Werkzeug's dump_cookie rule: a Set-Cookie
// header exactly max_size bytes long passes, one byte more is too large;
// an unset MaxCookieSize means Werkzeug's 4093 and a negative one no limit.
func TestCookieSizeLimit(t *testing.T) {
	blob := randomText(5000)
	session := func() *Session { s := New(nil); s.Set("blob", blob); return s }
	w, err := save(t, testInterface(func(o *Options) { o.MaxCookieSize = -1 }), session())
	if err != nil {
		t.Fatal(err)
	}
	size := len(w.Header().Get("Set-Cookie"))
	if size <= 4093 {
		t.Fatalf("the test cookie is %d bytes, want more than 4093", size)
	}
	tests := []struct {
		name    string
		limit   int
		wantErr bool
	}{
		{"exactly at the limit", size, false},
		{"one byte over the limit", size - 1, true},
		{"unset means 4093", 0, true},
		{"negative means none", -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ci := testInterface(func(o *Options) {
				o.MaxCookieSize, o.Strict = tt.limit, true
				o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
			})
			if _, err := save(t, ci, session()); errors.Is(err, ErrCookieTooLarge) != tt.wantErr {
				t.Fatalf("%d-byte cookie, limit %d: err = %v, want ErrCookieTooLarge: %v", size, tt.limit, err, tt.wantErr)
			}
		})
	}
}

// TestOpenParsesCookieAsWerkzeug: Open reads the Cookie header with
// Werkzeug's parse_cookie rules (Flask's request.cookies.get), not Go's
// http.Request.Cookie, so a quoted value with escapes opens the session.
func TestOpenParsesCookieAsWerkzeug(t *testing.T) {
	ci := testInterface(nil)
	token, err := ci.Codec().Encode(map[string]any{"a": "b"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, header string
		want         bool // the session holds a=b
	}{
		{"plain", "session=" + token, true},
		{"quoted with escapes", `session="` + strings.ReplaceAll(token, ".", `\056`) + `"`, true},
		{"spaces around", "x=\xff;  session = " + token + " ; y", true},
		{"first wins", "session=" + token + "; session=bad", true},
		{"first is bad", "session=bad; session=" + token, false},
		{"empty", "session=", false},
		{"absent", "other=" + token, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/", nil)
			r.Header.Set("Cookie", tt.header)
			s := ci.Open(r)
			v, _ := s.Get("a")
			if got := v == "b"; got != tt.want || s.New == tt.want {
				t.Fatalf("Open: a=%v New=%v, want session %v", v, s.New, tt.want)
			}
		})
	}
}
