package orm

import (
	"container/list"
	"context"
	"database/sql"
	"strings"
	"sync"
)

// DefaultStmtCacheSize is how many prepared statements an engine keeps by
// default (see StmtCacheSize).
const DefaultStmtCacheSize = 256

// A stmtCache keeps prepared statements of one *sql.DB keyed by SQL text,
// least recently used first out. database/sql prepares a *sql.Stmt lazily
// on each pooled connection it runs on, so the cache is in effect per
// connection. Statements in use are reference counted: an evicted
// statement is closed when its last user releases it.
type stmtCache struct {
	db     *sql.DB
	mu     sync.Mutex
	max    int
	byText map[string]*list.Element // value: *cachedStmt
	lru    list.List                // front: most recently used
	closed bool

	// driverCaches: the driver keeps prepared statements per connection
	// itself, so transactions run statements by text (see txStmts).
	driverCaches bool
}

// A cachedStmt is one prepared statement and its users.
type cachedStmt struct {
	text    string
	stmt    *sql.Stmt
	refs    int
	evicted bool
}

// newStmtCache returns a cache of at most max statements; max <= 0
// disables caching.
func newStmtCache(db *sql.DB, max int) *stmtCache {
	return &stmtCache{db: db, max: max, byText: map[string]*list.Element{}}
}

// cacheable reports whether query is one DML statement worth preparing:
// DDL, transaction control, session settings and scripts of several
// statements (which PostgreSQL cannot prepare) are run directly.
func cacheable(query string) bool {
	q := strings.TrimLeft(query, " \t\r\n(")
	if len(q) < 6 || strings.IndexByte(strings.TrimRight(q, " \t\r\n;"), ';') >= 0 {
		return false
	}
	switch strings.ToUpper(q[:6]) {
	case "SELECT", "INSERT", "UPDATE", "DELETE":
		return true
	}
	return false
}

// acquire returns the prepared statement for query, preparing it on the
// pool on a miss; ok is false when the cache is off or query is not
// cacheable. Call release after the statement's call returned (rows keep
// their own reference to it).
func (c *stmtCache) acquire(ctx context.Context, query string) (*cachedStmt, bool, error) {
	if c.max <= 0 || !cacheable(query) {
		return nil, false, nil
	}
	if cs := c.lookup(query); cs != nil {
		return cs, true, nil
	}
	stmt, err := c.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, true, err
	}
	return c.insert(query, stmt), true, nil
}

// lookup returns the cached statement for query, counting a user.
func (c *stmtCache) lookup(query string) *cachedStmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byText[query]
	if !ok {
		return nil
	}
	c.lru.MoveToFront(e)
	cs := e.Value.(*cachedStmt)
	cs.refs++
	return cs
}

// insert adds a freshly prepared statement, or returns the one another
// goroutine added meanwhile (closing stmt), evicting the least recently
// used statement beyond the bound.
func (c *stmtCache) insert(query string, stmt *sql.Stmt) *cachedStmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byText[query]; ok {
		stmt.Close()
		cs := e.Value.(*cachedStmt)
		cs.refs++
		return cs
	}
	cs := &cachedStmt{text: query, stmt: stmt, refs: 1}
	if c.closed {
		cs.evicted = true // used once, closed on release
		return cs
	}
	c.byText[query] = c.lru.PushFront(cs)
	for c.lru.Len() > c.max {
		c.removeLocked(c.lru.Back())
	}
	return cs
}

// removeLocked drops an entry, closing its statement if nobody uses it.
func (c *stmtCache) removeLocked(e *list.Element) {
	cs := e.Value.(*cachedStmt)
	c.lru.Remove(e)
	delete(c.byText, cs.text)
	cs.evicted = true
	if cs.refs == 0 {
		cs.stmt.Close()
	}
}

// release ends one use of cs.
func (c *stmtCache) release(cs *cachedStmt) {
	c.mu.Lock()
	defer c.mu.Unlock()
	cs.refs--
	if cs.evicted && cs.refs == 0 {
		cs.stmt.Close()
	}
}

// drop evicts cs (after PostgreSQL reported its plan stale).
func (c *stmtCache) drop(cs *cachedStmt) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byText[cs.text]; ok && e.Value == cs {
		c.removeLocked(e)
	}
}

// peek returns the cached statement for query without counting a user,
// for transactions that re-bind it to their connection.
func (c *stmtCache) peek(query string) *sql.Stmt {
	if c.max <= 0 {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byText[query]; ok {
		return e.Value.(*cachedStmt).stmt
	}
	return nil
}

// close closes every statement; later statements run unprepared.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	for c.lru.Len() > 0 {
		c.removeLocked(c.lru.Back())
	}
}

// len returns the number of cached statements.
func (c *stmtCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len()
}
