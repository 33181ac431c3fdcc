package flagon_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// TestJSONErrorsForAPIs is issue #15's "errors of JSON API routes come back
// as HTML with Accept: */*": a blueprint or route declared an API answers
// its errors in JSON whatever the Accept header.
func TestJSONErrorsForAPIs(t *testing.T) {
	app := quietApp()
	api := flagon.NewBlueprint("api", "/api")
	api.JSONErrors = true
	api.Get("/products/<int:id>", func(c *flagon.Ctx) error { return flagon.Abort(404) }, flagon.Endpoint("product"))
	api.Post("/products", func(c *flagon.Ctx) error { return flagon.Abort(422, "price: expected a number") }, flagon.Endpoint("create"))
	v2 := flagon.NewBlueprint("v2", "/v2")
	v2.Get("/boom", func(c *flagon.Ctx) error { panic("boom") }, flagon.Endpoint("boom"))
	api.RegisterBlueprint(v2)
	app.RegisterBlueprint(api)
	app.Get("/page", func(c *flagon.Ctx) error { return flagon.Abort(404) })
	app.Get("/hook", func(c *flagon.Ctx) error { return flagon.Abort(403) }, flagon.JSONErrors())
	cl := flagontest.NewClient(t, app)
	tests := []struct {
		name, method, path, accept string
		code                       int
		json                       bool
	}{
		{"API route with */*", "GET", "/api/products/1", "*/*", 404, true},
		{"API route asking for HTML", "GET", "/api/products/1", "text/html", 404, true},
		{"API route description", "POST", "/api/products", "", 422, true},
		{"nested blueprint panic", "GET", "/api/v2/boom", "*/*", 500, true},
		{"unmatched URL under the API prefix", "GET", "/api/nope", "*/*", 404, true},
		{"405 under the API prefix", "DELETE", "/api/products", "*/*", 405, true},
		{"route option", "GET", "/hook", "text/html", 403, true},
		{"HTML page", "GET", "/page", "*/*", 404, false},
		{"prefix is a whole segment", "GET", "/apis", "*/*", 404, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []flagontest.Option
			if tt.accept != "" {
				opts = append(opts, flagontest.Header("Accept", tt.accept))
			}
			res := cl.Do(tt.method, tt.path, opts...)
			ct := res.Header.Get("Content-Type")
			if res.StatusCode != tt.code || (ct == "application/json") != tt.json {
				t.Fatalf("got %d %s: %s", res.StatusCode, ct, res.Text())
			}
			if tt.json {
				var body struct {
					Code        int
					Name        string
					Description string
				}
				if err := res.JSON(&body); err != nil || body.Code != tt.code || body.Name == "" {
					t.Fatalf("body %q: %v", res.Text(), err)
				}
			}
		})
	}
	if res := cl.Post("/api/products"); !strings.Contains(res.Text(), "price: expected a number") {
		t.Errorf("description lost: %s", res.Text())
	}
}

// A JSON body with "Accept: */*" (curl -d, fetch) gets a JSON error page;
// a browser's Accept still gets HTML.
func TestWantsJSONWithWildcardAccept(t *testing.T) {
	app := quietApp()
	app.Post("/items", func(c *flagon.Ctx) error { return flagon.Abort(400) })
	cl := flagontest.NewClient(t, app)
	tests := []struct {
		name, accept, ctype string
		json                bool
	}{
		{"json body, */*", "*/*", "application/json", true},
		{"json body, browser accept", "text/html,application/xhtml+xml,*/*;q=0.8", "application/json", false},
		{"form body, */*", "*/*", "application/x-www-form-urlencoded", false},
		{"json accept", "application/json", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := cl.Post("/items", flagontest.Header("Accept", tt.accept), flagontest.Raw(tt.ctype, []byte("{}")))
			if got := res.Header.Get("Content-Type") == "application/json"; got != tt.json {
				t.Fatalf("JSON = %v, want %v (%s)", got, tt.json, res.Header.Get("Content-Type"))
			}
		})
	}
}
