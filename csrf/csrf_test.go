package csrf_test

import (
	"crypto/tls"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/csrf"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/session"
)

type fixture struct {
	SecretKey string `json:"secret_key"`
	CSRF      []struct {
		SessionToken string `json:"session_csrf_token"`
		FormToken    string `json:"form_token"`
		GeneratedAt  int64  `json:"generated_at_unix"`
	} `json:"csrf"`
}

func loadFixture(t *testing.T) fixture {
	b, err := os.ReadFile("../internal/fixtures/flask-interop-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var f fixture
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// newApp returns an app with CSRF protection whose clock is now().
func newApp(now func() time.Time) (*flagon.App, *csrf.Protect) {
	app := flagon.New(
		flagon.WithConfig(map[string]any{"SECRET_KEY": "s3cr3t-1"}),
		flagon.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))))
	p := csrf.New(app, csrf.Options{Clock: now})
	app.Get("/form", func(c *flagon.Ctx) error {
		tok, err := csrf.Token(c)
		if err != nil {
			return err
		}
		return c.Text(tok)
	})
	app.Get("/page", func(c *flagon.Ctx) error {
		s, err := c.RenderString(`<input name="csrf_token" value="{{ csrf_token }}">`, nil)
		if err != nil {
			return err
		}
		return c.HTML(s)
	})
	app.Post("/submit", func(c *flagon.Ctx) error { return c.Text("accepted") })
	app.Post("/hook", func(c *flagon.Ctx) error { return c.Text("hook") }, flagon.Endpoint("hook"))
	api := flagon.NewBlueprint("api", "/api")
	api.Post("/items", func(c *flagon.Ctx) error { return c.Text("api") }, flagon.Endpoint("items"))
	app.RegisterBlueprint(api)
	p.Exempt("hook")
	p.ExemptBlueprint("api")
	return app, p
}

func TestCSRF(t *testing.T) {
	start := time.Unix(1_800_000_000, 0)
	tests := []struct {
		name     string
		send     func(t *testing.T, cl *flagontest.Client, token string) *flagontest.Response
		later    time.Duration
		code     int
		contains string
	}{
		{"form field accepted", func(t *testing.T, cl *flagontest.Client, tok string) *flagontest.Response {
			return cl.Post("/submit", flagontest.Form(url.Values{"csrf_token": {tok}}))
		}, 0, 200, "accepted"},
		{"X-CSRFToken header accepted", func(t *testing.T, cl *flagontest.Client, tok string) *flagontest.Response {
			return cl.Post("/submit", flagontest.Header("X-CSRFToken", tok))
		}, 0, 200, "accepted"},
		{"X-CSRF-Token header accepted", func(t *testing.T, cl *flagontest.Client, tok string) *flagontest.Response {
			return cl.Post("/submit", flagontest.JSON(map[string]int{"a": 1}), flagontest.Header("X-CSRF-Token", tok))
		}, 0, 200, "accepted"},
		{"missing token", func(t *testing.T, cl *flagontest.Client, tok string) *flagontest.Response {
			return cl.Post("/submit", flagontest.Form(url.Values{"name": {"x"}}))
		}, 0, 400, string(csrf.ReasonMissing)},
		{"expired token", func(t *testing.T, cl *flagontest.Client, tok string) *flagontest.Response {
			return cl.Post("/submit", flagontest.Form(url.Values{"csrf_token": {tok}}))
		}, time.Hour + time.Second, 400, string(csrf.ReasonExpired)},
		{"invalid token", func(t *testing.T, cl *flagontest.Client, tok string) *flagontest.Response {
			return cl.Post("/submit", flagontest.Form(url.Values{"csrf_token": {tok + "x"}}))
		}, 0, 400, string(csrf.ReasonInvalid)},
		{"session token missing", func(t *testing.T, cl *flagontest.Client, tok string) *flagontest.Response {
			fresh := flagontest.NewClient(t, cl.Handler)
			return fresh.Post("/submit", flagontest.Form(url.Values{"csrf_token": {tok}}))
		}, 0, 400, string(csrf.ReasonSessionMissing)},
		{"exempt endpoint", func(t *testing.T, cl *flagontest.Client, tok string) *flagontest.Response {
			return cl.Post("/hook")
		}, 0, 200, "hook"},
		{"exempt blueprint", func(t *testing.T, cl *flagontest.Client, tok string) *flagontest.Response {
			return cl.Post("/api/items")
		}, 0, 200, "api"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now := start
			app, _ := newApp(func() time.Time { return now })
			cl := flagontest.NewClient(t, app)
			tok := cl.Get("/form").Text()
			now = now.Add(tt.later)
			res := tt.send(t, cl, tok)
			if res.StatusCode != tt.code || !strings.Contains(res.Text(), tt.contains) {
				t.Fatalf("got %d %q, want %d with %q", res.StatusCode, res.Text(), tt.code, tt.contains)
			}
		})
	}
}

