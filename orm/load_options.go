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
	src      *subquerySource // the query a SubqueryLoad re-runs, set per query
}

// Loading strategies that exist only as loader options.
const (
	// LazySubquery loads with a second statement that re-runs the owners'
	// query as a subquery joined to the related table (SQLAlchemy's
	// subqueryload).
	LazySubquery LoadStrategy = LazyRaise + 1 + iota
	// lazyContainsEager reads the relationship from a join the query
	// itself renders (SQLAlchemy's contains_eager).
	lazyContainsEager
)

// SelectInLoad loads each relationship of a dot-separated path with one
// SELECT ... WHERE key IN (...) per level, in batches of 500 keys.
func SelectInLoad(path string) *LoadOption {
	return &LoadOption{path: strings.Split(path, "."), strategy: LazySelectIn}
}

// JoinedLoad loads every relationship of the path in the same statement
// as its owners, with a LEFT OUTER JOIN to an anonymous alias of each
// related table (post_1, tag_1): SQLAlchemy's joinedload. The owners are
// de-duplicated when a collection multiplies their rows, and a query with
// Limit, Offset, Distinct or GroupBy that joins a collection selects its
// owners in a subquery first, so that the limit counts owners, not joined
// rows. A path that continues below a segment loaded with another
// strategy (SelectInLoad("Posts"), JoinedLoad("Posts.Tags")) loads the
// rest with selectin.
func JoinedLoad(path string) *LoadOption {
	return &LoadOption{path: strings.Split(path, "."), strategy: LazyJoined}
}

// SubqueryLoad loads each relationship of the path with one more
// statement per level that re-runs the owners' query as a subquery (with
// its Where, joins, ordering and limit) joined to the related table:
// SQLAlchemy's subqueryload. Outside a Select (LoadAll, lazy loads) it
// loads like SelectInLoad.
func SubqueryLoad(path string) *LoadOption {
	return &LoadOption{path: strings.Split(path, "."), strategy: LazySubquery}
}

// ContainsEager fills the relationships of the path from a join the query
// itself writes, with no other statement: SQLAlchemy's contains_eager.
// The related table must be joined under its own name (Join("post", ...)
// or LeftJoin); its columns are added to the select list, and each owner's
// collection holds the rows the join returned (an inner join or a Where on
// the joined table gives a filtered collection). Owners are
// de-duplicated. Limit and Offset count joined rows, as in SQLAlchemy.
// Where and OrderBy are an error here: the query's own join and ORDER BY
// decide what the collection holds and in which order.
func ContainsEager(path string) *LoadOption {
	return &LoadOption{path: strings.Split(path, "."), strategy: lazyContainsEager}
}

// RaiseLoad marks the last relationship of the path so that a later Load
// of it fails with ErrRaiseLoad instead of running a query; earlier
// segments load with selectin.
func RaiseLoad(path string) *LoadOption {
	return &LoadOption{path: strings.Split(path, "."), strategy: LazyRaise}
}

// Where filters the loaded related rows (conditions joined with AND). In
// a JoinedLoad the conditions go into the join's ON clause, with the
// related table's name ("post.title") adapted to the join's alias.
func (o *LoadOption) Where(conds ...Expr) *LoadOption {
	o.where = append(o.where, conds...)
	return o
}

// OrderBy sorts the loaded collection: field or column names ("-" for
// descending) or Exprs (in a JoinedLoad, adapted to the join's alias).
func (o *LoadOption) OrderBy(keys ...any) *LoadOption {
	o.orderBy = append(o.orderBy, keys...)
	return o
}

// Options adds relationship loader options to the query. They apply to
// All, First and One (not Iter), on a *Session or any other Querier.
func (s *SelectQuery[T]) Options(opts ...*LoadOption) *SelectQuery[T] {
	if s.table != nil {
		if err := checkDynamicPaths(s.table, opts); err != nil {
			s.setErr(err)
		}
	}
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
