package mysql

import (
	"net"

	"github.com/flagon-go/flagon/orm/dialect"
	driver "github.com/go-sql-driver/mysql"
)

// DSN builds a go-sql-driver DSN with parseTime, utf8mb4, UTC, no
// multi-statements and clientFoundRows (so UPDATE reports matched rows, as
// on the other databases); URL query parameters are passed through.
func (Dialect) DSN(cfg dialect.Config) (string, error) {
	c := driver.NewConfig()
	c.User, c.Passwd, c.Net, c.DBName = cfg.User, cfg.Password, "tcp", cfg.Database
	port := cfg.Port
	if port == "" {
		port = "3306"
	}
	c.Addr = net.JoinHostPort(cfg.Host, port)
	if cfg.Host == "" {
		c.Addr = net.JoinHostPort("127.0.0.1", port)
	}
	c.ParseTime, c.MultiStatements, c.ClientFoundRows = true, false, true
	c.Params = map[string]string{"charset": "utf8mb4"}
	for k, vs := range cfg.Query {
		if len(vs) > 0 && k != "charset" {
			c.Params[k] = vs[0]
		}
	}
	if v := cfg.Query.Get("charset"); v != "" {
		c.Params["charset"] = v
	}
	return c.FormatDSN(), nil
}
