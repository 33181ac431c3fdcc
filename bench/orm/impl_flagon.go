package ormbench

import (
	"context"

	"github.com/flagon-go/flagon/orm"
)

// flagonImpl uses flagon's ORM the way docs/orm.md shows.
type flagonImpl struct{ db *orm.DB }

// openFlagon opens a flagon engine from t's URL.
func openFlagon(t Target) (Impl, error) {
	db, err := orm.Open(t.URL)
	if err != nil {
		return nil, err
	}
	return flagonImpl{db}, nil
}

func (f flagonImpl) Insert(ctx context.Context, m *Model) error { return orm.Insert(ctx, f.db, m) }

func (f flagonImpl) InsertMulti(ctx context.Context, ms []*Model) error {
	return orm.InsertMany(ctx, f.db, ms)
}

func (f flagonImpl) Update(ctx context.Context, m *Model) error { return orm.Save(ctx, f.db, m) }

func (f flagonImpl) Read(ctx context.Context, id int) (*Model, error) {
	return orm.Get[Model](ctx, f.db, id)
}

func (f flagonImpl) ReadSlice(ctx context.Context, n int) ([]*Model, error) {
	return orm.Select[Model](f.db).Where(orm.C("id").Gt(0)).Limit(n).All(ctx)
}

func (f flagonImpl) Close() error { return f.db.Close() }
