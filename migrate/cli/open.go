package cli

// This file is the db commands' only dependency on the ORM: it opens the
// configured URL.

import (
	"context"
	"database/sql"
	"errors"

	"github.com/flagon-go/flagon/orm"
)

// open opens the configured database.
func (e *env) open(ctx context.Context) (*sql.DB, string, error) {
	if e.cfg.Open != nil {
		return e.cfg.Open(ctx)
	}
	if e.cfg.URL == "" {
		return nil, "", errors.New("no database configured: set the database URL (SQLALCHEMY_DATABASE_URI)")
	}
	db, err := orm.Open(e.cfg.URL)
	if err != nil {
		return nil, "", err
	}
	return db.SQL(), db.Dialect().Name(), nil
}

// dialect names the configured database's dialect without connecting.
func (e *env) dialect() (string, error) {
	if e.cfg.Open != nil {
		db, name, err := e.cfg.Open(context.Background())
		if err == nil {
			db.Close()
		}
		return name, err
	}
	u, err := orm.ParseURL(e.cfg.URL)
	if err != nil {
		return "", err
	}
	return u.Dialect, nil
}
