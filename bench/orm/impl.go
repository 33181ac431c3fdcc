package ormbench

import (
	"context"
	"errors"
)

// An Impl runs the five benchmark operations one way (raw SQL or an ORM).
type Impl interface {
	// Insert writes m and sets m.ID to the generated key.
	Insert(ctx context.Context, m *Model) error
	// InsertMulti writes ms in one statement and sets their IDs.
	InsertMulti(ctx context.Context, ms []*Model) error
	// Update writes every column of m to the row with key m.ID.
	Update(ctx context.Context, m *Model) error
	// Read returns the row with key id.
	Read(ctx context.Context, id int) (*Model, error)
	// ReadSlice returns n rows with a positive key.
	ReadSlice(ctx context.Context, n int) ([]*Model, error)
	// Close releases the connection pool.
	Close() error
}

// ErrNotApplicable is returned by an Opener for a target it does not serve
// (pgx on SQLite).
var ErrNotApplicable = errors.New("implementation not applicable to this database")

// An Opener names an implementation and opens it on a target.
type Opener struct {
	Name string
	Open func(t Target) (Impl, error)
}

// Openers lists the implementations in report order; the first is the
// baseline.
var Openers = []Opener{
	{"database_sql", openRaw},
	{"database_sql_stmt", openStmt},
	{"pgx", openPgx},
	{"flagon", openFlagon},
	{"gorm", openGorm},
	{"bun", openBun},
}
