// Package orm is flagon's database layer, modelled on SQLAlchemy Core and
// Flask-SQLAlchemy's declarative models: an engine opened from a
// SQLAlchemy-style URL, table metadata parsed from Go structs, portable
// column types, DDL through Atlas, a generic query builder, transactions
// with savepoints, model hooks and statement events.
//
// The same code runs on SQLite (modernc.org/sqlite), PostgreSQL (pgx) and
// MySQL/MariaDB (go-sql-driver/mysql); see the dialect subpackages.
package orm
