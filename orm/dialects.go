package orm

import (
	"fmt"

	"github.com/flagon-go/flagon/orm/dialect"
	"github.com/flagon-go/flagon/orm/dialect/mysql"
	"github.com/flagon-go/flagon/orm/dialect/postgres"
	"github.com/flagon-go/flagon/orm/dialect/sqlite"
)

// dialects are the built-in dialects by name (no registration by import).
var dialects = map[string]dialect.Dialect{
	"sqlite":     sqlite.New(),
	"postgresql": postgres.New(),
	"mysql":      mysql.New(),
}

// dialectAliases are other accepted names.
var dialectAliases = map[string]string{"postgres": "postgresql", "mariadb": "mysql", "sqlite3": "sqlite"}

// LookupDialect returns the dialect named "sqlite", "postgresql" (or
// "postgres") or "mysql" (or "mariadb").
func LookupDialect(name string) (dialect.Dialect, error) {
	if a, ok := dialectAliases[name]; ok {
		name = a
	}
	if d, ok := dialects[name]; ok {
		return d, nil
	}
	return nil, fmt.Errorf("orm: unknown dialect %q (want sqlite, postgresql or mysql)", name)
}
