package database

import (
	"math"
	"net/http"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/orm"
)

// Paginate runs one page of sel, Flask-SQLAlchemy's db.paginate: the page
// and per_page come from the options or the request's arguments (see
// PageArgs). With error_out (the default) an empty page other than the
// first is a 404.
func Paginate[T any](c *flagon.Ctx, sel *orm.SelectQuery[T], o PageOptions) (*Pagination[T], error) {
	page, perPage, err := PageArgs(c, o)
	if err != nil {
		return nil, err
	}
	total, err := sel.Count(c.Context())
	if err != nil {
		return nil, err
	}
	var items []*T
	if offset, ok := pageOffset(page, perPage); ok && int64(offset) < total {
		if items, err = sel.Limit(perPage).Offset(offset).All(c.Context()); err != nil {
			return nil, err
		}
	}
	if len(items) == 0 && page != 1 && !o.NoErrorOut {
		return nil, flagon.Abort(http.StatusNotFound, "That page is past the last one.")
	}
	maxPer := o.MaxPerPage
	if maxPer == 0 {
		maxPer = 100
	}
	return &Pagination[T]{Page: page, PerPage: perPage, MaxPerPage: maxPer, Total: int(total), Items: items}, nil
}

// pageOffset returns the number of items before page; ok is false when
// it does not fit an int, a page that is past the end of any query.
func pageOffset(page, perPage int) (offset int, ok bool) {
	if page-1 > math.MaxInt/perPage {
		return 0, false
	}
	return (page - 1) * perPage, true
}
