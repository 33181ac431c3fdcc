// Package mysql is flagon's MySQL and MariaDB dialect, used through
// go-sql-driver/mysql.
package mysql

import (
	"ariga.io/atlas/sql/migrate"
	atlas "ariga.io/atlas/sql/mysql"
	"github.com/flagon-go/flagon/orm/dialect"
)

// Dialect is the MySQL/MariaDB dialect.
type Dialect struct{}

// New returns the MySQL dialect.
func New() Dialect { return Dialect{} }

// Name returns "mysql".
func (Dialect) Name() string { return "mysql" }

// DriverName returns "mysql", go-sql-driver's name.
func (Dialect) DriverName() string { return "mysql" }

// Quote quotes an identifier with backticks.
func (Dialect) Quote(ident string) string { return dialect.QuoteWith(ident, '`') }

// Placeholder returns '?'.
func (Dialect) Placeholder(int) string { return "?" }

// Rebind leaves '?' placeholders as they are.
func (Dialect) Rebind(query string) string { return dialect.RebindQuestion(query) }

// Features reports MySQL's optional features.
func (Dialect) Features() dialect.Feature {
	return dialect.OnDuplicateKey | dialect.Savepoints | dialect.NativeEnum | dialect.LastInsertID |
		dialect.DropIfExists | dialect.SizedIntegers
}

// Planner returns Atlas's MySQL planner.
func (Dialect) Planner() migrate.PlanApplier { return atlas.DefaultPlan }
