package flagon_test

import (
	"fmt"
	"net/http/httptest"

	"github.com/flagon-go/flagon"
)

func Example() {
	app := flagon.New()
	app.Get("/hello/<name>", func(c *flagon.Ctx) error {
		return c.Textf("Hello, %s!", c.Param("name"))
	})

	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, httptest.NewRequest("GET", "/hello/gopher", nil))
	fmt.Println(rec.Code, rec.Body.String())
	// Output: 200 Hello, gopher!
}

func ExampleCtx_URLFor() {
	app := flagon.New()
	app.Get("/post/<int:id>", func(c *flagon.Ctx) error { return nil }, flagon.Endpoint("post"))
	app.Get("/", func(c *flagon.Ctx) error {
		u, err := c.URLFor("post", "id", 42, "highlight", "go")
		if err != nil {
			return err
		}
		return c.Text(u)
	})

	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	fmt.Println(rec.Body.String())
	// Output: /post/42?highlight=go
}

func ExampleNewBlueprint() {
	admin := flagon.NewBlueprint("admin", "/admin")
	admin.Get("/", func(c *flagon.Ctx) error { return c.Text("endpoint " + c.Endpoint()) }, flagon.Endpoint("index"))

	app := flagon.New()
	app.RegisterBlueprint(admin)

	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, httptest.NewRequest("GET", "/admin/", nil))
	fmt.Println(rec.Body.String())
	// Output: endpoint admin.index
}

func ExampleHandleError() {
	type outOfStock struct{ error }
	app := flagon.New()
	flagon.HandleError(app, func(c *flagon.Ctx, err outOfStock) error {
		return c.Status(409).Text("sold out")
	})
	app.Get("/buy", func(c *flagon.Ctx) error { return outOfStock{fmt.Errorf("no chairs left")} })

	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, httptest.NewRequest("GET", "/buy", nil))
	fmt.Println(rec.Code, rec.Body.String())
	// Output: 409 sold out
}

func ExampleAbort() {
	app := flagon.New()
	app.Get("/products/<int:id>", func(c *flagon.Ctx) error {
		return flagon.Abort(404, "No product with that id.")
	})

	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/products/7", nil)
	req.Header.Set("Accept", "application/json")
	app.ServeHTTP(rec, req)
	fmt.Print(rec.Code, " ", rec.Body.String())
	// Output: 404 {"code":404,"description":"No product with that id.","name":"Not Found"}
}

func ExampleKey() {
	requestID := flagon.NewKey[string]("request_id")
	app := flagon.New()
	app.BeforeRequest(func(c *flagon.Ctx) error {
		requestID.Set(c, "r-1")
		return nil
	})
	app.Get("/", func(c *flagon.Ctx) error {
		id, _ := requestID.Get(c)
		return c.Text(id)
	})

	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	fmt.Println(rec.Body.String())
	// Output: r-1
}
