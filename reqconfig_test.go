package flagon_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/config"
	"github.com/flagon-go/flagon/flagontest"
)

// The config values every request reads (TRUSTED_HOSTS, SERVER_NAME) are
// cached between requests; a change of the config, or a new Config, after
// the first request takes effect on the next one, as with Flask reading
// app.config on each request.
func TestRequestConfigFollowsConfigChanges(t *testing.T) {
	tests := []struct {
		name   string
		change func(app *flagon.App)
		host   string
		code   int
	}{
		{"trusted hosts set", func(app *flagon.App) { app.Config.Set("TRUSTED_HOSTS", []string{"other.test"}) }, "example.test", 400},
		{"trusted hosts listing the host", func(app *flagon.App) { app.Config.Set("TRUSTED_HOSTS", "example.test, other.test") }, "example.test", 200},
		{"trusted hosts deleted", func(app *flagon.App) {
			app.Config.Set("TRUSTED_HOSTS", []string{"other.test"})
			app.Config.Delete("TRUSTED_HOSTS")
		}, "example.test", 200},
		{"new config", func(app *flagon.App) {
			app.Config = config.NewWithDefaults()
			app.Config.Set("TRUSTED_HOSTS", []string{"other.test"})
		}, "example.test", 400},
		{"server name set", func(app *flagon.App) { app.Config.Set("SERVER_NAME", "other.test") }, "example.test", 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New(flagon.WithSubdomainMatching())
			app.Get("/", func(c *flagon.Ctx) error { return c.Text("ok") })
			cl := flagontest.NewClient(t, app)
			cl.BaseURL.Host = tt.host
			if res := cl.Get("/"); res.StatusCode != 200 {
				t.Fatalf("before the change: status %d (%s)", res.StatusCode, res.Text())
			}
			tt.change(app)
			if res := cl.Get("/"); res.StatusCode != tt.code {
				t.Fatalf("after the change: status %d, want %d (%s)", res.StatusCode, tt.code, res.Text())
			}
		})
	}
}

// The session settings read on every request (SESSION_COOKIE_NAME,
// SESSION_REFRESH_EACH_REQUEST, and the rest through the default cookie
// interface) are cached per config version, and a change after the first
// request is seen by the next one, as Flask reads app.config per request.
func TestSessionConfigFollowsConfigChanges(t *testing.T) {
	tests := []struct {
		name       string
		change     func(app *flagon.App)
		wantCookie string // substring of /ignored's Set-Cookie; "" for none
	}{
		{"unchanged", func(*flagon.App) {}, "session="},
		{"refresh turned off", func(app *flagon.App) { app.Config.Set("SESSION_REFRESH_EACH_REQUEST", false) }, ""},
		{"cookie renamed", func(app *flagon.App) { app.Config.Set("SESSION_COOKIE_NAME", "sid") }, ""},
		{"cookie path changed", func(app *flagon.App) { app.Config.Set("SESSION_COOKIE_PATH", "/app") }, "Path=/app"},
		{"new config", func(app *flagon.App) {
			app.Config = config.NewWithDefaults()
			app.Config.Set("SECRET_KEY", "dev")
			app.Config.Set("SESSION_COOKIE_NAME", "sid")
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "dev"}))
			app.Get("/login", func(c *flagon.Ctx) error {
				c.Session().Set("user", "ada")
				c.Session().SetPermanent(true)
				return c.Text("")
			})
			app.Get("/ignored", func(c *flagon.Ctx) error { return c.Text("") })
			cl := flagontest.NewClient(t, app)
			cl.Get("/login")
			tt.change(app)
			got := cl.Get("/ignored").Header.Get("Set-Cookie")
			if (tt.wantCookie == "") != (got == "") || !strings.Contains(got, tt.wantCookie) {
				t.Fatalf("Set-Cookie = %q, want %q", got, tt.wantCookie)
			}
		})
	}
}
