package cli

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ANSI colours.
const (
	ansiReset  = "\x1b[0m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiBold   = "\x1b[1m"
)

// LogHandler is a slog.Handler for a developer's terminal: one line per
// record, "15:04:05 INFO request method=GET status=200", with the level
// and HTTP status coloured when the output is a terminal. A multi-line
// string attribute (a panic's "stack") follows its record as lines.
type LogHandler struct {
	w      io.Writer
	mu     *sync.Mutex
	level  slog.Leveler
	colour bool
	attrs  string // preformatted attributes from WithAttrs
	group  string // key prefix from WithGroup
}

// NewLogHandler returns a LogHandler writing records at level or above
// to w; it colours them when w is a terminal.
func NewLogHandler(w io.Writer, level slog.Leveler) *LogHandler {
	return &LogHandler{w: w, mu: &sync.Mutex{}, level: level, colour: IsTerminal(w)}
}

// WithColour returns a copy of h that colours its output (or not),
// whatever the output is.
func (h *LogHandler) WithColour(on bool) *LogHandler {
	h2 := *h
	h2.colour = on
	return &h2
}

// Enabled reports whether level is logged.
func (h *LogHandler) Enabled(_ context.Context, level slog.Level) bool {
	return level >= h.level.Level()
}

// Handle writes one record.
func (h *LogHandler) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	b.WriteString(r.Time.Format(time.TimeOnly))
	b.WriteByte(' ')
	b.WriteString(h.paint(levelColour(r.Level), fmt.Sprintf("%-5s", r.Level.String())))
	b.WriteByte(' ')
	b.WriteString(r.Message)
	b.WriteString(h.attrs)
	var blocks []slog.Attr
	r.Attrs(func(a slog.Attr) bool {
		if isBlock(a) {
			blocks = append(blocks, a)
		} else {
			h.appendAttr(&b, h.group, a)
		}
		return true
	})
	b.WriteByte('\n')
	for _, a := range blocks {
		writeBlock(&b, h.group, a)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := io.WriteString(h.w, b.String())
	return err
}

// WithAttrs returns a handler that adds attrs to every record.
func (h *LogHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	var b strings.Builder
	for _, a := range attrs {
		h.appendAttr(&b, h.group, a)
	}
	h2 := *h
	h2.attrs += b.String()
	return &h2
}

// WithGroup returns a handler that prefixes later keys with name.
func (h *LogHandler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	h2 := *h
	h2.group += name + "."
	return &h2
}

func (h *LogHandler) appendAttr(b *strings.Builder, prefix string, a slog.Attr) {
	a.Value = a.Value.Resolve()
	if a.Equal(slog.Attr{}) {
		return
	}
	if a.Value.Kind() == slog.KindGroup {
		for _, g := range a.Value.Group() {
			h.appendAttr(b, prefix+a.Key+".", g)
		}
		return
	}
	val := formatValue(a.Value)
	if a.Key == "status" && a.Value.Kind() == slog.KindInt64 {
		val = h.paint(statusColour(int(a.Value.Int64())), val)
	}
	b.WriteString(" " + prefix + a.Key + "=" + val)
}

// isBlock reports whether a is a panic's multi-line "stack", which is
// printed as lines below the record (as Flask's log prints a traceback)
// rather than as one quoted value full of \n and \t. Only that key is: any
// other multi-line value stays quoted on its record, so a value from a
// request cannot forge log lines.
func isBlock(a slog.Attr) bool {
	v := a.Value.Resolve()
	return a.Key == "stack" && v.Kind() == slog.KindString && strings.Contains(strings.TrimRight(v.String(), "\n"), "\n")
}

// writeBlock writes a stack below its record; inside a group its key
// heads it.
func writeBlock(b *strings.Builder, prefix string, a slog.Attr) {
	if prefix != "" {
		b.WriteString(prefix + a.Key + ":\n")
	}
	b.WriteString(strings.TrimRight(a.Value.Resolve().String(), "\n"))
	b.WriteByte('\n')
}

// formatValue quotes strings that need it, as slog's text handler.
func formatValue(v slog.Value) string {
	s := v.String()
	if v.Kind() == slog.KindString && (s == "" || strings.ContainsAny(s, " \t\n\"=")) {
		return strconv.Quote(s)
	}
	return s
}

func (h *LogHandler) paint(colour, s string) string {
	if !h.colour || colour == "" {
		return s
	}
	return colour + s + ansiReset
}

func levelColour(l slog.Level) string {
	switch {
	case l >= slog.LevelError:
		return ansiRed + ansiBold
	case l >= slog.LevelWarn:
		return ansiYellow
	case l >= slog.LevelInfo:
		return ansiGreen
	}
	return ansiCyan
}

func statusColour(code int) string {
	switch {
	case code >= 500:
		return ansiRed + ansiBold
	case code >= 400:
		return ansiYellow
	case code >= 300:
		return ansiCyan
	}
	return ansiGreen
}
