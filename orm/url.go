package orm

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/flagon-go/flagon/orm/dialect"
)

// A URL is a parsed SQLAlchemy database URL:
// dialect[+driver]://user:password@host:port/database?key=value.
type URL struct {
	// Dialect is "sqlite", "postgresql" or "mysql".
	Dialect string
	// Driver is the optional SQLAlchemy driver name after '+', kept for
	// display; flagon always uses its own driver for the dialect.
	Driver string
	// Username and Password are the credentials, if any.
	Username, Password string
	// Host is the server host; Port is 0 for the dialect's default.
	Host string
	Port int
	// Database is the database name, or the SQLite file path ("" or
	// ":memory:" for an in-memory database).
	Database string
	// Query holds the query parameters.
	Query url.Values
}

// driverNames are the SQLAlchemy drivers accepted after '+', per dialect.
var driverNames = map[string][]string{
	"postgresql": {"psycopg2", "psycopg", "psycopg2cffi", "asyncpg", "pg8000", "pgx"},
	"mysql":      {"pymysql", "mysqldb", "mysqlconnector", "aiomysql", "asyncmy", "mariadbconnector", "cymysql"},
	"sqlite":     {"pysqlite", "aiosqlite", "modernc"},
}

var passwordRe = regexp.MustCompile(`(://[^:/@?#]*:)[^@/?#]*@`)

// redactRaw hides the password of an unparsed URL string.
func redactRaw(s string) string { return passwordRe.ReplaceAllString(s, "${1}***@") }

// urlError reports a problem with a URL, naming the (redacted) URL.
func urlError(raw, problem string, args ...any) error {
	return fmt.Errorf("orm: invalid database URL %q: %s", redactRaw(raw), fmt.Sprintf(problem, args...))
}

// ParseURL parses a SQLAlchemy database URL such as sqlite:///app.db,
// sqlite:////abs/app.db, sqlite:///:memory:, sqlite://,
// postgresql+psycopg2://user:pw@host:5432/db?sslmode=disable or
// mysql+pymysql://user:pw@host/db.
func ParseURL(s string) (*URL, error) {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok || scheme == "" {
		return nil, urlError(s, "want dialect[+driver]://...")
	}
	d, err := parseScheme(s, scheme)
	if err != nil {
		return nil, err
	}
	if d.Dialect == "sqlite" {
		return parseSQLite(s, d, rest)
	}
	return parseServer(s, d)
}

// parseScheme splits "dialect+driver" and validates both names.
func parseScheme(raw, scheme string) (*URL, error) {
	name, drv, _ := strings.Cut(strings.ToLower(scheme), "+")
	if a, ok := dialectAliases[name]; ok {
		name = a
	}
	drivers, ok := driverNames[name]
	if !ok {
		return nil, urlError(raw, "unknown dialect %q (want sqlite, postgresql or mysql)", name)
	}
	if drv != "" && !contains(drivers, drv) {
		return nil, urlError(raw, "unknown driver %q for dialect %s", drv, name)
	}
	return &URL{Dialect: name, Driver: drv, Query: url.Values{}}, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// parseSQLite parses the part after "sqlite://": "" or "/path?query".
func parseSQLite(raw string, u *URL, rest string) (*URL, error) {
	path, query, _ := strings.Cut(rest, "?")
	if path != "" && !strings.HasPrefix(path, "/") {
		return nil, urlError(raw, "sqlite URLs have no host; use sqlite:///relative.db or sqlite:////absolute.db")
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		return nil, urlError(raw, "bad query: %v", err)
	}
	u.Database, u.Query = strings.TrimPrefix(path, "/"), q
	if strings.ContainsRune(u.Database, 0) {
		return nil, urlError(raw, "path contains a NUL byte")
	}
	return u, nil
}

// parseServer parses a PostgreSQL or MySQL URL.
func parseServer(raw string, u *URL) (*URL, error) {
	p, err := url.Parse(raw)
	if err != nil {
		return nil, urlError(raw, "%v", urlErrText(err))
	}
	if p.Opaque != "" {
		return nil, urlError(raw, "want %s://user@host/database", u.Dialect)
	}
	u.Host, u.Query = p.Hostname(), p.Query()
	u.Database = strings.TrimPrefix(p.Path, "/")
	if p.User != nil {
		u.Username = p.User.Username()
		u.Password, _ = p.User.Password()
	}
	if port := p.Port(); port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n <= 0 || n > 65535 {
			return nil, urlError(raw, "port %q is not a number from 1 to 65535", port)
		}
		u.Port = n
	}
	return u, nil
}

// urlErrText strips net/url's echo of the raw URL (which holds the password).
func urlErrText(err error) string {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err.Error()
	}
	return err.Error()
}

// IsMemory reports an in-memory SQLite database.
func (u *URL) IsMemory() bool {
	return u.Dialect == "sqlite" && (u.Database == "" || u.Database == ":memory:")
}

// String renders the URL with the password shown as "***".
func (u *URL) String() string { return u.render(true) }

// Redacted is String: the URL with its password hidden, safe to log.
func (u *URL) Redacted() string { return u.render(true) }

// RenderWithPassword renders the URL including the password.
func (u *URL) RenderWithPassword() string { return u.render(false) }

// render formats the URL, hiding the password when hide is set.
func (u *URL) render(hide bool) string {
	scheme := u.Dialect
	if u.Driver != "" {
		scheme += "+" + u.Driver
	}
	var b strings.Builder
	b.WriteString(scheme + "://")
	if u.Dialect != "sqlite" {
		b.WriteString(u.authority(hide))
	}
	if u.Database != "" || u.Dialect == "sqlite" && len(u.Query) > 0 {
		b.WriteString("/" + u.pathEscape())
	}
	if len(u.Query) > 0 {
		b.WriteString("?" + u.Query.Encode())
	}
	return b.String()
}

// authority renders user:password@host:port.
func (u *URL) authority(hide bool) string {
	var b strings.Builder
	if u.Username != "" || u.Password != "" {
		b.WriteString(url.PathEscape(u.Username))
		if u.Password != "" {
			pw := url.PathEscape(u.Password)
			if hide {
				pw = "***"
			}
			b.WriteString(":" + pw)
		}
		b.WriteString("@")
	}
	host := u.Host
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	return b.String() + host + u.portSuffix()
}

func (u *URL) portSuffix() string {
	if u.Port == 0 {
		return ""
	}
	return ":" + strconv.Itoa(u.Port)
}

// pathEscape escapes the database for a server URL; SQLite paths are kept.
func (u *URL) pathEscape() string {
	if u.Dialect == "sqlite" {
		return u.Database
	}
	return url.PathEscape(u.Database)
}

// config converts the URL to the dialect package's neutral form.
func (u *URL) config() dialect.Config {
	port := ""
	if u.Port != 0 {
		port = strconv.Itoa(u.Port)
	}
	return dialect.Config{Dialect: u.Dialect, Driver: u.Driver, User: u.Username, Password: u.Password,
		Host: u.Host, Port: port, Database: u.Database, Memory: u.IsMemory(), Query: u.Query}
}
