package flagon_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
)

// Every read of a body over MAX_CONTENT_LENGTH is the same 413, as every
// access to Werkzeug's stream raises RequestEntityTooLarge: a second read
// does not see an empty body.
func TestBodyOverLimitEveryRead(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"MAX_CONTENT_LENGTH": 10}))
	app.Post("/", func(c *flagon.Ctx) error {
		var got []string
		note := func(err error) { got = append(got, fmt.Sprint(flagon.HTTPStatus(err))) }
		for _, read := range strings.Split(c.Args().Get("reads"), ",") {
			switch read {
			case "body":
				_, err := c.Body()
				note(err)
			case "json":
				var v any
				note(c.BindJSONForce(&v))
			case "form":
				_, err := c.Form()
				note(err)
			case "files":
				_, err := c.Files()
				note(err)
			}
		}
		return c.Text(strings.Join(got, " "))
	})
	body := `{"a": "0123456789"}` // 19 bytes
	tests := []struct {
		name, ctype, reads, want string
		chunked                  bool
	}{
		{"declared length: body, body, json", "application/json", "body,body,json", "413 413 413", false},
		{"declared length: json, body", "application/json", "json,body", "413 413", false},
		{"declared length: form, body, json", "application/x-www-form-urlencoded", "form,body,json", "413 413 413", false},
		{"declared length: files, body", "multipart/form-data; boundary=x", "files,body", "413 413", false},
		{"streamed: body, body, json", "application/json", "body,body,json", "413 413 413", true},
		{"streamed: form, body, json", "application/x-www-form-urlencoded", "form,body,json", "413 413 413", true},
		{"streamed: files, body", "multipart/form-data; boundary=x", "files,body", "413 413", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r io.Reader = strings.NewReader(body)
			if tt.chunked {
				r = io.MultiReader(r) // unknown length: read until over the limit
			}
			req := httptest.NewRequest("POST", "/?reads="+tt.reads, r)
			req.Header.Set("Content-Type", tt.ctype)
			if tt.chunked {
				req.ContentLength = -1
			}
			w := httptest.NewRecorder()
			app.ServeHTTP(w, req)
			if w.Code != http.StatusOK || w.Body.String() != tt.want {
				t.Errorf("got %d %q, want 200 %q", w.Code, w.Body.String(), tt.want)
			}
		})
	}
}
