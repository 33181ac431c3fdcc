package database_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/ext/database"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Shelf has a dynamic relationship: its books are paged, never loaded.
type Shelf struct {
	ID    int64
	Name  string            `orm:"size:50"`
	Books orm.Dynamic[Book] `orm:"order_by:id"`
}

// Book is on a shelf.
type Book struct {
	ID      int64
	ShelfID *int64 `orm:"fk:shelf.id"`
	Title   string `orm:"size:50"`
}

func TestPaginateDynamic(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		app, db := setup(t, d.URL, 0, nil)
		ctx := context.Background()
		if err := db.Register(Shelf{}, Book{}); err != nil {
			t.Fatal(err)
		}
		if err := db.CreateAll(ctx); err != nil {
			t.Fatal(err)
		}
		s := orm.NewSession(db.Engine())
		shelf := &Shelf{Name: "fiction"}
		for i := range 12 {
			shelf.Books.Add(&Book{Title: fmt.Sprintf("b%02d", i+1)})
		}
		if err := s.Add(shelf); err != nil {
			t.Fatal(err)
		}
		if err := s.Commit(ctx); err != nil {
			t.Fatal(err)
		}
		s.Close(ctx)
		app.Get("/shelf/<int:id>", func(c *flagon.Ctx) error {
			id, _ := c.ParamInt("id")
			sess := db.Session(c)
			sh, err := database.GetOr404[Shelf](c.Context(), sess, id, "no shelf")
			if err != nil {
				return err
			}
			p, err := database.Paginate(c, sh.Books.Query(sess), database.PageOptions{DefaultPerPage: 5})
			if err != nil {
				return err
			}
			var titles []string
			for _, b := range p.Items {
				titles = append(titles, b.Title)
			}
			return c.Textf("page %d/%d total %d: %s", p.Page, p.Pages(), p.Total, strings.Join(titles, " "))
		})
		tests := []struct {
			name, query string
			code        int
			body        string
		}{
			{"first page", "", 200, "page 1/3 total 12: b01 b02 b03 b04 b05"},
			{"last page", "page=3", 200, "page 3/3 total 12: b11 b12"},
			{"past the end", "page=4", 404, ""},
		}
		cl := flagontest.NewClient(t, app)
		for _, tt := range tests {
			q, _ := url.ParseQuery(tt.query)
			res := cl.Get(fmt.Sprintf("/shelf/%d", shelf.ID), flagontest.Query(q))
			if res.StatusCode != tt.code || !strings.Contains(res.Text(), tt.body) {
				t.Errorf("%s: got %d %q", tt.name, res.StatusCode, res.Text())
			}
		}
	})
}
