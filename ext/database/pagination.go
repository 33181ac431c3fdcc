package database

import (
	"net/http"
	"strconv"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/orm"
)

// Pagination is one page of a query's results, Flask-SQLAlchemy's
// Pagination: the items and the numbers a pagination widget needs.
type Pagination[T any] struct {
	// Page is the current page, from 1.
	Page int
	// PerPage is the maximum number of items on a page.
	PerPage int
	// MaxPerPage is the largest PerPage a request may ask for (0: none).
	MaxPerPage int
	// Total is the number of items on all pages, -1 when not counted
	// (PageOptions.NoCount: Flask-SQLAlchemy's None).
	Total int
	// Items are the page's items.
	Items []*T

	sel *orm.SelectQuery[T] // the query, for Next and Prev
}

// Pages is the number of pages (0 when there are no items).
func (p *Pagination[T]) Pages() int {
	if p.Total <= 0 || p.PerPage <= 0 {
		return 0
	}
	return (p.Total + p.PerPage - 1) / p.PerPage
}

// First is the number of the page's first item, from 1, or 0 when the
// page is empty.
func (p *Pagination[T]) First() int {
	if len(p.Items) == 0 {
		return 0
	}
	return (p.Page-1)*p.PerPage + 1
}

// Last is the number of the page's last item, or 0 when the page is empty.
func (p *Pagination[T]) Last() int {
	first := p.First()
	return max(first, first+len(p.Items)-1)
}

// HasPrev reports whether there is a page before this one.
func (p *Pagination[T]) HasPrev() bool { return p.Page > 1 }

// PrevNum is the previous page number, or 0 on the first page.
func (p *Pagination[T]) PrevNum() int {
	if !p.HasPrev() {
		return 0
	}
	return p.Page - 1
}

// HasNext reports whether there is a page after this one.
func (p *Pagination[T]) HasNext() bool { return p.Page < p.Pages() }

// NextNum is the next page number, or 0 on the last page.
func (p *Pagination[T]) NextNum() int {
	if !p.HasNext() {
		return 0
	}
	return p.Page + 1
}

// IterPages returns the page numbers of a pagination widget with
// Flask-SQLAlchemy's defaults (left_edge=2, left_current=2,
// right_current=4, right_edge=2); 0 stands for a gap. For 20 pages on
// page 7: 1 2 0 5 6 7 8 9 10 11 0 19 20.
func (p *Pagination[T]) IterPages() []int {
	return p.IterPagesWith(2, 2, 4, 2)
}

// IterPagesWith is IterPages with explicit edges, exactly as
// Flask-SQLAlchemy's iter_pages.
func (p *Pagination[T]) IterPagesWith(leftEdge, leftCurrent, rightCurrent, rightEdge int) []int {
	pagesEnd := p.Pages() + 1
	if pagesEnd == 1 {
		return nil
	}
	var out []int
	leftEnd := min(1+leftEdge, pagesEnd)
	out = appendRange(out, 1, leftEnd)
	if leftEnd == pagesEnd {
		return out
	}
	midStart := max(leftEnd, p.Page-leftCurrent)
	midEnd := min(p.Page+rightCurrent+1, pagesEnd)
	if midStart-leftEnd > 0 {
		out = append(out, 0)
	}
	out = appendRange(out, midStart, midEnd)
	if midEnd == pagesEnd {
		return out
	}
	rightStart := max(midEnd, pagesEnd-rightEdge)
	if rightStart-midEnd > 0 {
		out = append(out, 0)
	}
	return appendRange(out, rightStart, pagesEnd)
}

func appendRange(out []int, from, to int) []int {
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// PageOptions are the paginate arguments: explicit Page and PerPage win
// over the request's page and per_page arguments.
type PageOptions struct {
	// Page is the page to show (0: from the request's "page", default 1).
	Page int
	// PerPage is the page size (0: from "per_page", default
	// DefaultPerPage).
	PerPage int
	// DefaultPerPage is the page size when none is given (20).
	DefaultPerPage int
	// MaxPerPage caps PerPage (100; a negative value means no cap).
	MaxPerPage int
	// NoErrorOut replaces Flask-SQLAlchemy's error_out=True: by default a
	// bad page or per_page, or an empty page other than the first, is a
	// 404; with NoErrorOut they fall back to the defaults.
	NoErrorOut bool
	// NoCount replaces Flask-SQLAlchemy's count=True: with it no count
	// query runs and Total is -1 (Pages is 0).
	NoCount bool
}

// PageArgs resolves page and per_page from the options and the request
// (c may be nil), exactly as Flask-SQLAlchemy's _prepare_page_args.
func PageArgs(c *flagon.Ctx, o PageOptions) (page, perPage int, err error) {
	def := o.DefaultPerPage
	if def <= 0 {
		def = 20
	}
	page, perPage = o.Page, o.PerPage
	pageSet, perSet := page != 0, perPage != 0
	if c != nil && !pageSet {
		if page, pageSet, err = argInt(c, "page", 1, o.NoErrorOut); err != nil {
			return 0, 0, err
		}
	}
	if c != nil && !perSet {
		if perPage, perSet, err = argInt(c, "per_page", def, o.NoErrorOut); err != nil {
			return 0, 0, err
		}
	}
	if !pageSet {
		page = 1
	}
	if !perSet {
		perPage = def
	}
	return clampPage(page, perPage, def, o)
}

func clampPage(page, perPage, def int, o PageOptions) (int, int, error) {
	maxPer := o.MaxPerPage
	if maxPer == 0 {
		maxPer = 100
	}
	if maxPer > 0 {
		perPage = min(perPage, maxPer)
	}
	if page < 1 {
		if !o.NoErrorOut {
			return 0, 0, flagon.Abort(http.StatusNotFound, "The page number must be 1 or more.")
		}
		page = 1
	}
	if perPage < 1 {
		if !o.NoErrorOut {
			return 0, 0, flagon.Abort(http.StatusNotFound, "per_page must be 1 or more.")
		}
		perPage = def
	}
	return page, perPage, nil
}

// argInt reads an integer request argument; set is false when it is
// missing. A malformed value is a 404, or onError with noErrorOut.
func argInt(c *flagon.Ctx, name string, onError int, noErrorOut bool) (n int, set bool, err error) {
	args := c.Args()
	if !args.Has(name) {
		return 0, false, nil
	}
	n, err = strconv.Atoi(args.Get(name))
	if err != nil {
		if !noErrorOut {
			return 0, false, flagon.Abort(http.StatusNotFound, "The "+name+" argument must be an integer.")
		}
		return onError, true, nil
	}
	return n, true, nil
}
