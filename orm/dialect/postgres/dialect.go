// Package postgres is flagon's PostgreSQL dialect, used through the pgx
// database/sql driver.
package postgres

import (
	"ariga.io/atlas/sql/migrate"
	atlas "ariga.io/atlas/sql/postgres"
	"github.com/flagon-go/flagon/orm/dialect"
)

// Dialect is the PostgreSQL dialect.
type Dialect struct{}

// New returns the PostgreSQL dialect.
func New() Dialect { return Dialect{} }

// Name returns "postgresql".
func (Dialect) Name() string { return "postgresql" }

// DriverName returns "pgx", the pgx stdlib driver.
func (Dialect) DriverName() string { return "pgx" }

// Quote quotes an identifier with double quotes.
func (Dialect) Quote(ident string) string { return dialect.QuoteWith(ident, '"') }

// Placeholder returns $i.
func (Dialect) Placeholder(i int) string { return "$" + itoa(i) }

// Rebind rewrites '?' placeholders to $1, $2, ...
func (Dialect) Rebind(query string) string { return dialect.RebindNumbered(query, "$") }

// Features reports PostgreSQL's optional features.
func (Dialect) Features() dialect.Feature {
	return dialect.Returning | dialect.OnConflict | dialect.TransactionalDDL | dialect.Savepoints |
		dialect.NativeEnum | dialect.DropIfExists | dialect.CreateTypeEnum | dialect.DriverStmtCache |
		dialect.SizedIntegers | dialect.InferredParamTypes
}

// Planner returns Atlas's PostgreSQL planner.
func (Dialect) Planner() migrate.PlanApplier { return atlas.DefaultPlan }
