package main

import (
	"net/http"
	"strconv"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/orm"
)

// productInput is the body of POST /api/products.
type productInput struct {
	Name  string `json:"name"`
	Price *int   `json:"price"`
}

// api returns the JSON API blueprint: every error it returns is JSON.
func (s *shop) api() *flagon.Blueprint {
	bp := flagon.NewBlueprint("api", "/api")
	bp.Get("/products", s.apiList, flagon.Endpoint("products"))
	bp.Post("/products", s.apiCreate, flagon.Endpoint("create_product"))
	flagon.HandleError(bp, func(c *flagon.Ctx, err *flagon.HTTPError) error {
		return c.Status(err.Code).JSON(map[string]any{"error": err.Text(), "code": err.Code})
	})
	return bp
}

// apiList returns a page of products with Flask-SQLAlchemy's numbers.
func (s *shop) apiList(c *flagon.Ctx) error {
	page, err := database.Paginate(c, orm.Select[Product](s.db.Session(c)).OrderBy("ID"), database.PageOptions{})
	if err != nil {
		return err
	}
	items := page.Items
	if items == nil {
		items = []*Product{}
	}
	return c.JSON(map[string]any{
		"items": items, "page": page.Page, "per_page": page.PerPage,
		"total": page.Total, "pages": page.Pages(),
	})
}

// apiCreate creates a product from a JSON body; errors are 400 (bad JSON)
// or 422 with the field errors.
func (s *shop) apiCreate(c *flagon.Ctx) error {
	in, err := flagon.BindJSON[productInput](c)
	if err != nil {
		return err
	}
	price := ""
	if in.Price != nil {
		price = strconv.Itoa(*in.Price)
	}
	values := flagon.Values{"name": {in.Name}, "price": {price}}
	if err := checkText(values); err != nil {
		return err
	}
	form := parseForm(values)
	if !form.valid() {
		return c.Status(http.StatusUnprocessableEntity).JSON(map[string]any{"error": "invalid product", "fields": form.Errors})
	}
	p := &Product{Name: form.Name, Price: form.price}
	if err := s.commit(c, func(db *orm.Session) error { return db.Add(p) }); err != nil {
		return err
	}
	return c.Status(http.StatusCreated).JSON(p)
}