func TestTokensDoNotMatch(t *testing.T) {
	app, _ := newApp(time.Now)
	a, b := flagontest.NewClient(t, app), flagontest.NewClient(t, app)
	tokA := a.Get("/form").Text()
	b.Get("/form")
	res := b.Post("/submit", flagontest.Form(url.Values{"csrf_token": {tokA}}))
	if res.StatusCode != 400 || !strings.Contains(res.Text(), string(csrf.ReasonMismatch)) {
		t.Fatalf("got %d %q", res.StatusCode, res.Text())
	}
}

func TestTokenStableWithinRequestAndInTemplates(t *testing.T) {
	app, _ := newApp(time.Now)
	cl := flagontest.NewClient(t, app)
	page := cl.Get("/page").Text()
	if !strings.HasPrefix(page, `<input name="csrf_token" value="`) || len(page) < 60 {
		t.Fatalf("page %q", page)
	}
	tok := strings.TrimSuffix(strings.TrimPrefix(page, `<input name="csrf_token" value="`), `">`)
	if res := cl.Post("/submit", flagontest.Form(url.Values{"csrf_token": {tok}})); res.StatusCode != 200 {
		t.Fatalf("template token rejected: %d %s", res.StatusCode, res.Text())
	}
}

func TestRefererCheckOverHTTPS(t *testing.T) {
	tests := []struct {
		name, referer string
		code          int
		contains      string
	}{
		{"same origin", "https://shop.example/form", 200, "accepted"},
		{"no referrer", "", 400, string(csrf.ReasonNoReferrer)},
		{"other host", "https://evil.example/form", 400, string(csrf.ReasonBadReferrer)},
		{"plain http referrer", "http://shop.example/form", 400, string(csrf.ReasonBadReferrer)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, _ := newApp(time.Now)
			https := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				r.TLS = &tls.ConnectionState{}
				app.ServeHTTP(w, r)
			})
			cl := flagontest.NewClient(t, https)
			cl.BaseURL, _ = url.Parse("https://shop.example")
			tok := cl.Get("/form").Text()
			opts := []flagontest.Option{flagontest.Form(url.Values{"csrf_token": {tok}})}
			if tt.referer != "" {
				opts = append(opts, flagontest.Header("Referer", tt.referer))
			}
			res := cl.Post("/submit", opts...)
			if res.StatusCode != tt.code || !strings.Contains(res.Text(), tt.contains) {
				t.Fatalf("got %d %q", res.StatusCode, res.Text())
			}
		})
	}
}

// TestFlaskWTFTokenAccepted posts the token Flask-WTF generated, with a
// session holding Flask-WTF's raw token, to a flagon app sharing the key.
func TestFlaskWTFTokenAccepted(t *testing.T) {
	f := loadFixture(t)
	for _, vec := range f.CSRF {
		at := time.Unix(vec.GeneratedAt, 0).Add(time.Minute)
		app, _ := newApp(func() time.Time { return at })
		opts := session.DefaultOptions([]byte(f.SecretKey))
		opts.Clock = func() time.Time { return at }
		ci := session.NewCookieInterface(opts)
		cookie, err := ci.Codec().Encode(map[string]any{"csrf_token": vec.SessionToken})
		if err != nil {
			t.Fatal(err)
		}
		app.SessionInterface = ci
		res := flagontest.NewClient(t, app).Post("/submit",
			flagontest.Form(url.Values{"csrf_token": {vec.FormToken}}),
			flagontest.Header("Cookie", "session="+cookie))
		if res.StatusCode != 200 {
			t.Fatalf("Flask-WTF token rejected: %d %s", res.StatusCode, res.Text())
		}
	}
}

func TestDisabledByConfig(t *testing.T) {
	app, _ := newApp(time.Now)
	app.Config.Set("WTF_CSRF_ENABLED", false)
	if res := flagontest.NewClient(t, app).Post("/submit"); res.StatusCode != 200 {
		t.Fatalf("got %d", res.StatusCode)
	}
}

// Under TESTING, CSRF checks are off unless WTF_CSRF_ENABLED asks for
// them (issue #16); WTF_CSRF_ENABLED false always turns them off.
func TestTestingSwitchesCSRFOff(t *testing.T) {
	tests := []struct {
		name    string
		testing bool
		enabled any // nil: unset
		want    int
	}{
		{"production", false, nil, http.StatusBadRequest},
		{"testing", true, nil, http.StatusOK},
		{"testing, asked for", true, true, http.StatusBadRequest},
		{"testing, disabled", true, false, http.StatusOK},
		{"production, disabled", false, false, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, p := newApp(time.Now)
			app.Config.Set("TESTING", tt.testing)
			if tt.enabled != nil {
				app.Config.Set("WTF_CSRF_ENABLED", tt.enabled)
			}
			if res := flagontest.NewClient(t, app).Post("/submit"); res.StatusCode != tt.want {
				t.Fatalf("got %d, want %d", res.StatusCode, tt.want)
			}
			if p.Enabled() != (tt.want == http.StatusBadRequest) {
				t.Errorf("Enabled() = %v", p.Enabled())
			}
		})
	}
}
