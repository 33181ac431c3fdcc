package flagon_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

func TestResponses(t *testing.T) {
	app := quietApp()
	app.Get("/text", func(c *flagon.Ctx) error { return c.Text("héllo") })
	app.Get("/html", func(c *flagon.Ctx) error { return c.HTML("<b>bold</b>") })
	app.Get("/json", func(c *flagon.Ctx) error { return c.Status(201).JSON(map[string]int{"n": 1}) })
	app.Get("/bytes", func(c *flagon.Ctx) error { return c.Bytes("image/png", []byte{0x89, 'P', 'N', 'G'}) })
	app.Get("/stream", func(c *flagon.Ctx) error {
		return c.Stream("text/event-stream", func(w flagon.StreamWriter) error {
			for i := range 3 {
				fmt.Fprintf(w, "data: %d\n\n", i)
				w.Flush()
			}
			return nil
		})
	})
	app.Get("/empty", func(c *flagon.Ctx) error { return c.NoContent() })
	app.Get("/nothing", func(c *flagon.Ctx) error { return nil })
	app.Get("/cookie", func(c *flagon.Ctx) error {
		c.SetCookie(&http.Cookie{Name: "theme", Value: "dark", HttpOnly: true})
		return c.Text("set")
	})
	app.Get("/json-bad", func(c *flagon.Ctx) error { return c.JSON(func() {}) })
	for _, code := range []int{301, 302, 303, 307, 308} {
		app.Get(fmt.Sprintf("/redirect/%d", code), func(c *flagon.Ctx) error { return c.Redirect("/text", code) },
			flagon.Endpoint(fmt.Sprintf("r%d", code)))
	}
	app.Get("/redirect/default", func(c *flagon.Ctx) error { return c.Redirect("/text") })
	app.Get("/redirect/bad", func(c *flagon.Ctx) error { return c.Redirect("/text", 200) })

	tests := []struct {
		name, path  string
		code        int
		ctype, body string
		header, val string
	}{
		{"text", "/text", 200, "text/plain; charset=utf-8", "héllo", "", ""},
		{"html", "/html", 200, "text/html; charset=utf-8", "<b>bold</b>", "", ""},
		{"json with status", "/json", 201, "application/json", "{\"n\":1}\n", "", ""},
		{"bytes", "/bytes", 200, "image/png", "\x89PNG", "Content-Length", "4"},
		{"stream", "/stream", 200, "text/event-stream", "data: 0\n\ndata: 1\n\ndata: 2\n\n", "", ""},
		{"no content", "/empty", 204, "", "", "", ""},
		{"handler writes nothing", "/nothing", 200, "", "", "", ""},
		{"cookie", "/cookie", 200, "text/plain; charset=utf-8", "set", "Set-Cookie", "theme=dark; Path=/; HttpOnly"},
		{"unencodable json is a 500", "/json-bad", 500, "text/html; charset=utf-8", "Internal Server Error", "", ""},
		{"redirect 301", "/redirect/301", 301, "", "", "Location", "/text"},
		{"redirect 302", "/redirect/302", 302, "", "", "Location", "/text"},
		{"redirect 303", "/redirect/303", 303, "", "", "Location", "/text"},
		{"redirect 307", "/redirect/307", 307, "", "", "Location", "/text"},
		{"redirect 308", "/redirect/308", 308, "", "", "Location", "/text"},
		{"redirect default is 302", "/redirect/default", 302, "", "", "Location", "/text"},
		{"redirect with a non-redirect code is an error", "/redirect/bad", 500, "", "", "", ""},
	}
	cl := flagontest.NewClient(t, app)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := cl.Get(tt.path)
			if res.StatusCode != tt.code {
				t.Fatalf("status %d, want %d", res.StatusCode, tt.code)
			}
			if tt.ctype != "" && res.Header.Get("Content-Type") != tt.ctype {
				t.Errorf("content type %q, want %q", res.Header.Get("Content-Type"), tt.ctype)
			}
			if tt.body != "" && !strings.Contains(res.Text(), tt.body) {
				t.Errorf("body %q, want %q", res.Text(), tt.body)
			}
			if tt.header != "" && res.Header.Get(tt.header) != tt.val {
				t.Errorf("%s = %q, want %q", tt.header, res.Header.Get(tt.header), tt.val)
			}
		})
	}
}

func TestFollowRedirects(t *testing.T) {
	app := quietApp()
	app.Post("/create", func(c *flagon.Ctx) error { return c.Redirect("/done", 303) })
	app.Post("/keep", func(c *flagon.Ctx) error { return c.Redirect("/echo", 307) })
	app.Get("/done", func(c *flagon.Ctx) error { return c.Text("done via " + c.Request.Method) })
	app.Post("/echo", func(c *flagon.Ctx) error { return c.Text("echo " + c.FormValue("x")) })
	cl := flagontest.NewClient(t, app)
	res := cl.Post("/create", flagontest.FollowRedirects())
	if res.Text() != "done via GET" || len(res.History) != 1 {
		t.Fatalf("303: %q history %d", res.Text(), len(res.History))
	}
	res = cl.Post("/keep", flagontest.Form(map[string][]string{"x": {"1"}}), flagontest.FollowRedirects())
	if res.Text() != "echo 1" {
		t.Fatalf("307 should repeat method and body: %q", res.Text())
	}
}
