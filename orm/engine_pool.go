package orm

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Pool defaults, those of SQLAlchemy's QueuePool as Flask-SQLAlchemy
// creates it: at most DefaultPoolSize+DefaultMaxOverflow connections open,
// DefaultPoolSize of them kept idle, and a caller waits DefaultPoolTimeout
// for one before failing with ErrPoolTimeout.
const (
	DefaultPoolSize    = 5
	DefaultMaxOverflow = 10
	DefaultPoolTimeout = 30 * time.Second
)

// ErrPoolTimeout is returned when no pooled connection (or, on SQLite, the
// engine's write lock) became free within the pool timeout (SQLAlchemy's
// "QueuePool limit ... reached, connection timed out").
var ErrPoolTimeout = errors.New("orm: timed out waiting for a pooled connection")

// A gate is a counting semaphore with a waiting limit: the engine's
// connection slots, or its SQLite write lock (one slot). A nil gate lets
// everyone through.
type gate struct {
	slots   chan struct{}
	timeout time.Duration // <= 0: wait as long as ctx allows
	what    string        // for the timeout error
}

// newGate returns a gate of n slots, or nil when n <= 0 (no limit).
func newGate(n int, timeout time.Duration, what string) *gate {
	if n <= 0 {
		return nil
	}
	return &gate{slots: make(chan struct{}, n), timeout: timeout, what: what}
}

// enter takes a slot, waiting at most the gate's timeout; release it with
// leave. A free slot costs no timer.
func (g *gate) enter(ctx context.Context) error {
	if g == nil {
		return nil
	}
	select {
	case g.slots <- struct{}{}:
		return nil
	default:
	}
	var expired <-chan time.Time
	if g.timeout > 0 {
		t := time.NewTimer(g.timeout)
		defer t.Stop()
		expired = t.C
	}
	select {
	case g.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-expired:
		return fmt.Errorf("%w: %s (limit %d) still busy after %s", ErrPoolTimeout, g.what, cap(g.slots), g.timeout)
	}
}

// leave frees the slot taken by enter.
func (g *gate) leave() {
	if g != nil {
		<-g.slots
	}
}

// writerFor returns the SQLite write lock when query may write, else nil.
func (db *DB) writerFor(query string) *gate {
	if db.writer == nil || isReadOnly(query) {
		return nil
	}
	return db.writer
}

// checkout waits for the write lock w (if any), then for a pool slot.
func (db *DB) checkout(ctx context.Context, w *gate) error {
	if err := w.enter(ctx); err != nil {
		return err
	}
	if err := db.pool.enter(ctx); err != nil {
		w.leave()
		return err
	}
	return nil
}

// checkin frees what checkout took.
func (db *DB) checkin(w *gate) {
	db.pool.leave()
	w.leave()
}
