package main

import (
	"net/http"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/orm"
)

// shop holds the handlers and their database.
type shop struct {
	db *database.DB
}

// routes registers the HTML pages.
func (s *shop) routes(app *flagon.App) {
	app.Get("/", s.index)
	app.Route("/products/new", s.create, flagon.Methods("GET", "POST"), flagon.Endpoint("create"))
	app.Get("/products/<int:id>", s.show)
	app.Route("/products/<int:id>/edit", s.edit, flagon.Methods("GET", "POST"))
	app.Post("/products/<int:id>/delete", s.delete)
	app.ErrorHandler(http.StatusNotFound, notFoundPage)
}

// index lists the products, a page at a time.
func (s *shop) index(c *flagon.Ctx) error {
	page, err := database.Paginate(c, orm.Select[Product](s.db.Session(c)).OrderBy("ID"), database.PageOptions{DefaultPerPage: 10})
	if err != nil {
		return err
	}
	return c.Render("products/list.html", map[string]any{"page": page})
}

// show shows one product.
func (s *shop) show(c *flagon.Ctx) error {
	p, err := s.product(c)
	if err != nil {
		return err
	}
	return c.Render("products/show.html", map[string]any{"product": p})
}

// create shows the form, and creates the product it posts.
func (s *shop) create(c *flagon.Ctx) error {
	form := productForm{}
	if c.Request.Method == http.MethodPost {
		values, err := c.Form()
		if err != nil {
			return err
		}
		if err := checkText(values); err != nil {
			return err
		}
		form = parseForm(values)
		if form.valid() {
			p := &Product{Name: form.Name, Price: form.price}
			if err := s.commit(c, func(db *orm.Session) error { return db.Add(p) }); err != nil {
				return err
			}
			c.Flash("Product “" + p.Name + "” created.")
			return redirectTo(c, "index")
		}
	}
	return c.Status(form.status()).Render("products/form.html", map[string]any{"form": form, "title": "New product"})
}

// edit shows the form for a product, and saves what it posts.
func (s *shop) edit(c *flagon.Ctx) error {
	p, err := s.product(c)
	if err != nil {
		return err
	}
	form := formFor(p)
	if c.Request.Method == http.MethodPost {
		values, err := c.Form()
		if err != nil {
			return err
		}
		if err := checkText(values); err != nil {
			return err
		}
		form = parseForm(values)
		if form.valid() {
			p.Name, p.Price = form.Name, form.price // the session writes only what changed
			if err := s.commit(c, nil); err != nil {
				return err
			}
			c.Flash("Product “" + p.Name + "” saved.")
			return redirectTo(c, "show", "id", p.ID)
		}
	}
	return c.Status(form.status()).Render("products/form.html", map[string]any{"form": form, "product": p, "title": "Edit " + p.Name})
}

// delete removes a product (POST only).
func (s *shop) delete(c *flagon.Ctx) error {
	p, err := s.product(c)
	if err != nil {
		return err
	}
	if err := s.commit(c, func(db *orm.Session) error { return db.Delete(p) }); err != nil {
		return err
	}
	c.Flash("Product “"+p.Name+"” deleted.", "warning")
	return redirectTo(c, "index")
}

// product loads the product of the URL's id, or a 404.
func (s *shop) product(c *flagon.Ctx) (*Product, error) {
	id, err := c.ParamInt("id")
	if err != nil {
		return nil, err
	}
	return database.GetOr404[Product](c.Context(), s.db.Session(c), id, "There is no product with that number.")
}

// commit applies change (if any) to the request's session and commits it,
// db.session.add(...); db.session.commit() in Flask-SQLAlchemy.
func (s *shop) commit(c *flagon.Ctx, change func(*orm.Session) error) error {
	session := s.db.Session(c)
	if change != nil {
		if err := change(session); err != nil {
			return err
		}
	}
	return outOfRange(session.Commit(c.Context()))
}

// redirectTo redirects (303, after a POST) to an endpoint.
func redirectTo(c *flagon.Ctx, endpoint string, values ...any) error {
	u, err := c.URLFor(endpoint, values...)
	if err != nil {
		return err
	}
	return c.Redirect(u, http.StatusSeeOther)
}

// notFoundPage renders the 404 page in the site's layout.
func notFoundPage(c *flagon.Ctx, err error) error {
	he, _ := err.(*flagon.HTTPError)
	msg := "The page you asked for does not exist."
	if he != nil && he.Description != "" {
		msg = he.Description
	}
	if flagon.WantsJSON(c.Request) {
		return c.Status(http.StatusNotFound).JSON(map[string]any{"error": msg})
	}
	return c.Status(http.StatusNotFound).Render("404.html", map[string]any{"message": msg})
}
