package orm

import (
	"context"
	"database/sql"
	"sync"
)

// txStmts runs a transaction's statements through prepared statements
// bound to its connection: the engine's cached statement re-bound with
// Tx.StmtContext when there is one, else one prepared in the
// transaction. They are kept by SQL text until the transaction ends,
// when database/sql closes them.
type txStmts struct {
	tx    *sql.Tx
	cache *stmtCache

	mu     sync.Mutex
	byText map[string]*sql.Stmt
}

// newTxStmts returns the statement runner of tx.
func newTxStmts(tx *sql.Tx, cache *stmtCache) *txStmts {
	return &txStmts{tx: tx, cache: cache}
}

// stmt returns the transaction's statement for query, or nil when query
// runs by text: statements not worth preparing, and every statement when
// the driver caches prepared statements per connection (pgx), where
// preparing in the transaction would cost a round trip and a fresh plan
// per transaction while the driver's cache costs neither.
func (t *txStmts) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if t.cache.max <= 0 || t.cache.driverCaches || !cacheable(query) {
		return nil, nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if st, ok := t.byText[query]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if parent := t.cache.peek(query); parent != nil {
		st = t.tx.StmtContext(ctx, parent)
	} else {
		var err error
		if st, err = t.tx.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
	}
	if t.byText == nil {
		t.byText = map[string]*sql.Stmt{}
	}
	if len(t.byText) >= t.cache.max {
		clear(t.byText) // a long transaction of one-off statements
	}
	t.byText[query] = st
	return st, nil
}

// ExecContext runs a statement in the transaction.
func (t *txStmts) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return t.tx.ExecContext(ctx, query, args...)
	}
	res, err := st.ExecContext(ctx, args...)
	t.forgetStale(query, err)
	return res, err
}

// QueryContext runs a query in the transaction.
func (t *txStmts) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return t.tx.QueryContext(ctx, query, args...)
	}
	rows, err := st.QueryContext(ctx, args...)
	t.forgetStale(query, err)
	return rows, err
}

// forgetStale drops a statement PostgreSQL refused as stale, here and in
// the engine's cache; the transaction itself is aborted, so no retry.
func (t *txStmts) forgetStale(query string, err error) {
	if !stalePlan(err) {
		return
	}
	t.mu.Lock()
	delete(t.byText, query)
	t.mu.Unlock()
	t.cache.mu.Lock()
	if e, ok := t.cache.byText[query]; ok {
		t.cache.removeLocked(e)
	}
	t.cache.mu.Unlock()
}
