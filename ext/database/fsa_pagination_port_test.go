package database_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Cases ported from Flask-SQLAlchemy's tests/test_pagination.py. Its
// RangePagination (150 items, 10 a page) is a Pagination built by hand;
// None is 0 in IterPages and -1 for an uncounted Total.

// rangePage is RangePagination(total, page, per_page=10) with n items.
func rangePage(total, page, n int) *database.Pagination[int] {
	return &database.Pagination[int]{Page: page, PerPage: 10, Total: total, Items: make([]*int, n)}
}

func TestFSAPaginationNumbers(t *testing.T) {
	tests := []struct {
		name                                 string
		p                                    *database.Pagination[int]
		pages, prevNum, nextNum, first, last int
		hasPrev, hasNext                     bool
	}{
		{"test_first_page", rangePage(150, 1, 10), 15, 0, 2, 1, 10, false, true},
		{"test_last_page", rangePage(150, 15, 5), 15, 14, 0, 141, 145, true, false},
		{"test_item_numbers_first_page", rangePage(150, 1, 10), 15, 0, 2, 1, 10, false, true},
		{"test_item_numbers_last_page", rangePage(150, 15, 5), 15, 14, 0, 141, 145, true, false},
		{"test_item_numbers_0", rangePage(0, 1, 0), 0, 0, 0, 0, 0, false, false},
		{"test_0_pages[0]", rangePage(0, 1, 0), 0, 0, 0, 0, 0, false, false},
		{"test_0_pages[None]", rangePage(-1, 1, 10), 0, 0, 0, 1, 10, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p
			got := []int{p.Pages(), p.PrevNum(), p.NextNum(), p.First(), p.Last()}
			want := []int{tt.pages, tt.prevNum, tt.nextNum, tt.first, tt.last}
			if !slices.Equal(got, want) || p.HasPrev() != tt.hasPrev || p.HasNext() != tt.hasNext {
				t.Errorf("pages, prev, next, first, last = %v, has prev/next %v %v; want %v, %v %v",
					got, p.HasPrev(), p.HasNext(), want, tt.hasPrev, tt.hasNext)
			}
		})
	}
}

func TestFSAIterPages(t *testing.T) {
	tests := []struct {
		name        string
		total, page int
		want        []int
	}{
		{"test_iter_pages[1]", 150, 1, []int{1, 2, 3, 4, 5, 0, 14, 15}},
		{"test_iter_pages[2]", 150, 2, []int{1, 2, 3, 4, 5, 6, 0, 14, 15}},
		{"test_iter_pages[3]", 150, 3, []int{1, 2, 3, 4, 5, 6, 7, 0, 14, 15}},
		{"test_iter_pages[4]", 150, 4, []int{1, 2, 3, 4, 5, 6, 7, 8, 0, 14, 15}},
		{"test_iter_pages[5]", 150, 5, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 14, 15}},
		{"test_iter_pages[6]", 150, 6, []int{1, 2, 0, 4, 5, 6, 7, 8, 9, 10, 0, 14, 15}},
		{"test_iter_pages[7]", 150, 7, []int{1, 2, 0, 5, 6, 7, 8, 9, 10, 11, 0, 14, 15}},
		{"test_iter_pages[8]", 150, 8, []int{1, 2, 0, 6, 7, 8, 9, 10, 11, 12, 0, 14, 15}},
		{"test_iter_pages[9]", 150, 9, []int{1, 2, 0, 7, 8, 9, 10, 11, 12, 13, 14, 15}},
		{"test_iter_pages[10]", 150, 10, []int{1, 2, 0, 8, 9, 10, 11, 12, 13, 14, 15}},
		{"test_iter_pages[11]", 150, 11, []int{1, 2, 0, 9, 10, 11, 12, 13, 14, 15}},
		{"test_iter_pages[12]", 150, 12, []int{1, 2, 0, 10, 11, 12, 13, 14, 15}},
		{"test_iter_pages[13]", 150, 13, []int{1, 2, 0, 11, 12, 13, 14, 15}},
		{"test_iter_pages[14]", 150, 14, []int{1, 2, 0, 12, 13, 14, 15}},
		{"test_iter_pages[15]", 150, 15, []int{1, 2, 0, 13, 14, 15}},
		{"test_iter_0_pages", 0, 1, nil},
		{"test_iter_pages_short[1]", 40, 1, []int{1, 2, 3, 4}},
		{"test_iter_pages_short[2]", 40, 2, []int{1, 2, 3, 4}},
		{"test_iter_pages_short[3]", 40, 3, []int{1, 2, 3, 4}},
		{"test_iter_pages_short[4]", 40, 4, []int{1, 2, 3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rangePage(tt.total, tt.page, 0).IterPages(); !slices.Equal(got, tt.want) {
				t.Errorf("IterPages = %v, want %v", got, tt.want)
			}
		})
	}
}

// Todo is the model of Flask-SQLAlchemy's conftest.
type Todo struct {
	ID    int
	Title string `orm:"size:50"`
}

