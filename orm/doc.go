// Package orm is flagon's database layer, modelled on SQLAlchemy Core and
// Flask-SQLAlchemy's declarative models: an engine opened from a
// SQLAlchemy-style URL, table metadata parsed from Go structs, portable
// column types, DDL through Atlas, a generic query builder, transactions
// with savepoints, model hooks and statement events.
//
// On top of it, a Session is SQLAlchemy's unit of work: an identity map
// (one pointer per row), dirty tracking against the loaded state, flushes
// in foreign-key dependency order, and relationships declared on the
// structs as One[T] and Many[T] fields with selectin, joined, subquery
// and raise loading. A relationship that was not loaded never reads as
// empty: reading it fails with a NotLoadedError naming the loader to use.
// See docs/orm-session.md.
//
// The same code runs on SQLite (modernc.org/sqlite), PostgreSQL (pgx) and
// MySQL/MariaDB (go-sql-driver/mysql); see the dialect subpackages.
package orm
