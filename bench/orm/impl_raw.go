package ormbench

import (
	"context"
	"database/sql"
)

// rawImpl is hand-written database/sql code: the baseline.
type rawImpl struct {
	db *sql.DB
	t  Target
	s  *statements
}

// openRaw opens the database/sql baseline on t.
func openRaw(t Target) (Impl, error) {
	db, err := t.Open()
	if err != nil {
		return nil, err
	}
	return &rawImpl{db: db, t: t, s: newStatements(t)}, nil
}

func (r *rawImpl) Insert(ctx context.Context, m *Model) error {
	return r.db.QueryRowContext(ctx, r.s.insert, args(m)...).Scan(&m.ID)
}

func (r *rawImpl) InsertMulti(ctx context.Context, ms []*Model) error {
	rows, err := r.db.QueryContext(ctx, r.s.insertMulti(r.t.Placeholder, len(ms)), multiArgs(ms)...)
	if err != nil {
		return err
	}
	return scanIDs(rows, ms)
}

func (r *rawImpl) Update(ctx context.Context, m *Model) error {
	_, err := r.db.ExecContext(ctx, r.s.update, m.Name, m.Title, m.Fax, m.Web, m.Age, m.Right, m.Counter, m.ID)
	return err
}

func (r *rawImpl) Read(ctx context.Context, id int) (*Model, error) {
	m := new(Model)
	return m, r.db.QueryRowContext(ctx, r.s.read, id).Scan(scanTargets(m)...)
}

func (r *rawImpl) ReadSlice(ctx context.Context, n int) ([]*Model, error) {
	rows, err := r.db.QueryContext(ctx, r.s.readSlice, 0, n)
	if err != nil {
		return nil, err
	}
	return scanModels(rows, n)
}

func (r *rawImpl) Close() error { return r.db.Close() }