// todoApp is an app whose database has n todos.
func todoApp(t *testing.T, d dbtest.DB, n int) (*flagon.App, *database.DB) {
	t.Helper()
	app, db := setup(t, d.URL, 0, nil)
	ctx := context.Background()
	if err := db.Register(Todo{}); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateAll(ctx); err != nil {
		t.Fatal(err)
	}
	todos := make([]*Todo, n)
	for i := range todos {
		todos[i] = &Todo{Title: "task"}
	}
	if n > 0 {
		if err := orm.InsertMany(ctx, db.Engine(), todos); err != nil {
			t.Fatal(err)
		}
	}
	return app, db
}

// todoPager is the test module's paginate fixture: db.paginate of all
// todos in a request with a query string.
type todoPager struct {
	cl   *flagontest.Client
	opts database.PageOptions
	p    *database.Pagination[Todo]
	err  error
}

// newPager registers the fixture's view on app.
func newPager(t *testing.T, app *flagon.App, db *database.DB) *todoPager {
	pg := &todoPager{}
	app.Get("/todos", func(c *flagon.Ctx) error {
		pg.p, pg.err = database.Paginate(c, orm.Select[Todo](db.Engine()).OrderBy("ID"), pg.opts)
		return nil
	})
	pg.cl = flagontest.NewClient(t, app)
	return pg
}

// paginate requests a page with query and o.
func (pg *todoPager) paginate(query string, o database.PageOptions) (*database.Pagination[Todo], error) {
	pg.opts, pg.p, pg.err = o, nil, nil
	q, _ := url.ParseQuery(query)
	pg.cl.Get("/todos", flagontest.Query(q))
	return pg.p, pg.err
}

func TestFSAPaginate(t *testing.T) {
	type want struct{ page, perPage, items, total, pages int }
	tests := []struct {
		name  string
		query string
		opts  database.PageOptions
		want  want
	}{
		{"test_paginate", "", database.PageOptions{}, want{1, 20, 20, 250, 13}},
		{"test_paginate_qs", "page=2&per_page=10", database.PageOptions{}, want{2, 10, 10, 250, 25}},
		{"test_paginate_max", "per_page=100", database.PageOptions{MaxPerPage: 50}, want{1, 50, 50, 250, 5}},
		{"test_no_count", "", database.PageOptions{NoCount: true}, want{1, 20, 20, -1, 0}},
	}
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := todoApp(t, d, 250)
		pg := newPager(t, app, db)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				p, err := pg.paginate(tt.query, tt.opts)
				must(t, err)
				got := want{p.Page, p.PerPage, len(p.Items), p.Total, p.Pages()}
				if got != tt.want {
					t.Errorf("page, per_page, items, total, pages = %v, want %v", got, tt.want)
				}
			})
		}
		t.Run("test_next_page_size", func(t *testing.T) {
			p, err := pg.paginate("per_page=110", database.PageOptions{MaxPerPage: 250})
			must(t, err)
			if p.Page != 1 || p.PerPage != 110 {
				t.Fatalf("page %d per_page %d, want 1 and 110", p.Page, p.PerPage)
			}
			n, err := p.Next(context.Background())
			must(t, err)
			if n.Page != 2 || n.PerPage != 110 || len(n.Items) != 110 || n.Total != 250 || n.Items[0].ID != 111 {
				t.Errorf("next: page %d per_page %d items %d total %d", n.Page, n.PerPage, len(n.Items), n.Total)
			}
			back, err := n.Prev(context.Background())
			must(t, err)
			if back.Page != 1 || back.PerPage != 110 || back.Items[0].ID != 1 {
				t.Errorf("prev of next: page %d per_page %d", back.Page, back.PerPage)
			}
			last, err := back.Next(context.Background())
			must(t, err)
			if last, err = last.Next(context.Background()); err != nil || last.Page != 3 || len(last.Items) != 30 {
				t.Errorf("third page: %v, %v", last, err)
			}
			if past, err := last.Next(context.Background()); err != nil || len(past.Items) != 0 {
				t.Errorf("next past the end (error_out=False) = %v, %v; want an empty page", past, err)
			}
		})
	})
}

func TestFSAPaginateErrorOut(t *testing.T) {
	tests := []struct{ name, query string }{
		{"test_error_out[abc-None]", "page=abc"},
		{"test_error_out[None-abc]", "per_page=abc"},
		{"test_error_out[0-None]", "page=0"},
		{"test_error_out[None--1]", "per_page=-1"},
	}
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := todoApp(t, d, 250)
		pg := newPager(t, app, db)
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				if _, err := pg.paginate(tt.query, database.PageOptions{}); flagon.HTTPStatus(err) != http.StatusNotFound {
					t.Errorf("error = %v, want a 404", err)
				}
			})
		}
	})
}

func TestFSANoItems404(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		_, db := todoApp(t, d, 0)
		p, err := database.Paginate(nil, orm.Select[Todo](db.Engine()), database.PageOptions{})
		must(t, err)
		if len(p.Items) != 0 || p.Page != 1 || p.PerPage != 20 {
			t.Errorf("outside a request: page %d per_page %d items %d", p.Page, p.PerPage, len(p.Items))
		}
		_, err = database.Paginate(nil, orm.Select[Todo](db.Engine()), database.PageOptions{Page: 2})
		if flagon.HTTPStatus(err) != http.StatusNotFound {
			t.Errorf("page 2 of nothing: %v, want a 404", err)
		}
	})
}

// must fails the test on error.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
