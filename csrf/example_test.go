package csrf_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/csrf"
)

func ExampleNew() {
	app := flagon.New(flagon.WithConfig(map[string]any{"SECRET_KEY": "change me"}))
	csrf.New(app)
	app.Post("/products", func(c *flagon.Ctx) error { return c.Text("created") })

	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, httptest.NewRequest("POST", "/products", nil))
	fmt.Println(rec.Code)
	// Output: 400
}
