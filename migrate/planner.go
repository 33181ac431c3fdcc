package migrate

import (
	"context"
	"fmt"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/migrate/internal/sqliteschema"
)

// offlinePlanner returns Atlas's connection-less planner for a dialect.
func offlinePlanner(dialectName string) (migrate.PlanApplier, error) {
	switch dialectName {
	case SQLite:
		return sqlite.DefaultPlan, nil
	case PostgreSQL:
		return postgres.DefaultPlan, nil
	case MySQL:
		return mysql.DefaultPlan, nil
	}
	return nil, fmt.Errorf("migrate: unknown dialect %q (want sqlite, postgresql or mysql)", dialectName)
}

// openDriver returns Atlas's driver (inspector and planner) on a
// connection or transaction. On SQLite, a foreign key declared without a
// column list reads as referencing the parent's primary key.
func openDriver(dialectName string, conn schema.ExecQuerier) (migrate.Driver, error) {
	switch dialectName {
	case SQLite:
		return sqlite.Open(sqliteschema.ImplicitFKs(conn))
	case PostgreSQL:
		return postgres.Open(conn)
	case MySQL:
		return mysql.Open(conn)
	}
	return nil, fmt.Errorf("migrate: unknown dialect %q (want sqlite, postgresql or mysql)", dialectName)
}

// CompileSQL returns the SQL statements of ops for a dialect without a
// database, starting from state (an empty schema when nil). The state is
// updated as the operations are compiled. Go functions (Run) compile to
// nothing.
func CompileSQL(ctx context.Context, dialectName string, state *schema.Schema, ops []Operation) ([]string, error) {
	p, err := offlinePlanner(dialectName)
	if err != nil {
		return nil, err
	}
	c := newCompiler(dialectName, p, state)
	var out []string
	for _, o := range ops {
		stmts, err := c.compile(ctx, o)
		if err != nil {
			return nil, err
		}
		out = append(out, stmts...)
	}
	return out, nil
}
