// Package sqlite is flagon's SQLite dialect, used through the pure-Go
// modernc.org/sqlite driver.
package sqlite

import (
	"ariga.io/atlas/sql/migrate"
	atlas "ariga.io/atlas/sql/sqlite"
	"github.com/flagon-go/flagon/orm/dialect"
)

// Dialect is the SQLite dialect.
type Dialect struct{}

// New returns the SQLite dialect.
func New() Dialect { return Dialect{} }

// Name returns "sqlite".
func (Dialect) Name() string { return "sqlite" }

// DriverName returns "sqlite", modernc's driver name.
func (Dialect) DriverName() string { return "sqlite" }

// Quote quotes an identifier with double quotes.
func (Dialect) Quote(ident string) string { return dialect.QuoteWith(ident, '"') }

// Placeholder returns '?'.
func (Dialect) Placeholder(int) string { return "?" }

// Rebind leaves '?' placeholders as they are.
func (Dialect) Rebind(query string) string { return dialect.RebindQuestion(query) }

// Features reports SQLite's optional features (RETURNING needs 3.35).
func (Dialect) Features() dialect.Feature {
	return dialect.Returning | dialect.OnConflict | dialect.TransactionalDDL | dialect.Savepoints |
		dialect.LastInsertID | dialect.DropIfExists
}

// Planner returns Atlas's SQLite planner.
func (Dialect) Planner() migrate.PlanApplier { return atlas.DefaultPlan }
