package flagon_test

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

//go:embed testdata/static
var embeddedStatic embed.FS

func TestSafeJoin(t *testing.T) {
	tests := []struct {
		name, in string
		ok       bool
	}{
		{"plain", "a/b.txt", true},
		{"dot segment", "./a.txt", true},
		{"dots in name", "a..b.txt", true},
		{"parent", "../secret.txt", false},
		{"nested parent", "a/../../secret.txt", false},
		{"encoded parent", "%2e%2e/secret.txt", false},
		{"mixed encoded parent", ".%2E/secret.txt", false},
		{"encoded parent staying inside", "a/%2e%2e/b", false},
		{"encoded parent and slash", "a/..%2fb", false},
		{"encoded dot", "a/%2e/b", true},
		{"encoded dots inside a name", "a%2e%2eb.txt", true},
		{"invalid escape", "a%zz.txt", true},
		{"backslash", `..\secret.txt`, false},
		{"nul", "a\x00.txt", false},
		{"absolute", "/etc/passwd", false},
		{"windows drive", "C:/windows", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := flagon.SafeJoin("/srv/files", tt.in)
			if (err == nil) != tt.ok {
				t.Fatalf("SafeJoin(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
			}
		})
	}
}

func filesApp() *flagon.App {
	app := quietApp()
	app.Get("/dl/<path:name>", func(c *flagon.Ctx) error {
		return c.SendFromDirectory("testdata/files", c.Param("name"))
	})
	app.Get("/attach", func(c *flagon.Ctx) error {
		return c.Attachment("report.txt").SendFile("testdata/files/data.txt")
	})
	app.Get("/missing", func(c *flagon.Ctx) error { return c.SendFile("testdata/nope.txt") })
	return app
}

func TestSendFromDirectory(t *testing.T) {
	tests := []struct {
		name, path string
		header     map[string]string
		code       int
		body       string
	}{
		{"whole file", "/dl/data.txt", nil, 200, "0123456789abcdefghij"},
		{"range", "/dl/data.txt", map[string]string{"Range": "bytes=2-5"}, 206, "2345"},
		{"bad range", "/dl/data.txt", map[string]string{"Range": "bytes=50-60"}, 416, ""},
		{"parent escape", "/dl/../secret.txt", nil, 404, ""},
		{"encoded parent escape", "/dl/%2e%2e/secret.txt", nil, 404, ""},
		{"double encoded", "/dl/%252e%252e/secret.txt", nil, 404, ""},
		{"backslash escape", "/dl/..%5csecret.txt", nil, 404, ""},
		{"nul byte", "/dl/data.txt%00", nil, 404, ""},
		{"missing file", "/dl/none.txt", nil, 404, ""},
		{"directory", "/dl/.", nil, 404, ""},
	}
	cl := flagontest.NewClient(t, filesApp())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []flagontest.Option
			for k, v := range tt.header {
				opts = append(opts, flagontest.Header(k, v))
			}
			res := cl.Get(tt.path, opts...)
			if res.StatusCode != tt.code || (tt.body != "" && res.Text() != tt.body) {
				t.Fatalf("got %d %q, want %d %q", res.StatusCode, res.Text(), tt.code, tt.body)
			}
			if strings.Contains(res.Text(), "top secret") {
				t.Fatal("escaped the directory")
			}
		})
	}
}

func TestSendFileHeaders(t *testing.T) {
	cl := flagontest.NewClient(t, filesApp())
	res := cl.Get("/attach")
	if got := res.Header.Get("Content-Disposition"); got != "attachment; filename=report.txt" {
		t.Errorf("Content-Disposition = %q", got)
	}
	etag := res.Header.Get("ETag")
	if etag == "" || res.Header.Get("Last-Modified") == "" || res.Header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("headers: %v", res.Header)
	}
	if res := cl.Get("/attach", flagontest.Header("If-None-Match", etag)); res.StatusCode != 304 {
		t.Errorf("If-None-Match: %d, want 304", res.StatusCode)
	}
	lm := res.Header.Get("Last-Modified")
	if res := cl.Get("/attach", flagontest.Header("If-Modified-Since", lm)); res.StatusCode != 304 {
		t.Errorf("If-Modified-Since: %d, want 304", res.StatusCode)
	}
	if res := cl.Get("/missing"); res.StatusCode != 404 {
		t.Errorf("missing file: %d", res.StatusCode)
	}
}

func TestStaticFiles(t *testing.T) {
	sub, _ := fs.Sub(embeddedStatic, "testdata/static")
	tests := []struct {
		name  string
		fsys  fs.FS
		extra map[string]any
	}{
		{"directory", nil, nil},
		{"embed.FS", sub, nil},
		{"max age from config", nil, map[string]any{"SEND_FILE_MAX_AGE_DEFAULT": time.Hour}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := []flagon.Option{flagon.WithRootPath("testdata"), flagon.WithConfig(tt.extra)}
			if tt.fsys != nil {
				opts = append(opts, flagon.WithStaticFS(tt.fsys))
			}
			cl := flagontest.NewClient(t, flagon.New(opts...))
			res := cl.Get("/static/css/app.css")
			if res.StatusCode != 200 || !strings.Contains(res.Text(), "color: red") {
				t.Fatalf("got %d %q", res.StatusCode, res.Text())
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
				t.Errorf("content type %q", ct)
			}
			etag := res.Header.Get("ETag")
			if etag == "" {
				t.Fatal("no ETag")
			}
			if tt.extra != nil && res.Header.Get("Cache-Control") != "public, max-age=3600" {
				t.Errorf("Cache-Control = %q", res.Header.Get("Cache-Control"))
			}
			if r := cl.Get("/static/css/app.css", flagontest.Header("If-None-Match", etag)); r.StatusCode != http.StatusNotModified {
				t.Errorf("conditional GET: %d", r.StatusCode)
			}
			if r := cl.Get("/static/../secret.txt"); r.StatusCode != 404 {
				t.Errorf("escape: %d", r.StatusCode)
			}
		})
	}
}

func TestStaticVersionedURL(t *testing.T) {
	app := flagon.New(flagon.WithRootPath("testdata"), flagon.WithConfig(map[string]any{"STATIC_VERSIONED": true}))
	u, err := app.URLFor("static", "filename", "css/app.css")
	if err != nil || !strings.HasPrefix(u, "/static/css/app.css?v=") || len(u) != len("/static/css/app.css?v=")+8 {
		t.Fatalf("URLFor = %q, %v", u, err)
	}
	res := flagontest.NewClient(t, app).Get(u)
	if res.Header.Get("Cache-Control") != "public, max-age=31536000, immutable" {
		t.Fatalf("Cache-Control = %q", res.Header.Get("Cache-Control"))
	}
}

func TestBlueprintStatic(t *testing.T) {
	app := quietApp()
	bp := flagon.NewBlueprint("admin", "/admin")
	bp.StaticFS = fstest.MapFS{"admin.js": {Data: []byte("console.log(1)")}}
	app.RegisterBlueprint(bp)
	res := flagontest.NewClient(t, app).Get("/admin/static/admin.js")
	if res.StatusCode != 200 || res.Text() != "console.log(1)" {
		t.Fatalf("got %d %q", res.StatusCode, res.Text())
	}
	if u, err := app.URLFor("admin.static", "filename", "admin.js"); err != nil || u != "/admin/static/admin.js" {
		t.Fatalf("URLFor = %q, %v", u, err)
	}
}
