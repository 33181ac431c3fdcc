package orm

import (
	"context"
	"fmt"

	"github.com/flagon-go/flagon/orm/dialect"
)

// CreateAll creates the tables (and PostgreSQL enum types) that do not yet
// exist, in dependency order, like SQLAlchemy's metadata.create_all. On
// databases with transactional DDL it runs in one transaction.
func (md *MetaData) CreateAll(ctx context.Context, db *DB) error {
	exists, err := existing(ctx, db)
	if err != nil {
		return err
	}
	stmts, err := md.createSQL(db.dialect.Name(), exists)
	if err != nil {
		return err
	}
	return runDDL(ctx, db, stmts)
}

// DropAll drops the metadata's tables (and PostgreSQL enum types) that
// exist, dependents first, like SQLAlchemy's metadata.drop_all.
func (md *MetaData) DropAll(ctx context.Context, db *DB) error {
	exists, err := existing(ctx, db)
	if err != nil {
		return err
	}
	stmts, err := md.dropSQL(db.dialect.Name(), exists)
	if err != nil {
		return err
	}
	return runDDL(ctx, db, stmts)
}

// runDDL executes statements, in a transaction when DDL is transactional.
func runDDL(ctx context.Context, db *DB, stmts []string) error {
	if len(stmts) == 0 {
		return nil
	}
	if !db.dialect.Features().Has(dialect.TransactionalDDL) {
		return execAll(ctx, db, stmts)
	}
	return db.Transaction(ctx, func(tx *Tx) error { return execAll(ctx, tx, stmts) })
}

// execAll runs each statement, stopping at the first error.
func execAll(ctx context.Context, q Querier, stmts []string) error {
	for _, s := range stmts {
		if _, err := q.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("orm: %s: %w", s, err)
		}
	}
	return nil
}

// existing returns the names of existing tables, and of enum types as
// "type:name".
func existing(ctx context.Context, db *DB) (map[string]bool, error) {
	out := map[string]bool{}
	if err := collectNames(ctx, db, db.dialect.ListTablesSQL(), "", out); err != nil {
		return nil, err
	}
	if el, ok := db.dialect.(dialect.EnumLister); ok {
		if err := collectNames(ctx, db, el.ListEnumsSQL(), "type:", out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// collectNames adds prefix+name for each row of a one-column query.
func collectNames(ctx context.Context, db *DB, query, prefix string, out map[string]bool) error {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return fmt.Errorf("orm: list tables: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return err
		}
		out[prefix+n] = true
	}
	return rows.Err()
}
