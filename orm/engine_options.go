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
	prePing          bool
	echo             *slog.Logger
	stmtCache        *int
}

// MaxOpenConns limits the pool's open connections (SQLAlchemy pool_size +
// max_overflow).
func MaxOpenConns(n int) Option { return func(o *options) { o.maxOpen = &n } }

// MaxIdleConns sets how many idle connections the pool keeps.
func MaxIdleConns(n int) Option { return func(o *options) { o.maxIdle = &n } }

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

// apply sets the pool limits on db.
func (o options) apply(db *sql.DB) {
	if o.maxOpen != nil {
		db.SetMaxOpenConns(*o.maxOpen)
	}
	if o.maxIdle != nil {
		db.SetMaxIdleConns(*o.maxIdle)
	}
	if o.lifetime != nil {
		db.SetConnMaxLifetime(*o.lifetime)
	}
}
