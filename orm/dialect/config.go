package dialect

import "net/url"

// A Config is a parsed database URL in a driver-neutral form.
type Config struct {
	// Dialect is the dialect name, e.g. "postgresql".
	Dialect string
	// Driver is the SQLAlchemy driver suffix after '+', e.g. "psycopg2".
	Driver string
	// User and Password are the credentials, if any.
	User, Password string
	// Host and Port locate a server; Port is empty for the default.
	Host, Port string
	// Database is the database name, or the file path for SQLite.
	Database string
	// Memory reports an in-memory SQLite database.
	Memory bool
	// Query holds the URL's query parameters.
	Query url.Values
}
