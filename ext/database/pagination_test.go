package database

import (
	"fmt"
	"net/url"
	"slices"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

func TestIterPages(t *testing.T) {
	tests := []struct {
		name        string
		page, total int
		want        []int
	}{
		{"no items", 1, 0, nil},
		{"one page", 1, 5, []int{1}},
		{"three pages", 2, 60, []int{1, 2, 3}},
		{"20 pages, page 7 (Flask-SQLAlchemy's docs)", 7, 400, []int{1, 2, 0, 5, 6, 7, 8, 9, 10, 11, 0, 19, 20}},
		{"20 pages, page 1", 1, 400, []int{1, 2, 3, 4, 5, 0, 19, 20}},
		{"20 pages, page 4 touches the left edge", 4, 400, []int{1, 2, 3, 4, 5, 6, 7, 8, 0, 19, 20}},
		{"20 pages, page 20", 20, 400, []int{1, 2, 0, 18, 19, 20}},
		{"20 pages, page 15 touches the right edge", 15, 400, []int{1, 2, 0, 13, 14, 15, 16, 17, 18, 19, 20}},
		{"page past the end (as Flask-SQLAlchemy: edges only)", 30, 400, []int{1, 2, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Pagination[struct{}]{Page: tt.page, PerPage: 20, Total: tt.total}
			if got := p.IterPages(); !slices.Equal(got, tt.want) {
				t.Fatalf("IterPages = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPaginationNumbers(t *testing.T) {
	items := make([]*int, 5)
	tests := []struct {
		name                           string
		p                              Pagination[int]
		pages, first, last, prev, next int
		hasPrev, hasNext               bool
	}{
		{"first of three", Pagination[int]{Page: 1, PerPage: 5, Total: 12, Items: items}, 3, 1, 5, 0, 2, false, true},
		{"middle", Pagination[int]{Page: 2, PerPage: 5, Total: 12, Items: items}, 3, 6, 10, 1, 3, true, true},
		{"last, partial", Pagination[int]{Page: 3, PerPage: 5, Total: 12, Items: items[:2]}, 3, 11, 12, 2, 0, true, false},
		{"empty", Pagination[int]{Page: 1, PerPage: 5}, 0, 0, 0, 0, 0, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p
			got := []any{p.Pages(), p.First(), p.Last(), p.PrevNum(), p.NextNum(), p.HasPrev(), p.HasNext()}
			want := []any{tt.pages, tt.first, tt.last, tt.prev, tt.next, tt.hasPrev, tt.hasNext}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("got %v, want %v", got, want)
			}
		})
	}
}

func TestPageArgs(t *testing.T) {
	tests := []struct {
		name          string
		query         string
		opts          PageOptions
		page, perPage int
		code          int
	}{
		{"defaults", "", PageOptions{}, 1, 20, 0},
		{"from the request", "page=3&per_page=10", PageOptions{}, 3, 10, 0},
		{"explicit wins", "page=3", PageOptions{Page: 2, PerPage: 7}, 2, 7, 0},
		{"per_page over max", "per_page=500", PageOptions{}, 1, 100, 0},
		{"custom max", "per_page=50", PageOptions{MaxPerPage: 30}, 1, 30, 0},
		{"no max", "per_page=500", PageOptions{MaxPerPage: -1}, 1, 500, 0},
		{"page 0 is a 404", "page=0", PageOptions{}, 0, 0, 404},
		{"negative page is a 404", "page=-2", PageOptions{}, 0, 0, 404},
		{"non-integer page is a 404", "page=two", PageOptions{}, 0, 0, 404},
		{"non-integer per_page is a 404", "per_page=x", PageOptions{}, 0, 0, 404},
		{"per_page 0 is a 404", "per_page=0", PageOptions{}, 0, 0, 404},
		{"page 0 without error_out", "page=0", PageOptions{NoErrorOut: true}, 1, 20, 0},
		{"non-integer without error_out", "page=x&per_page=y", PageOptions{NoErrorOut: true, DefaultPerPage: 15}, 1, 15, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var page, perPage int
			var err error
			app := flagon.New()
			app.Get("/", func(c *flagon.Ctx) error {
				page, perPage, err = PageArgs(c, tt.opts)
				return nil
			})
			q, _ := url.ParseQuery(tt.query)
			flagontest.NewClient(t, app).Get("/", flagontest.Query(q))
			if tt.code != 0 {
				if flagon.HTTPStatus(err) != tt.code || err == nil {
					t.Fatalf("err = %v, want %d", err, tt.code)
				}
				return
			}
			if err != nil || page != tt.page || perPage != tt.perPage {
				t.Fatalf("got %d, %d, %v; want %d, %d", page, perPage, err, tt.page, tt.perPage)
			}
		})
	}
}
