package orm

import (
	"context"
	"database/sql"
	"strings"
)

// ExecContext runs query through its cached prepared statement, or
// directly when it is not cacheable.
func (c *stmtCache) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	for attempt := 0; ; attempt++ {
		cs, ok, err := c.acquire(ctx, query)
		if !ok {
			return c.db.ExecContext(ctx, query, args...)
		}
		if err != nil {
			return nil, err
		}
		res, err := cs.stmt.ExecContext(ctx, args...)
		c.release(cs)
		if attempt == 0 && stalePlan(err) {
			c.drop(cs)
			continue
		}
		return res, err
	}
}

// QueryContext runs query through its cached prepared statement, or
// directly when it is not cacheable. The rows keep the statement open
// even if it is evicted meanwhile.
func (c *stmtCache) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	for attempt := 0; ; attempt++ {
		cs, ok, err := c.acquire(ctx, query)
		if !ok {
			return c.db.QueryContext(ctx, query, args...)
		}
		if err != nil {
			return nil, err
		}
		rows, err := cs.stmt.QueryContext(ctx, args...)
		c.release(cs)
		if attempt == 0 && stalePlan(err) {
			c.drop(cs)
			continue
		}
		return rows, err
	}
}

// stalePlan reports PostgreSQL's refusal to run a prepared statement whose
// result columns changed after DDL (SQLSTATE 0A000); the statement must be
// prepared again.
func stalePlan(err error) bool {
	return err != nil && strings.Contains(err.Error(), "cached plan must not change result type")
}
