package orm

import (
	"database/sql"
	"log/slog"
	"time"
)

// An Option configures Open.
type Option func(*options)

type options struct {
	maxOpen, maxIdle *int
	lifetime         *time.Duration
	poolTimeout      *time.Duration
	prePing          bool
	echo             *slog.Logger
	stmtCache        *int
	noWriteLock      bool // SQLite writers rely on the busy timeout alone
}

// MaxOpenConns limits the pool's open connections (SQLAlchemy pool_size +
// max_overflow; default DefaultPoolSize+DefaultMaxOverflow, 15); n <= 0
// means no limit.
func MaxOpenConns(n int) Option { return func(o *options) { o.maxOpen = &n } }

// MaxIdleConns sets how many idle connections the pool keeps (SQLAlchemy
// pool_size; default DefaultPoolSize, 5).
func MaxIdleConns(n int) Option { return func(o *options) { o.maxIdle = &n } }

// PoolTimeout sets how long a statement or transaction waits for a pooled
// connection when all MaxOpenConns are in use before failing with
// ErrPoolTimeout (SQLAlchemy pool_timeout; default DefaultPoolTimeout,
// 30 s); d <= 0 waits as long as the context allows.
func PoolTimeout(d time.Duration) Option { return func(o *options) { o.poolTimeout = &d } }

// ConnMaxLifetime closes connections older than d (SQLAlchemy pool_recycle).
func ConnMaxLifetime(d time.Duration) Option { return func(o *options) { o.lifetime = &d } }

// PrePing makes Open verify that the database is reachable. Pooled
// connections are validated by the drivers themselves before reuse.
func PrePing() Option { return func(o *options) { o.prePing = true } }

// Echo logs every statement, its arguments and duration at info level,
// as SQLAlchemy's echo=True does (its engine logger logs statements at
// INFO).
func Echo(l *slog.Logger) Option { return func(o *options) { o.echo = l } }

// StmtCacheSize sets how many prepared statements the engine keeps, by SQL
// text, least recently used out (default DefaultStmtCacheSize). Each is
// prepared lazily on every pooled connection that runs it; 0 turns the
// cache off, so every statement is prepared (or sent) anew.
func StmtCacheSize(n int) Option { return func(o *options) { o.stmtCache = &n } }

// stmtCacheSize returns the statement cache bound.
func (o options) stmtCacheSize() int {
	if o.stmtCache == nil {
		return DefaultStmtCacheSize
	}
	return *o.stmtCache
}

// poolTimeoutOr returns the pool timeout.
func (o options) poolTimeoutOr() time.Duration {
	if o.poolTimeout == nil {
		return DefaultPoolTimeout
	}
	return *o.poolTimeout
}

// apply sets the pool limits on db, SQLAlchemy's QueuePool defaults where
// no option is given.
func (o options) apply(db *sql.DB) {
	maxOpen, maxIdle := DefaultPoolSize+DefaultMaxOverflow, DefaultPoolSize
	if o.maxOpen != nil {
		maxOpen = max(*o.maxOpen, 0)
	}
	if o.maxIdle != nil {
		maxIdle = *o.maxIdle
	}
	db.SetMaxOpenConns(maxOpen)
	db.SetMaxIdleConns(maxIdle)
	if o.lifetime != nil {
		db.SetConnMaxLifetime(*o.lifetime)
	}
}
