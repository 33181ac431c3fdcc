package cli

import (
	"io"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/flagon-go/flagon"
)

// RequestLog returns middleware that logs one line per request on logger:
// method, path, status and duration, at INFO (WARN for 4xx, ERROR for
// 5xx; INFO for 499, a client that disconnected before the answer).
func RequestLog(logger *slog.Logger) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			rec := &statusRecorder{ResponseWriter: w}
			next.ServeHTTP(rec, r)
			status := rec.statusCode()
			logger.Log(r.Context(), levelFor(status), "request",
				"method", r.Method, "path", r.URL.Path, "status", status,
				"duration", time.Since(start).Round(time.Microsecond))
		})
	}
}

func levelFor(status int) slog.Level {
	switch {
	case status >= 500:
		return slog.LevelError
	case status == flagon.StatusClientClosedRequest:
		return slog.LevelInfo
	case status >= 400:
		return slog.LevelWarn
	}
	return slog.LevelInfo
}

// statusRecorder remembers the status a handler writes.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

// WriteHeader records the first status written.
func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

// Write records an implicit 200 before the first write.
func (s *statusRecorder) Write(p []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the connection (flush,
// deadlines, hijack).
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

func (s *statusRecorder) statusCode() int {
	if s.status == 0 {
		return http.StatusOK
	}
	return s.status
}

// requestLogger returns the app's logger, replacing the default one with
// a terminal-friendly handler on out.
func requestLogger(app *flagon.App, out io.Writer) *slog.Logger {
	if app.Logger != nil && app.Logger != slog.Default() {
		return app.Logger
	}
	level := slog.LevelInfo
	if app.Debug() {
		level = slog.LevelDebug
	}
	app.Logger = slog.New(NewLogHandler(out, level))
	return app.Logger
}

// IsTerminal reports whether w is a character device (a terminal), the
// test `run` uses to colour its log.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
