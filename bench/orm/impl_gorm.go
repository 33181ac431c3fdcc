package ormbench

import (
	"context"
	"database/sql"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// gormImpl uses GORM with the settings of its performance guide: no default
// transaction around writes and prepared statements cached.
type gormImpl struct {
	db  *gorm.DB
	sql *sql.DB
}

// openGorm opens GORM on t: gorm.io/driver/postgres (pgx) or, for SQLite, a
// minimal dialector over modernc.org/sqlite (see gorm_sqlite.go).
func openGorm(t Target) (Impl, error) {
	sqldb, err := t.Open()
	if err != nil {
		return nil, err
	}
	var d gorm.Dialector = sqliteDialector{conn: sqldb}
	if t.IsPostgres() {
		d = postgres.New(postgres.Config{Conn: sqldb})
	}
	db, err := gorm.Open(d, &gorm.Config{
		SkipDefaultTransaction: true,
		PrepareStmt:            true,
		Logger:                 logger.Default.LogMode(logger.Silent),
	})
	if err != nil {
		sqldb.Close()
		return nil, err
	}
	return gormImpl{db: db, sql: sqldb}, nil
}

func (g gormImpl) Insert(ctx context.Context, m *Model) error {
	return g.db.WithContext(ctx).Create(m).Error
}

func (g gormImpl) InsertMulti(ctx context.Context, ms []*Model) error {
	return g.db.WithContext(ctx).Create(&ms).Error
}

func (g gormImpl) Update(ctx context.Context, m *Model) error {
	return g.db.WithContext(ctx).Save(m).Error
}

func (g gormImpl) Read(ctx context.Context, id int) (*Model, error) {
	m := new(Model)
	return m, g.db.WithContext(ctx).First(m, id).Error
}

func (g gormImpl) ReadSlice(ctx context.Context, n int) ([]*Model, error) {
	var ms []*Model
	return ms, g.db.WithContext(ctx).Where("id > ?", 0).Limit(n).Find(&ms).Error
}

func (g gormImpl) Close() error {
	if s, err := g.db.DB(); err == nil && s != g.sql {
		s.Close()
	}
	return g.sql.Close()
}
