package postgres

import (
	"net"
	"net/url"
	"strconv"

	"github.com/flagon-go/flagon/orm/dialect"
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
