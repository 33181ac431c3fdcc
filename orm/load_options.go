package orm

import (
	"errors"
	"fmt"
	"strings"
)

// A LoadOption asks a query to load a relationship path of its results
// eagerly (SQLAlchemy's loader options): SelectInLoad("Posts.Tags"),
// JoinedLoad("Author"), RaiseLoad("Comments"). Where and OrderBy filter
// and sort the last relationship of the path.
type LoadOption struct {
	path     []string
	strategy LoadStrategy
	where    []Expr
	orderBy  []any
}

// SelectInLoad loads each relationship of a dot-separated path with one
// SELECT ... WHERE key IN (...) per level, in batches of 500 keys.
func SelectInLoad(path string) *LoadOption {
	return &LoadOption{path: strings.Split(path, "."), strategy: LazySelectIn}
}

// JoinedLoad loads a to-one relationship in the same statement as its
// owners with a LEFT OUTER JOIN; deeper path segments, and collections
// (which a join would multiply), load with selectin.
func JoinedLoad(path string) *LoadOption {
	return &LoadOption{path: strings.Split(path, "."), strategy: LazyJoined}
}

// RaiseLoad marks the last relationship of the path so that a later Load
// of it fails with ErrRaiseLoad instead of running a query; earlier
// segments load with selectin.
func RaiseLoad(path string) *LoadOption {
	return &LoadOption{path: strings.Split(path, "."), strategy: LazyRaise}
}

// Where filters the loaded related rows (conditions joined with AND).
func (o *LoadOption) Where(conds ...Expr) *LoadOption {
	o.where = append(o.where, conds...)
	return o
}

// OrderBy sorts the loaded collection: field or column names ("-" for
// descending) or Exprs.
func (o *LoadOption) OrderBy(keys ...any) *LoadOption {
	o.orderBy = append(o.orderBy, keys...)
	return o
}

// Options adds relationship loader options to the query. They apply to
// All, First and One (not Iter), on a *Session or any other Querier.
func (s *SelectQuery[T]) Options(opts ...*LoadOption) *SelectQuery[T] {
	s.loads = append(s.loads, opts...)
	return s
}

// ErrRaiseLoad matches a *RaiseLoadError.
var ErrRaiseLoad = errors.New("orm: relationship is not loaded and lazy loading is refused")

// A RaiseLoadError is returned by Load for a relationship that was not
// loaded eagerly when lazy loading is refused: the relationship is
// lazy:"raise", the query used RaiseLoad, or the session was made with
// RaiseOnLazyLoad. Load it in the query with SelectInLoad or JoinedLoad.
type RaiseLoadError struct {
	// Model is the owner's Go type name.
	Model string
	// Relation is the relationship field.
	Relation string
}

// Error names the relationship.
func (e *RaiseLoadError) Error() string {
	return fmt.Sprintf("orm: %s.%s is not loaded and raise mode refuses a lazy load (N+1); load it with SelectInLoad(%q) or JoinedLoad", e.Model, e.Relation, e.Relation)
}

// Unwrap makes errors.Is(err, ErrRaiseLoad) true.
func (e *RaiseLoadError) Unwrap() error { return ErrRaiseLoad }
