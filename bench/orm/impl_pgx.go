package ormbench

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
)

// pgxImpl is hand-written pgx code on a pgxpool, PostgreSQL only.
type pgxImpl struct {
	pool *pgxpool.Pool
	t    Target
	s    *statements
}

// openPgx opens a pgx pool on a PostgreSQL target.
func openPgx(t Target) (Impl, error) {
	if !t.IsPostgres() {
		return nil, ErrNotApplicable
	}
	pool, err := pgxpool.New(context.Background(), t.DSN)
	if err != nil {
		return nil, err
	}
	return &pgxImpl{pool: pool, t: t, s: newStatements(t)}, nil
}

func (p *pgxImpl) Insert(ctx context.Context, m *Model) error {
	return p.pool.QueryRow(ctx, p.s.insert, args(m)...).Scan(&m.ID)
}

func (p *pgxImpl) InsertMulti(ctx context.Context, ms []*Model) error {
	rows, err := p.pool.Query(ctx, p.s.insertMulti(p.t.Placeholder, len(ms)), multiArgs(ms)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	i := 0
	for ; rows.Next() && i < len(ms); i++ {
		if err := rows.Scan(&ms[i].ID); err != nil {
			return err
		}
	}
	if i != len(ms) {
		return fmt.Errorf("insert returned %d ids for %d rows", i, len(ms))
	}
	return rows.Err()
}

func (p *pgxImpl) Update(ctx context.Context, m *Model) error {
	_, err := p.pool.Exec(ctx, p.s.update, m.Name, m.Title, m.Fax, m.Web, m.Age, m.Right, m.Counter, m.ID)
	return err
}

func (p *pgxImpl) Read(ctx context.Context, id int) (*Model, error) {
	m := new(Model)
	return m, p.pool.QueryRow(ctx, p.s.read, id).Scan(scanTargets(m)...)
}

func (p *pgxImpl) ReadSlice(ctx context.Context, n int) ([]*Model, error) {
	rows, err := p.pool.Query(ctx, p.s.readSlice, 0, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]*Model, 0, n)
	for rows.Next() {
		m := new(Model)
		if err := rows.Scan(scanTargets(m)...); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func (p *pgxImpl) Close() error { p.pool.Close(); return nil }
