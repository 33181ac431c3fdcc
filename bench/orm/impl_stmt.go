package ormbench

import (
	"context"
	"database/sql"
	"sync"
)

// stmtImpl is database/sql code with every statement prepared once, as GORM's
// PrepareStmt does: the floor for code that caches prepared statements.
type stmtImpl struct {
	raw                           *rawImpl
	insert, update, read, readAll *sql.Stmt
	multi                         sync.Map // int → *sql.Stmt
}

// openStmt opens the baseline and prepares its statements.
func openStmt(t Target) (Impl, error) {
	im, err := openRaw(t)
	if err != nil {
		return nil, err
	}
	r := im.(*rawImpl)
	s := &stmtImpl{raw: r}
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{{&s.insert, r.s.insert}, {&s.update, r.s.update}, {&s.read, r.s.read}, {&s.readAll, r.s.readSlice}} {
		if *p.dst, err = r.db.Prepare(p.sql); err != nil {
			r.Close()
			return nil, err
		}
	}
	return s, nil
}

func (s *stmtImpl) Insert(ctx context.Context, m *Model) error {
	return s.insert.QueryRowContext(ctx, args(m)...).Scan(&m.ID)
}

func (s *stmtImpl) InsertMulti(ctx context.Context, ms []*Model) error {
	st, err := s.multiStmt(ctx, len(ms))
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(ctx, multiArgs(ms)...)
	if err != nil {
		return err
	}
	return scanIDs(rows, ms)
}

// multiStmt prepares the INSERT of n rows once.
func (s *stmtImpl) multiStmt(ctx context.Context, n int) (*sql.Stmt, error) {
	if st, ok := s.multi.Load(n); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := s.raw.db.PrepareContext(ctx, s.raw.s.insertMulti(s.raw.t.Placeholder, n))
	if err == nil {
		s.multi.Store(n, st)
	}
	return st, err
}

func (s *stmtImpl) Update(ctx context.Context, m *Model) error {
	_, err := s.update.ExecContext(ctx, m.Name, m.Title, m.Fax, m.Web, m.Age, m.Right, m.Counter, m.ID)
	return err
}

func (s *stmtImpl) Read(ctx context.Context, id int) (*Model, error) {
	m := new(Model)
	return m, s.read.QueryRowContext(ctx, id).Scan(scanTargets(m)...)
}

func (s *stmtImpl) ReadSlice(ctx context.Context, n int) ([]*Model, error) {
	rows, err := s.readAll.QueryContext(ctx, 0, n)
	if err != nil {
		return nil, err
	}
	return scanModels(rows, n)
}

func (s *stmtImpl) Close() error { return s.raw.Close() }
