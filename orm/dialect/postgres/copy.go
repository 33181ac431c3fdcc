package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// CopyFrom loads rows with COPY ... FROM STDIN (binary) over the pgx
// connection inside driverConn, registering the enum types first.
func (Dialect) CopyFrom(ctx context.Context, driverConn any, table string, columns []string, enums []string, rows [][]any) (int64, error) {
	sc, ok := driverConn.(*stdlib.Conn)
	if !ok {
		return 0, fmt.Errorf("postgresql: COPY needs a pgx connection, not %T", driverConn)
	}
	conn := sc.Conn()
	if err := registerTypes(ctx, conn, enums); err != nil {
		return 0, err
	}
	return conn.CopyFrom(ctx, pgx.Identifier{table}, columns, pgx.CopyFromRows(rows))
}

// registerTypes teaches the connection's type map the named types it does
// not know yet (enums), so that COPY's binary encoder can send them.
func registerTypes(ctx context.Context, conn *pgx.Conn, names []string) error {
	tm := conn.TypeMap()
	for _, name := range names {
		if _, ok := tm.TypeForName(name); ok {
			continue
		}
		t, err := conn.LoadType(ctx, pgx.Identifier{name}.Sanitize())
		if err != nil {
			return fmt.Errorf("postgresql: load type %s for COPY: %w", name, err)
		}
		t.Name = name // found by TypeForName on the next copy
		tm.RegisterType(t)
	}
	return nil
}

// ReadRows runs query through pgx itself (its statement cache, its
// binary decoding straight into dest), for the keys of multi-row inserts.
func (Dialect) ReadRows(ctx context.Context, driverConn any, query string, args []any, row func(scan func(dest ...any) error) error) error {
	sc, ok := driverConn.(*stdlib.Conn)
	if !ok {
		return fmt.Errorf("postgresql: not a pgx connection: %T", driverConn)
	}
	rows, err := sc.Conn().Query(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	scan := rows.Scan
	for rows.Next() {
		if err := row(scan); err != nil {
			return err
		}
	}
	return rows.Err()
}
