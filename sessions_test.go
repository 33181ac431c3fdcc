package flagon_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/session"
)

// flaskVectors is the part of the shared Flask fixture the web core uses.
type flaskVectors struct {
	SecretKey   string   `json:"secret_key"`
	Fallbacks   []string `json:"secret_key_fallbacks"`
	GeneratedAt int64    `json:"generated_at_unix"`
	Sessions    []struct {
		Cookie  string `json:"cookie"`
		Payload string `json:"payload_repr"`
	} `json:"sessions"`
	SignedWithFallback []struct {
		Cookie string `json:"cookie"`
	} `json:"signed_with_fallback"`
	Tampered []string `json:"tampered"`
}

func loadVectors(t *testing.T) flaskVectors {
	t.Helper()
	b, err := os.ReadFile("internal/fixtures/flask-interop-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v flaskVectors
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func sessionApp(t *testing.T, config map[string]any, clock func() time.Time) (*flagon.App, *bytes.Buffer) {
	var logs bytes.Buffer
	app := flagon.New(flagon.WithConfig(config), flagon.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	if clock != nil {
		v := loadVectors(t)
		opts := session.DefaultOptions([]byte(v.SecretKey))
		for _, f := range v.Fallbacks {
			opts.Fallbacks = append(opts.Fallbacks, []byte(f))
		}
		opts.Clock = clock
		app.SessionInterface = session.NewCookieInterface(opts)
	}
	app.Get("/set/<key>/<value>", func(c *flagon.Ctx) error {
		c.Session().Set(c.Param("key"), c.Param("value"))
		return c.Text("set")
	})
	app.Get("/get/<key>", func(c *flagon.Ctx) error {
		v, ok := c.Session().Get(c.Param("key"))
		if !ok {
			return c.Text("<missing>")
		}
		b, _ := json.Marshal(v)
		return c.Text(string(b))
	})
	app.Get("/untouched", func(c *flagon.Ctx) error { return c.Text("no session") })
	app.Get("/big", func(c *flagon.Ctx) error {
		c.Session().Set("big", incompressible(8000))
		return c.Text("big")
	})
	app.Post("/create", func(c *flagon.Ctx) error {
		c.Flash("Product created")
		c.Flash("Check the price", "warning")
		return c.Redirect("/list", http.StatusSeeOther)
	})
	app.Get("/list", func(c *flagon.Ctx) error {
		var parts []string
		for _, f := range c.FlashedMessages() {
			parts = append(parts, f.Category+":"+f.Message)
		}
		again := len(c.FlashedMessages())
		return c.Textf("%s (again %d)", strings.Join(parts, ", "), again)
	})
	return app, &logs
}

func TestSessionRoundTrip(t *testing.T) {
	app, _ := sessionApp(t, map[string]any{"SECRET_KEY": "dev"}, nil)
	cl := flagontest.NewClient(t, app)
	res := cl.Get("/set/user/ada")
	ck := res.Header.Get("Set-Cookie")
	for _, want := range []string{"session=", "HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(ck, want) {
			t.Errorf("Set-Cookie %q lacks %q", ck, want)
		}
	}
	if res.Header.Get("Vary") != "Cookie" {
		t.Errorf("Vary = %q", res.Header.Get("Vary"))
	}
	if got := cl.Get("/get/user").Text(); got != `"ada"` {
		t.Fatalf("read back %q", got)
	}
	if res := cl.Get("/untouched"); res.Header.Get("Vary") != "" || res.Header.Get("Set-Cookie") != "" {
		t.Errorf("untouched session wrote headers: %v", res.Header)
	}
}

func TestSessionReadsFlaskCookies(t *testing.T) {
	v := loadVectors(t)
	at := func() time.Time { return time.Unix(v.GeneratedAt, 0) }
	app, _ := sessionApp(t, nil, at)
	tests := []struct {
		name, cookie, key, want string
	}{
		{"plain", v.Sessions[2].Cookie, "name", `"alice"`},
		{"compressed unicode", v.Sessions[6].Cookie, "unicode", `"フレームワーク — ünïcödé"`},
		{"signed with the fallback key", v.SignedWithFallback[0].Cookie, "user_id", "7"},
	}
	for i, tampered := range v.Tampered {
		tests = append(tests, struct{ name, cookie, key, want string }{"tampered " + string(rune('a'+i)), tampered, "user_id", "<missing>"})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := flagontest.NewClient(t, app).Get("/get/"+tt.key, flagontest.Header("Cookie", "session="+tt.cookie))
			if res.StatusCode != 200 || res.Text() != tt.want {
				t.Fatalf("got %d %q, want %q", res.StatusCode, res.Text(), tt.want)
			}
		})
	}
	expired := func() time.Time { return time.Unix(v.GeneratedAt, 0).Add(32 * 24 * time.Hour) }
	late, _ := sessionApp(t, nil, expired)
	if got := flagontest.NewClient(t, late).Get("/get/name", flagontest.Header("Cookie", "session="+v.Sessions[2].Cookie)).Text(); got != "<missing>" {
		t.Fatalf("expired cookie read as %q", got)
	}
}

