// Package modelgen writes Go model source from an existing database, as
// sqlacodegen writes SQLAlchemy models: Atlas inspects the tables, and
// each becomes a struct whose orm tags and TableOptions give the same
// column types, nullability, keys, indexes, defaults and checks, so that
// autogenerate ("db migrate") finds no difference between the generated
// models and the database they came from. Foreign keys also become
// orm.One and orm.Many relationship fields on both sides, and an
// association table (two foreign keys forming its primary key, nothing
// else) gives a many-to-many relationship through it.
package modelgen

import (
	"context"
	"database/sql"
	"fmt"

	"ariga.io/atlas/sql/schema"
)

// Options configure Generate.
type Options struct {
	// Dialect is "sqlite", "postgresql" or "mysql".
	Dialect string
	// Schema is the database schema to read (PostgreSQL's search path
	// schema, MySQL's database); empty for the connection's.
	Schema string
	// Tables limits the models to these tables; empty for all. A name the
	// database lacks is an error.
	Tables []string
	// Package is the generated file's package name; "models" when empty.
	Package string
	// VersionTable is the migrations' version table, never reflected;
	// "alembic_version" when empty.
	VersionTable string
	// Command is shown in the header comment as the command that made the
	// file; "flagon db reflect" when empty.
	Command string
}

// A Result is a generated file.
type Result struct {
	// Source is the gofmt'ed Go file.
	Source []byte
	// Warnings name what could not be reproduced exactly, such as a column
	// type that no orm type declares; each is also a comment in Source.
	Warnings []string
}

// Generate inspects the database and returns the models' Go source.
func Generate(ctx context.Context, db *sql.DB, opts Options) (*Result, error) {
	if err := db.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("reflect: cannot reach the %s database: %w", opts.Dialect, err)
	}
	drv, err := driver(opts.Dialect, db)
	if err != nil {
		return nil, err
	}
	s, err := drv.InspectSchema(ctx, opts.Schema, nil)
	if err != nil {
		return nil, fmt.Errorf("reflect: inspect database: %w", err)
	}
	return build(drv, s, opts)
}

// build writes the models of an inspected schema; differ is the dialect's
// Atlas driver, used to check that each chosen column type is the one the
// database has.
func build(differ schema.Differ, s *schema.Schema, opts Options) (*Result, error) {
	tables, err := selectTables(s, opts)
	if err != nil {
		return nil, err
	}
	g := newGenerator(differ, opts)
	for _, t := range tables {
		g.addTable(t)
	}
	g.addRelations()
	src, err := g.render()
	if err != nil {
		return nil, err
	}
	return &Result{Source: src, Warnings: g.warnings}, nil
}
