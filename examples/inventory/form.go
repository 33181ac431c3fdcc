package main

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/flagon-go/flagon"
)

// productForm is the product form's values and its errors by field.
type productForm struct {
	Name   string
	Price  string
	Errors map[string]string
	price  *int
}

// parseForm reads and validates the posted form.
func parseForm(v flagon.Values) productForm {
	f := productForm{Name: strings.TrimSpace(v.Get("name")), Price: strings.TrimSpace(v.Get("price")), Errors: map[string]string{}}
	switch {
	case f.Name == "":
		f.Errors["name"] = "A name is required."
	case len(f.Name) > 100:
		f.Errors["name"] = "The name must be at most 100 characters."
	}
	if f.Price != "" {
		n, err := strconv.Atoi(f.Price)
		switch {
		case err != nil:
			f.Errors["price"] = "The price must be a whole number."
		case n < 0:
			f.Errors["price"] = "The price cannot be negative."
		default:
			f.price = &n
		}
	}
	return f
}

// checkText answers 400 naming the field when a field stored as text
// holds a NUL character, which PostgreSQL refuses in text columns.
func checkText(v flagon.Values) error {
	_, err := v.Text("name")
	return err
}

// formFor fills the form from a product.
func formFor(p *Product) productForm {
	f := productForm{Name: p.Name}
	if p.Price != nil {
		f.Price = strconv.Itoa(*p.Price)
	}
	return f
}

func (f productForm) valid() bool { return len(f.Errors) == 0 }

// status is 422 for a form shown again with errors, 200 otherwise.
func (f productForm) status() int {
	if len(f.Errors) > 0 {
		return http.StatusUnprocessableEntity
	}
	return http.StatusOK
}
