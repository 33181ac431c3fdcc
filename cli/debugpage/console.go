package debugpage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Console runs SQL typed on the debug page against one of the app's
// databases. The ORM glue registers one per database with AddConsole.
type Console interface {
	// Query runs one statement and returns the column names and the rows
	// as text.
	Query(ctx context.Context, sql string) (columns []string, rows [][]string, err error)
}

// ConsoleFunc adapts a function to Console.
type ConsoleFunc func(ctx context.Context, sql string) ([]string, [][]string, error)

// Query calls f.
func (f ConsoleFunc) Query(ctx context.Context, sql string) ([]string, [][]string, error) {
	return f(ctx, sql)
}

// MaxRows is the number of rows a console shows.
const MaxRows = 500

// ReadOnly wraps c so that it refuses every statement CheckReadOnly
// rejects.
func ReadOnly(c Console) Console {
	return ConsoleFunc(func(ctx context.Context, q string) ([]string, [][]string, error) {
		if err := CheckReadOnly(q); err != nil {
			return nil, nil, err
		}
		return c.Query(ctx, q)
	})
}

// SQLConsole returns a Console on db that runs each statement in a
// read-only transaction (where the driver supports it) that is always
// rolled back, and returns at most MaxRows rows.
func SQLConsole(db *sql.DB) Console {
	return ConsoleFunc(func(ctx context.Context, q string) ([]string, [][]string, error) {
		tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			return nil, nil, err
		}
		defer func() { _ = tx.Rollback() }()
		rows, err := tx.QueryContext(ctx, q)
		if err != nil {
			return nil, nil, err
		}
		defer rows.Close()
		return readRows(rows)
	})
}

// readRows reads up to MaxRows rows as text; NULL reads "NULL".
func readRows(rows *sql.Rows) ([]string, [][]string, error) {
	cols, err := rows.Columns()
	if err != nil {
		return nil, nil, err
	}
	var out [][]string
	for rows.Next() && len(out) < MaxRows {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, nil, err
		}
		out = append(out, cellTexts(vals))
	}
	return cols, out, rows.Err()
}

func cellTexts(vals []any) []string {
	row := make([]string, len(vals))
	for i, v := range vals {
		switch x := v.(type) {
		case nil:
			row[i] = "NULL"
		case []byte:
			row[i] = string(x)
		default:
			row[i] = fmt.Sprint(x)
		}
	}
	return row
}

// ErrNotReadOnly is wrapped by the errors CheckReadOnly returns.
var ErrNotReadOnly = errors.New("the debug console runs only single SELECT statements")