func TestOversizedSessionCookie(t *testing.T) {
	tests := []struct {
		name   string
		config map[string]any
		code   int
	}{
		{"fails in testing mode", map[string]any{"SECRET_KEY": "k", "TESTING": true}, 500},
		{"fails in debug mode", map[string]any{"SECRET_KEY": "k", "DEBUG": true}, 500},
		{"logged in production", map[string]any{"SECRET_KEY": "k"}, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, logs := sessionApp(t, tt.config, nil)
			res := flagontest.NewClient(t, app).Get("/big")
			if res.StatusCode != tt.code {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.code)
			}
			if sent := len(res.Header.Get("Set-Cookie")) > 4093; sent != (tt.code == 200) {
				t.Errorf("oversized cookie sent = %v; only production sends it (and warns)", sent)
			}
			if !strings.Contains(logs.String(), "level=ERROR") {
				t.Errorf("not logged loudly: %s", logs.String())
			}
		})
	}
}

func TestSessionWithoutSecretKeyFailsOnWrite(t *testing.T) {
	app, logs := sessionApp(t, nil, nil)
	res := flagontest.NewClient(t, app).Get("/set/a/b")
	if res.StatusCode != 500 || !strings.Contains(logs.String(), "secret") {
		t.Fatalf("got %d, logs %s", res.StatusCode, logs.String())
	}
	if got := flagontest.NewClient(t, app).Get("/get/a"); got.StatusCode != 200 {
		t.Fatalf("reading without a key should work, got %d", got.StatusCode)
	}
}

func TestFlashThroughRedirect(t *testing.T) {
	app, _ := sessionApp(t, map[string]any{"SECRET_KEY": "k"}, nil)
	var flashed []string
	defer flagon.MessageFlashed.ConnectFor(app, func(_ any, ev flagon.FlashEvent) {
		flashed = append(flashed, ev.Category+":"+ev.Message)
	})()
	cl := flagontest.NewClient(t, app)
	res := cl.Post("/create", flagontest.FollowRedirects())
	if got := res.Text(); got != "message:Product created, warning:Check the price (again 2)" {
		t.Fatalf("list shows %q", got)
	}
	if got := cl.Get("/list").Text(); got != " (again 0)" {
		t.Fatalf("messages shown twice: %q", got)
	}
	if strings.Join(flashed, ",") != "message:Product created,warning:Check the price" {
		t.Fatalf("message_flashed: %v", flashed)
	}
}

func TestFlaskFlashesShowInFlagon(t *testing.T) {
	v := loadVectors(t)
	app, _ := sessionApp(t, nil, func() time.Time { return time.Unix(v.GeneratedAt, 0) })
	res := flagontest.NewClient(t, app).Get("/list", flagontest.Header("Cookie", "session="+v.Sessions[9].Cookie))
	if got := res.Text(); got != "message:Product created, error:Name is required (again 2)" {
		t.Fatalf("got %q", got)
	}
}

