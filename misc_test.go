package flagon_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

var userKey = flagon.NewKey[string]("user")

func TestTypedRequestStorage(t *testing.T) {
	app := flagon.New()
	app.BeforeRequest(func(c *flagon.Ctx) error {
		if u := c.Request.Header.Get("X-User"); u != "" {
			userKey.Set(c, u)
		}
		return nil
	})
	app.Get("/", func(c *flagon.Ctx) error {
		_, ok := userKey.Get(c)
		return c.Textf("%s %v %v", userKey.GetOr(c, "anonymous"), ok, c.G())
	})
	cl := flagontest.NewClient(t, app)
	if got := cl.Get("/", flagontest.Header("X-User", "ada")).Text(); got != "ada true map[user:ada]" {
		t.Errorf("got %q", got)
	}
	if got := cl.Get("/").Text(); got != "anonymous false map[]" {
		t.Errorf("storage leaked between requests: %q", got)
	}
}

func TestMiddlewareAndMount(t *testing.T) {
	app := flagon.New()
	app.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-Middleware", "on")
			next.ServeHTTP(w, r)
		})
	})
	legacy := http.NewServeMux()
	legacy.HandleFunc("/hello", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "legacy "+r.URL.Path) })
	app.Mount("/old", legacy)
	app.AfterRequest(func(c *flagon.Ctx) error { c.Header().Set("X-After", "yes"); return nil })
	res := flagontest.NewClient(t, app).Get("/old/hello")
	if res.StatusCode != 200 || res.Text() != "legacy /hello" {
		t.Fatalf("got %d %q", res.StatusCode, res.Text())
	}
	if res.Header.Get("X-Middleware") != "on" || res.Header.Get("X-After") != "yes" {
		t.Fatalf("headers %v", res.Header)
	}
}

func TestTrustedHosts(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"TRUSTED_HOSTS": []string{"example.org", ".shop.test"}}))
	app.Get("/", func(c *flagon.Ctx) error { return c.Text("ok") })
	tests := []struct {
		host string
		code int
	}{
		{"example.org", 200}, {"example.org:8080", 200}, {"shop.test", 200}, {"eu.shop.test", 200},
		{"evil.org", 400}, {"example.org.evil", 400},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			cl := flagontest.NewClient(t, app)
			cl.BaseURL.Host = tt.host
			if res := cl.Get("/"); res.StatusCode != tt.code {
				t.Fatalf("status %d, want %d (%s)", res.StatusCode, tt.code, res.Text())
			}
		})
	}
}

func TestProxyFix(t *testing.T) {
	app := flagon.New()
	app.Use(flagon.ProxyFix(flagon.ProxyFixOptions{For: 1, Proto: 1, Host: 1, Prefix: 1}))
	app.Get("/", func(c *flagon.Ctx) error {
		u, _ := c.URLFor("index_", "_external", true)
		return c.Text(c.Request.RemoteAddr + " " + u)
	}, flagon.Endpoint("index_"))
	cl := flagontest.NewClient(t, app)
	res := cl.Get("/",
		flagontest.Header("X-Forwarded-For", "6.6.6.6, 203.0.113.9"),
		flagontest.Header("X-Forwarded-Proto", "https"),
		flagontest.Header("X-Forwarded-Host", "shop.example"),
		flagontest.Header("X-Forwarded-Prefix", "/store"))
	if got, want := res.Text(), "203.0.113.9:0 https://shop.example/store/"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	plain := flagon.New()
	plain.Get("/", func(c *flagon.Ctx) error { return c.Text(c.Request.Host) })
	if got := flagontest.NewClient(t, plain).Get("/", flagontest.Header("X-Forwarded-Host", "evil")).Text(); got != "localhost" {
		t.Fatalf("without ProxyFix the header must be ignored, got %q", got)
	}
}

func TestGracefulShutdownFinishesInFlightRequests(t *testing.T) {
	started := make(chan struct{})
	app := flagon.New()
	app.Get("/slow", func(c *flagon.Ctx) error {
		close(started)
		time.Sleep(200 * time.Millisecond)
		return c.Text("finished")
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- app.Serve(ctx, app.NewServer(ln.Addr().String()), ln) }()
	result := make(chan string, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			result <- err.Error()
			return
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		result <- string(b)
	}()
	<-started
	cancel()
	if got := <-result; got != "finished" {
		t.Fatalf("in-flight request got %q", got)
	}
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/slow"); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Fatalf("server still accepting after shutdown: %v", err)
	}
}

func TestServerTimeoutsFromConfig(t *testing.T) {
	tests := []struct {
		name   string
		config map[string]any
		want   [4]time.Duration // read header, read, write, idle
	}{
		{"defaults (no write deadline)", nil, [4]time.Duration{10 * time.Second, 60 * time.Second, 0, 120 * time.Second}},
		{"from config", map[string]any{"SERVER_READ_HEADER_TIMEOUT": "3s", "SERVER_WRITE_TIMEOUT": "30s"},
			[4]time.Duration{3 * time.Second, 60 * time.Second, 30 * time.Second, 120 * time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := flagon.New(flagon.WithConfig(tt.config)).NewServer(":0")
			got := [4]time.Duration{srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout}
			if got != tt.want {
				t.Errorf("timeouts (header, read, write, idle) = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBeforeServe(t *testing.T) {
	tests := []struct {
		name string
		err  error
	}{{"runs before accepting", nil}, {"an error stops Serve", errors.New("migrations failed")}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			ran := false
			app.BeforeServe(func(ctx context.Context) error { ran = true; return tt.err })
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			if tt.err == nil {
				cancel()
			}
			defer cancel()
			err = app.Serve(ctx, app.NewServer(""), ln)
			if !ran || !errors.Is(err, tt.err) {
				t.Fatalf("ran=%v err=%v", ran, err)
			}
		})
	}
}
