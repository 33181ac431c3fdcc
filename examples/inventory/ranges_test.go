package main

import (
	"net/url"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
)

// TestValuesPastIntegerRanges sends ids, pages and prices at and past the
// integer ranges: ids past INTEGER's range are a 404 as in Flask (not an
// encoding error on PostgreSQL), a page past the end is a 404 even where
// its offset overflows, and a price the column cannot hold is a 400
// naming the field (SQLite's INTEGER holds it).
func TestValuesPastIntegerRanges(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		cl := flagontest.NewClient(t, testApp(t, d.URL))
		if res := cl.Post("/api/products", flagontest.JSON(map[string]any{"name": "Lamp", "price": 2147483647})); res.StatusCode != 201 {
			t.Fatalf("price at the top of the range: %d %s", res.StatusCode, res.Text())
		}
		for _, path := range []string{
			"/products/2147483648", "/products/2147483648/edit", "/products/9223372036854775807",
			"/?page=9223372036854775807", "/api/products?page=9223372036854775807", "/api/products?page=461168601842738791&per_page=20",
		} {
			if res := cl.Get(path); res.StatusCode != 404 {
				t.Errorf("GET %s: %d, want 404", path, res.StatusCode)
			}
		}
		created, rejected := 201, 400
		if d.Name == "sqlite" {
			rejected = created
		}
		res := cl.Post("/api/products", flagontest.JSON(map[string]any{"name": "Vase", "price": 2147483648}))
		if res.StatusCode != rejected || (rejected == 400 && !strings.Contains(res.Text(), "price")) {
			t.Errorf("API price past the range: %d %s, want %d naming the price", res.StatusCode, res.Text(), rejected)
		}
		tok := formToken(t, cl, "/products/new")
		res = cl.Post("/products/new", flagontest.Form(url.Values{"csrf_token": {tok}, "name": {"Rug"}, "price": {"9223372036854775807"}}))
		if d.Name == "sqlite" {
			rejected = 303
		}
		if res.StatusCode != rejected || (rejected == 400 && !strings.Contains(res.Text(), "price")) {
			t.Errorf("form price past the range: %d %s, want %d naming the price", res.StatusCode, res.Text(), rejected)
		}
	})
}
