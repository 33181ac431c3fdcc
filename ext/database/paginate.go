package database

import (
	"context"
	"errors"
	"math"
	"net/http"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/orm"
)

// Paginate runs one page of sel, Flask-SQLAlchemy's db.paginate: the page
// and per_page come from the options or the request's arguments (see
// PageArgs; c may be nil outside a request, then they default to 1 and
// 20). With error_out (the default) an empty page other than the first
// is a 404. With NoCount no count query runs and Total is -1.
func Paginate[T any](c *flagon.Ctx, sel *orm.SelectQuery[T], o PageOptions) (*Pagination[T], error) {
	page, perPage, err := PageArgs(c, o)
	if err != nil {
		return nil, err
	}
	ctx := context.Background()
	if c != nil {
		ctx = c.Context()
	}
	maxPer := o.MaxPerPage
	if maxPer == 0 {
		maxPer = 100
	}
	p := &Pagination[T]{Page: page, PerPage: perPage, MaxPerPage: maxPer, sel: sel}
	return p, p.run(ctx, !o.NoErrorOut, !o.NoCount)
}

// run queries the page's items (a 404 for an empty page other than the
// first when errorOut) and, when count, the total (-1 otherwise).
func (p *Pagination[T]) run(ctx context.Context, errorOut, count bool) error {
	p.Total = -1
	if count {
		total, err := p.sel.Count(ctx)
		if err != nil {
			return err
		}
		p.Total = int(total)
	}
	if offset, ok := pageOffset(p.Page, p.PerPage); ok && (p.Total < 0 || int64(offset) < int64(p.Total)) {
		page := *p.sel
		items, err := page.Limit(p.PerPage).Offset(offset).All(ctx)
		if err != nil {
			return err
		}
		p.Items = items
	}
	if len(p.Items) == 0 && p.Page != 1 && errorOut {
		return flagon.Abort(http.StatusNotFound, "That page is past the last one.")
	}
	return nil
}

// errNoQuery is returned by Next and Prev on a Pagination that Paginate
// did not make.
var errNoQuery = errors.New("database: this Pagination has no query to run (made by hand, not by Paginate)")

// Next queries the next page with the same page size, Flask-SQLAlchemy's
// Pagination.next(): no count query (Total is copied) and no 404 for an
// empty page.
func (p *Pagination[T]) Next(ctx context.Context) (*Pagination[T], error) {
	return p.sibling(ctx, p.Page+1)
}

// Prev queries the previous page with the same page size,
// Flask-SQLAlchemy's Pagination.prev(); on the first page it is the first
// page again (error_out=False turns page 0 into 1).
func (p *Pagination[T]) Prev(ctx context.Context) (*Pagination[T], error) {
	return p.sibling(ctx, p.Page-1)
}

// sibling queries page with p's query and sizes.
func (p *Pagination[T]) sibling(ctx context.Context, page int) (*Pagination[T], error) {
	if p.sel == nil {
		return nil, errNoQuery
	}
	page = max(page, 1)
	n := &Pagination[T]{Page: page, PerPage: p.PerPage, MaxPerPage: p.MaxPerPage, sel: p.sel}
	if err := n.run(ctx, false, false); err != nil {
		return nil, err
	}
	n.Total = p.Total
	return n, nil
}

// pageOffset returns the number of items before page; ok is false when
// it does not fit an int, a page that is past the end of any query.
func pageOffset(page, perPage int) (offset int, ok bool) {
	if page-1 > math.MaxInt/perPage {
		return 0, false
	}
	return (page - 1) * perPage, true
}
