package debugpage

import (
	"context"
	"encoding/hex"
	"time"
)

// SetSleep replaces the wait after a failed PIN, so that tests record the
// delays instead of waiting.
func SetSleep(d *Debugger, sleep func(context.Context, time.Duration)) { d.sleep = sleep }

// ChainTypes returns the types of err's chain as the page lists them.
func ChainTypes(err error) []string {
	var out []string
	for _, l := range chainOf(err) {
		out = append(out, l.Type)
	}
	return out
}

// Brief formats a value as the page's tables do.
func Brief(v any) string { return brief(v) }

// ReadSource returns the source lines shown around line of file.
func ReadSource(file string, line int) []SourceLine { return readSource(file, line) }

// PinCookieValue returns a PIN cookie value for the timestamp text ts,
// signed by d.
func PinCookieValue(d *Debugger, ts string) string {
	return ts + "|" + hex.EncodeToString(d.pinMAC(ts))
}

// Headline returns the page's title type for err.
func Headline(err error) string { return headline(err) }
