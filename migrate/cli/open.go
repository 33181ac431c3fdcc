package cli

// This file is the db commands' only dependency on the ORM: it opens the
// configured URLs.

import (
	"context"
	"database/sql"
	"errors"

	"github.com/flagon-go/flagon/orm"
)

// openBind opens a configured database.
func openBind(ctx context.Context, b Bind) (*sql.DB, string, error) {
	if b.Open != nil {
		return b.Open(ctx)
	}
	if b.URL == "" {
		if b.Name != "" {
			return nil, "", errors.New("no database configured: set the bind's URL or Open")
		}
		return nil, "", errors.New("no database configured: set the database URL (SQLALCHEMY_DATABASE_URI)")
	}
	db, err := orm.Open(b.URL)
	if err != nil {
		return nil, "", err
	}
	return db.SQL(), db.Dialect().Name(), nil
}

// bindDialect names a configured database's dialect without connecting.
func bindDialect(b Bind) (string, error) {
	if b.Open != nil {
		db, name, err := b.Open(context.Background())
		if err == nil {
			db.Close()
		}
		return name, err
	}
	u, err := orm.ParseURL(b.URL)
	if err != nil {
		return "", err
	}
	return u.Dialect, nil
}