// incompressible returns n hex digits that zlib cannot shrink much.
func incompressible(n int) string {
	var sb strings.Builder
	h := sha256.Sum256([]byte("seed"))
	for sb.Len() < n {
		h = sha256.Sum256(h[:])
		sb.WriteString(hex.EncodeToString(h[:]))
	}
	return sb.String()[:n]
}

// test_session_refresh_vary (Flask): a permanent session is sent again,
// with Vary: Cookie, by a view that does not touch it.
func TestSessionRefreshVary(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "dev"}))
	app.Get("/login", func(c *flagon.Ctx) error {
		c.Session().Set("user_id", 1)
		c.Session().SetPermanent(true)
		return c.Text("")
	})
	app.Get("/ignored", func(c *flagon.Ctx) error { return c.Text("") })
	cl := flagontest.NewClient(t, app)
	for _, path := range []string{"/login", "/ignored"} {
		res := cl.Get(path)
		if got := res.Header.Values("Vary"); len(got) != 1 || got[0] != "Cookie" {
			t.Errorf("GET %s: Vary = %q, want Cookie", path, got)
		}
		if !strings.Contains(res.Header.Get("Set-Cookie"), "Expires=") {
			t.Errorf("GET %s: Set-Cookie = %q, want a refreshed permanent cookie", path, res.Header.Get("Set-Cookie"))
		}
	}
}

// test_session_cookie_setting (Flask): /read, which only reads the
// session, sends the cookie again only for a permanent session with
// SESSION_REFRESH_EACH_REQUEST on.
func TestSessionCookieSetting(t *testing.T) {
	tests := []struct {
		name              string
		permanent, fresh  bool
		expectSetCookieOn bool
	}{
		{"permanent refresh", true, true, true},
		{"permanent no refresh", true, false, false},
		{"session refresh", false, true, false},
		{"session no refresh", false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New(flagon.WithConfig(map[string]any{
				"SECRET_KEY": "dev", "SESSION_REFRESH_EACH_REQUEST": tt.fresh}))
			app.Get("/bump", func(c *flagon.Ctx) error {
				n, _ := c.Session().Get("foo")
				v, _ := n.(int64)
				if f, ok := n.(float64); ok {
					v = int64(f)
				}
				c.Session().Set("foo", v+1)
				c.Session().SetPermanent(tt.permanent)
				return c.Textf("%d", v+1)
			})
			app.Get("/read", func(c *flagon.Ctx) error { return c.Text("read") })
			cl := flagontest.NewClient(t, app)
			for _, want := range []string{"1", "2", "3"} {
				if got := cl.Get("/bump").Text(); got != want {
					t.Fatalf("/bump = %q, want %q", got, want)
				}
			}
			res := cl.Get("/read")
			if got := res.Header.Get("Set-Cookie") != ""; got != tt.expectSetCookieOn {
				t.Fatalf("Set-Cookie sent = %v, want %v", got, tt.expectSetCookieOn)
			}
		})
	}
}

// test_extended_flashing (Flask), the Markup part: a message flashed as
// markup renders unescaped, others escaped.
func TestFlashMarkup(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "dev"}))
	app.Get("/", func(c *flagon.Ctx) error {
		c.Flash("Hello <World>")
		c.FlashMarkup("<em>Testing</em>", "warning")
		return c.Text("")
	})
	app.Get("/show", func(c *flagon.Ctx) error {
		s, err := c.RenderString(`{{ range get_flashed_messages }}[{{ .Category }}: {{ .HTML }}]{{ end }}`, nil)
		if err != nil {
			return err
		}
		return c.HTML(s)
	})
	cl := flagontest.NewClient(t, app)
	cl.Get("/")
	if got, want := cl.Get("/show").Text(), "[message: Hello &lt;World&gt;][warning: <em>Testing</em>]"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
