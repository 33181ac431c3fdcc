package orm

import (
	"context"
	"fmt"
	"reflect"
	"time"

	"github.com/flagon-go/flagon/orm/dialect"
)

// readReturningRaw runs an array-bound INSERT ... RETURNING through the
// driver itself when the dialect can (PostgreSQL), scanning the generated
// values straight into rows; handled is false when it cannot, and the
// caller runs the statement through database/sql.
func readReturningRaw(ctx context.Context, q Querier, t *Table, p insertPlan, query string, args []any, rows []reflect.Value) (handled bool, err error) {
	rr, ok := q.Dialect().(dialect.RowReader)
	rc, hasConn := q.(rawConner)
	if !ok || !hasConn || !p.useReturn || !p.usesArrays(len(rows)) {
		return false, nil
	}
	start := time.Now()
	fill := generatedFiller(t, p, rows, rawScanDest)
	err = rc.rawConn(ctx, func(driverConn any) error {
		return rr.ReadRows(ctx, driverConn, query, args, fill)
	})
	err = translate(q.Dialect(), err)
	if db := rc.engine(); db != nil {
		db.emitStatement(ctx, query, args, start, err)
	}
	return true, err
}

// generatedFiller returns the function that scans the next RETURNING row
// into the next of rows (they come back in the order sent), with destOf
// giving each generated column's destination.
func generatedFiller(t *Table, p insertPlan, rows []reflect.Value, destOf func(*Column, reflect.Value) any) func(scan func(dest ...any) error) error {
	dest := make([]any, len(p.returning))
	i := 0
	return func(scan func(dest ...any) error) error {
		if i >= len(rows) {
			return fmt.Errorf("orm: insert into %s returned more rows than it sent", t.Name)
		}
		for j, c := range p.returning {
			dest[j] = destOf(c, fieldByIndex(rows[i], c.index))
		}
		i++
		if err := scan(dest...); err != nil {
			return fmt.Errorf("orm: read generated values of %s: %w", t.Name, err)
		}
		return nil
	}
}

// scanDestOf is the field's destination for database/sql.
func scanDestOf(c *Column, f reflect.Value) any { return c.codec.scanDest(f) }

// rawScanDest is the field's scan destination for the driver itself: the
// field's address for integers (which the driver decodes directly),
// otherwise what database/sql would scan into.
func rawScanDest(c *Column, f reflect.Value) any {
	if c.codec.intScan {
		return f.Addr().Interface()
	}
	return c.codec.scanDest(f)
}
