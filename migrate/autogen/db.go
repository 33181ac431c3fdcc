package autogen

import (
	"context"
	"database/sql"
	"fmt"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/sqlite"
	fmigrate "github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/internal/sqliteschema"
)

// CompareDB inspects db with Atlas and compares it with the models.
func CompareDB(ctx context.Context, db *sql.DB, models Models, opts Options) (*Result, error) {
	drv, err := driver(opts.Dialect, db)
	if err != nil {
		return nil, err
	}
	current, err := Inspect(ctx, drv)
	if err != nil {
		return nil, err
	}
	desired, err := models.ToAtlas(opts.Dialect)
	if err != nil {
		return nil, fmt.Errorf("autogenerate: models: %w", err)
	}
	return compare(drv, current, desired, opts, portableTypes(models))
}

// driver opens Atlas's driver for a dialect. On SQLite, a foreign key
// declared without a column list reads as referencing the parent's
// primary key, as SQLite takes it; one whose parent has no such key is an
// error naming the table.
func driver(dialectName string, db *sql.DB) (migrate.Driver, error) {
	switch dialectName {
	case fmigrate.SQLite:
		return sqlite.Open(sqliteschema.ImplicitFKs(db))
	case fmigrate.PostgreSQL:
		return postgres.Open(db)
	case fmigrate.MySQL:
		return mysql.Open(db)
	}
	return nil, fmt.Errorf("autogenerate: unknown dialect %q", dialectName)
}
