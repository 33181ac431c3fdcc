package flagon_test

import (
	"fmt"
	"net/http/httptest"
	"strings"

	"github.com/flagon-go/flagon"
)

// BindJSONForce is Flask's request.get_json(force=True): the body is JSON
// even when the client sends another Content-Type.
func ExampleCtx_BindJSONForce() {
	app := flagon.New()
	app.Post("/echo", func(c *flagon.Ctx) error {
		var v map[string]any
		if err := c.BindJSONForce(&v); err != nil {
			return err
		}
		return c.Textf("name=%v", v["name"])
	})

	req := httptest.NewRequest("POST", "/echo", strings.NewReader(`{"name": "gopher"}`))
	req.Header.Set("Content-Type", "text/plain")
	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, req)
	fmt.Println(rec.Code, rec.Body.String())
	// Output: 200 name=gopher
}
