package csrf_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/csrf"
	"github.com/flagon-go/flagon/session"
)

// FuzzValidate posts arbitrary form tokens (and a fuzzed session value
// beside a genuine session) and expects the check to accept or answer
// 400, never to fail with a 500 or panic.
func FuzzValidate(f *testing.F) {
	start := time.Unix(1_800_000_000, 0)
	app, _ := newApp(func() time.Time { return start })
	form := httptest.NewRecorder()
	app.ServeHTTP(form, httptest.NewRequest("GET", "/form", nil))
	tok := form.Body.String()
	cookie, _, _ := strings.Cut(form.Header().Get("Set-Cookie"), ";")
	if cookie == "" || tok == "" {
		f.Fatalf("no token or session cookie: %q, %q", tok, cookie)
	}
	for _, s := range []string{tok, tok + "x", "", ".", "..", "a.b.c", "\"x\".AAAA.sig", strings.Repeat(".", 100),
		tok[:len(tok)/2], "eyJ.e30.e30", "\x00\xff", strings.ToUpper(tok)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, token string) {
		body := url.Values{"csrf_token": {token}}.Encode()
		req := httptest.NewRequest("POST", "/submit", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Cookie", cookie)
		res := httptest.NewRecorder()
		app.ServeHTTP(res, req)
		switch {
		case token == tok && res.Code != http.StatusOK:
			t.Fatalf("the genuine token: status %d", res.Code)
		case res.Code == http.StatusOK && token != tok:
			t.Fatalf("token %q accepted", token)
		case res.Code != http.StatusOK && res.Code != http.StatusBadRequest:
			t.Fatalf("token %q: status %d, want 200 or 400", token, res.Code)
		}
	})
}

// storedSessions is a server-side session store that needs no secret key,
// holding one session with a raw CSRF token.
type storedSessions struct{}

func (storedSessions) Open(*http.Request) *session.Session {
	return session.New(map[string]any{"csrf_token": "raw-token"})
}

func (storedSessions) Save(http.ResponseWriter, *http.Request, *session.Session) error { return nil }

// TestValidateWithoutSecretKey posts a token to an app that has sessions
// but no secret key: the check fails with Flask-WTF's clear error instead
// of panicking while building the token serializer.
func TestValidateWithoutSecretKey(t *testing.T) {
	app := flagon.New(flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	app.SessionInterface = storedSessions{}
	csrf.New(app)
	app.Post("/submit", func(c *flagon.Ctx) error { return c.Text("accepted") })
	var got error
	app.ErrorHandler(http.StatusInternalServerError, func(c *flagon.Ctx, err error) error {
		got = err
		return c.Status(http.StatusInternalServerError).Text("error")
	})
	req := httptest.NewRequest("POST", "/submit", strings.NewReader("csrf_token=a.b.c"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res := httptest.NewRecorder()
	app.ServeHTTP(res, req)
	if res.Code != http.StatusInternalServerError || got == nil || !strings.Contains(got.Error(), "secret key is required to use CSRF") {
		t.Fatalf("got %d, error %v; want 500 with the missing-key error", res.Code, got)
	}
}
