package orm

import (
	"context"
	"log/slog"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// A StatementEvent describes one executed statement.
type StatementEvent struct {
	// SQL is the statement text as sent to the driver.
	SQL string
	// Args are the bound arguments.
	Args []any
	// Start is when the statement began; Duration how long it took.
	Start    time.Time
	Duration time.Duration
	// Err is the (translated) error, if any.
	Err error
	// Caller is "file:line (function)" of the first caller outside
	// package orm, as Flask-SQLAlchemy's recorded query location.
	Caller string
	// Context is the statement's context, so a listener can attribute it
	// to a request (Flask-SQLAlchemy's recorded queries).
	Context context.Context
}

type listener struct{ fn func(StatementEvent) }

// OnStatement registers fn to be called after every statement the engine
// (or its transactions) runs. It returns a function that unregisters fn.
func (db *DB) OnStatement(fn func(ev StatementEvent)) (remove func()) {
	l := &listener{fn}
	db.mu.Lock()
	db.listeners = append(db.listeners, l)
	db.mu.Unlock()
	return func() {
		db.mu.Lock()
		defer db.mu.Unlock()
		for i, x := range db.listeners {
			if x == l {
				db.listeners = append(db.listeners[:i:i], db.listeners[i+1:]...)
				return
			}
		}
	}
}

// emitStatement reports a statement that started at start, when anyone
// listens: the ORM's own statements, those run on the driver connection
// (COPY, multi-row inserts on PostgreSQL) and the transaction control that
// database/sql runs itself (BEGIN, COMMIT, ROLLBACK, without arguments).
func (db *DB) emitStatement(ctx context.Context, stmt string, args []any, start time.Time, err error) {
	if db.observed() {
		db.emit(ctx, StatementEvent{SQL: stmt, Args: args, Start: start, Duration: time.Since(start), Err: err})
	}
}

// observed reports whether anyone listens to statement events.
func (db *DB) observed() bool {
	db.mu.RLock()
	defer db.mu.RUnlock()
	return len(db.listeners) > 0 || db.echo != nil
}

// emit delivers an event to the listeners and the echo logger.
func (db *DB) emit(ctx context.Context, ev StatementEvent) {
	db.mu.RLock()
	ls := db.listeners
	db.mu.RUnlock()
	if len(ls) > 0 || db.echo != nil {
		ev.Caller = caller()
		ev.Context = ctx
	}
	for _, l := range ls {
		l.fn(ev)
	}
	if db.echo != nil {
		db.echo.LogAttrs(ctx, slog.LevelInfo, ev.SQL, slog.Any("args", ev.Args),
			slog.Duration("duration", ev.Duration), slog.String("caller", ev.Caller), slog.Any("err", ev.Err))
	}
}

const ormPkg = "github.com/flagon-go/flagon/orm."

// caller returns file:line of the first stack frame outside package orm,
// database/sql and the runtime.
func caller() string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if !internalFrame(f.Function) {
			return f.File + ":" + strconv.Itoa(f.Line) + " (" + funcName(f.Function) + ")"
		}
		if !more {
			return ""
		}
	}
}

// funcName is a frame's function without its package path, as
// "Handler.func1" or "(*Store).Save". The package name ends at the first
// dot after the last slash of the path (type arguments aside): the
// runtime escapes dots in the last path element ("yaml%2ev3"); an
// unescaped gopkg.in-style version suffix (".v3") is skipped too.
func funcName(fn string) string {
	path := fn
	if i := strings.IndexByte(path, '['); i >= 0 {
		path = path[:i]
	}
	fn = fn[strings.LastIndex(path, "/")+1:]
	i := strings.IndexByte(fn, '.')
	if i < 0 {
		return fn
	}
	fn = fn[i+1:]
	if v, ok := versionSuffix(fn); ok {
		fn = fn[v+1:]
	}
	return fn
}

// versionSuffix reports whether fn starts with a version element "vN"
// followed by a dot (what is left of "yaml.v3.Func" after "yaml."), and
// the index of that dot.
func versionSuffix(fn string) (int, bool) {
	dot := strings.IndexByte(fn, '.')
	if dot < 2 || fn[0] != 'v' {
		return 0, false
	}
	for _, r := range fn[1:dot] {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	return dot, true
}

// internalFrame reports frames of this package and the standard plumbing.
func internalFrame(fn string) bool {
	return strings.HasPrefix(fn, ormPkg) || strings.HasPrefix(fn, "database/sql.") ||
		strings.HasPrefix(fn, "runtime.") || strings.HasPrefix(fn, "iter.")
}
