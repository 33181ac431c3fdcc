package ormbench

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/schema"
)

// bunImpl uses Bun's query builders as its docs show, over database/sql with
// the same driver (pgx or modernc) as the baseline.
type bunImpl struct{ db *bun.DB }

// openBun opens Bun with t's dialect. On PostgreSQL pgx runs Bun's
// statements with the simple query protocol, as Bun's own driver (pgdriver)
// does: Bun writes the values into the SQL text, so a statement text is
// rarely seen twice, and pgx's default (prepare and cache each new text)
// would cost a round trip per statement.
func openBun(t Target) (Impl, error) {
	var d schema.Dialect = sqlitedialect.New()
	if t.IsPostgres() {
		d = pgdialect.New()
		cfg, err := pgx.ParseConfig(t.DSN)
		if err != nil {
			return nil, err
		}
		cfg.DefaultQueryExecMode = pgx.QueryExecModeSimpleProtocol
		return bunImpl{bun.NewDB(stdlib.OpenDB(*cfg), d)}, nil
	}
	sqldb, err := t.Open()
	if err != nil {
		return nil, err
	}
	return bunImpl{bun.NewDB(sqldb, d)}, nil
}

func (b bunImpl) Insert(ctx context.Context, m *Model) error {
	_, err := b.db.NewInsert().Model(m).Exec(ctx)
	return err
}

func (b bunImpl) InsertMulti(ctx context.Context, ms []*Model) error {
	_, err := b.db.NewInsert().Model(&ms).Exec(ctx)
	return err
}

func (b bunImpl) Update(ctx context.Context, m *Model) error {
	_, err := b.db.NewUpdate().Model(m).WherePK().Exec(ctx)
	return err
}

func (b bunImpl) Read(ctx context.Context, id int) (*Model, error) {
	m := new(Model)
	return m, b.db.NewSelect().Model(m).Where("id = ?", id).Scan(ctx)
}

func (b bunImpl) ReadSlice(ctx context.Context, n int) ([]*Model, error) {
	var ms []*Model
	return ms, b.db.NewSelect().Model(&ms).Where("id > ?", 0).Limit(int64(n)).Scan(ctx)
}

func (b bunImpl) Close() error { return b.db.Close() }
