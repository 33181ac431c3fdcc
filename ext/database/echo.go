package database

import (
	"context"
	"log/slog"

	"github.com/flagon-go/flagon"
)

// appLogHandler sends records to whatever logger the app has when they
// are logged: the CLI installs its terminal logger after the factory ran
// (and opened the databases), and SQLALCHEMY_ECHO's statements must
// reach it.
type appLogHandler struct {
	app *flagon.App
	// with replays WithAttrs and WithGroup calls, in order, on the app's
	// current handler.
	with []func(slog.Handler) slog.Handler
}

// echoLogger is the logger SQLALCHEMY_ECHO logs statements on.
func echoLogger(app *flagon.App) *slog.Logger {
	return slog.New(&appLogHandler{app: app})
}

func (h *appLogHandler) current() slog.Handler {
	l := h.app.Logger
	if l == nil {
		l = slog.Default()
	}
	hd := l.Handler()
	for _, f := range h.with {
		hd = f(hd)
	}
	return hd
}

// Enabled asks the app's current logger.
func (h *appLogHandler) Enabled(ctx context.Context, level slog.Level) bool {
	return h.current().Enabled(ctx, level)
}

// Handle passes r to the app's current logger.
func (h *appLogHandler) Handle(ctx context.Context, r slog.Record) error {
	return h.current().Handle(ctx, r)
}

// WithAttrs returns a handler that adds attrs.
func (h *appLogHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return h.then(func(hd slog.Handler) slog.Handler { return hd.WithAttrs(attrs) })
}

// WithGroup returns a handler whose later keys are under name.
func (h *appLogHandler) WithGroup(name string) slog.Handler {
	return h.then(func(hd slog.Handler) slog.Handler { return hd.WithGroup(name) })
}

func (h *appLogHandler) then(f func(slog.Handler) slog.Handler) slog.Handler {
	with := append(append([]func(slog.Handler) slog.Handler(nil), h.with...), f)
	return &appLogHandler{app: h.app, with: with}
}
