package flagon_test

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// test_response_304_no_content_length and test_etag_response (Werkzeug's
// test_wrappers.py), test_remove_entity_headers (test_http.py): as
// Response.get_wsgi_headers, a 304 loses every entity header but Expires
// and Content-Location, a 204 or 1xx only Content-Length; other headers
// (ETag, Vary, custom) stay. The same through the test client and a real
// server, streamed or held for a response hook.
func TestResponse304NoContentLength(t *testing.T) {
	entity := []string{"Content-Type", "Content-Length", "Last-Modified", "Content-Encoding",
		"Content-Language", "Allow", "Content-Range", "Content-Md5"}
	tests := []struct {
		name   string
		status int
		gone   []string // headers the response must not have
		kept   []string // headers it must keep
	}{
		{"test_response_304_no_content_length", 304, entity, []string{"Expires", "Content-Location", "Etag", "X-Custom"}},
		{"204 drops Content-Length", 204, []string{"Content-Length"},
			[]string{"Last-Modified", "Content-Encoding", "Content-Language", "Allow", "Expires", "Content-Location", "Etag", "X-Custom"}},
		{"200 keeps entity headers", 200, nil,
			[]string{"Content-Type", "Content-Length", "Last-Modified", "Content-Encoding", "Allow", "Expires", "Etag", "X-Custom"}},
	}
	app := flagon.New()
	view := func(c *flagon.Ctx) error {
		h := c.Header()
		for k, v := range map[string]string{"Last-Modified": "Sun, 12 Jul 2020 00:00:00 GMT",
			"Content-Encoding": "identity", "Content-Language": "en", "Allow": "GET", "Content-Range": "bytes 0-3/4",
			"Content-Md5": "x", "Expires": "Mon, 13 Jul 2020 00:00:00 GMT", "Content-Location": "/doc",
			"Etag": `"abc"`, "X-Custom": "1", "Content-Length": "4"} {
			h.Set(k, v)
		}
		code, _ := strconv.Atoi(c.Param("code"))
		return c.Status(code).Bytes("text/plain", []byte("Test"))
	}
	app.Get("/stream/<code>", view)
	held := flagon.NewBlueprint("held", "/held")
	held.AfterRequestResponse(func(c *flagon.Ctx, res *flagon.Response) (*flagon.Response, error) { return res, nil })
	held.Get("/<code>", view)
	app.RegisterBlueprint(held)
	srv := httptest.NewServer(app)
	defer srv.Close()
	cl := flagontest.NewClient(t, app)
	for _, tt := range tests {
		for _, path := range []string{"/stream/", "/held/"} {
			url := path + strconv.Itoa(tt.status)
			live, err := http.Get(srv.URL + url)
			if err != nil {
				t.Fatal(err)
			}
			live.Body.Close()
			for via, h := range map[string]http.Header{"test client": cl.Get(url).Header, "server": live.Header} {
				t.Run(tt.name+" "+url+" "+via, func(t *testing.T) {
					for _, k := range tt.gone {
						if v, ok := h[k]; ok {
							t.Errorf("%s: %q kept", k, v)
						}
					}
					for _, k := range tt.kept {
						if _, ok := h[k]; !ok {
							t.Errorf("%s dropped", k)
						}
					}
				})
			}
		}
	}
}
