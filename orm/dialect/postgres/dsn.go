package postgres

import (
	"context"
	"database/sql/driver"
	"net"
	"net/url"
	"strconv"

	"github.com/flagon-go/flagon/orm/dialect"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// DSN builds a postgres:// URL for pgx.
func (Dialect) DSN(cfg dialect.Config) (string, error) {
	u := url.URL{Scheme: "postgres", Path: "/" + cfg.Database, RawQuery: cfg.Query.Encode()}
	u.Host = cfg.Host
	if cfg.Port != "" {
		u.Host = net.JoinHostPort(cfg.Host, cfg.Port)
	}
	if cfg.User != "" || cfg.Password != "" {
		u.User = url.UserPassword(cfg.User, cfg.Password)
		if cfg.Password == "" {
			u.User = url.User(cfg.User)
		}
	}
	return u.String(), nil
}

func itoa(i int) string { return strconv.Itoa(i) }

// Connector returns a pgx connector for the DSN whose connections encode
// the column arrays of multi-row inserts directly (registerDirectArrays).
func (Dialect) Connector(dsn string) (driver.Connector, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	return stdlib.GetConnector(*cfg, stdlib.OptionAfterConnect(func(_ context.Context, c *pgx.Conn) error {
		registerDirectArrays(c.TypeMap())
		return nil
	})), nil
}
