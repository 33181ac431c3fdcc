package database

import (
	"context"
	"errors"
	"net/http"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/orm"
)

// GetOr404 returns the row of T with the primary key, or a 404 (with the
// optional description), Flask-SQLAlchemy's get_or_404.
func GetOr404[T any](ctx context.Context, q orm.Querier, pk any, description ...string) (*T, error) {
	obj, err := orm.Get[T](ctx, q, pk)
	return obj, notFound(err, description)
}

// FirstOr404 returns the first row of the query, or a 404.
func FirstOr404[T any](ctx context.Context, sel *orm.SelectQuery[T], description ...string) (*T, error) {
	obj, err := sel.First(ctx)
	return obj, notFound(err, description)
}

// OneOr404 returns the only row of the query, or a 404 when there is
// none or more than one, Flask-SQLAlchemy's one_or_404.
func OneOr404[T any](ctx context.Context, sel *orm.SelectQuery[T], description ...string) (*T, error) {
	obj, err := sel.One(ctx)
	if errors.Is(err, orm.ErrMultipleRows) {
		err = orm.ErrNoRows
	}
	return obj, notFound(err, description)
}

// notFound turns ErrNoRows into a 404 and leaves other errors alone.
func notFound(err error, description []string) error {
	if !errors.Is(err, orm.ErrNoRows) {
		return err
	}
	he := flagon.NewHTTPError(http.StatusNotFound, err, description...)
	return he
}
