package session

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"
)

type flaskVectors struct {
	SecretKey   string   `json:"secret_key"`
	Fallbacks   []string `json:"secret_key_fallbacks"`
	GeneratedAt int64    `json:"generated_at_unix"`
	Sessions    []struct {
		Cookie string
		Repr   string `json:"payload_repr"`
	}
	WithFallback []struct{ Cookie string } `json:"signed_with_fallback"`
	Tampered     []string
}

func loadJSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}

func loadFlask(t testing.TB) flaskVectors {
	var v flaskVectors
	loadJSON(t, "../internal/fixtures/flask-interop-vectors.json", &v)
	return v
}

// fixtureSignedAt is the timestamp inside every fixture cookie ("awEtYg").
const fixtureSignedAt = 1795239266

func clockAt(unix int64) func() time.Time {
	return func() time.Time { return time.Unix(unix, 0) }
}

func (v flaskVectors) options(now int64) Options {
	o := DefaultOptions([]byte(v.SecretKey))
	for _, f := range v.Fallbacks {
		o.Fallbacks = append(o.Fallbacks, []byte(f))
	}
	o.Clock = clockAt(now)
	return o
}

// fixturePayloads are the Go values of the fixture sessions, in order,
// transcribed from their payload_repr.
func fixturePayloads() []map[string]any {
	return []map[string]any{
		{"d": time.Date(2026, 11, 21, 5, 30, 0, 0, time.UTC)},
		{"cart": []any{int64(1), int64(2), int64(3)}, "n": 1.5, "ok": true, "none": nil},
		{"user_id": int64(42), "name": "alice"},
		{"b": []byte("\x00\x01binary")},
		{"t": Tuple{int64(1), "two"}},
		{"u": UUID{0xcd, 0x61, 0x3e, 0x30, 0xd8, 0xf1, 0x6a, 0xdf, 0x91, 0xb7, 0x58, 0x4a, 0x22, 0x65, 0xb1, 0xf5}},
		{"unicode": "フレームワーク — ünïcödé", "_permanent": true},
		{"nested": map[string]any{" t": "looks like a tag", "k": []any{map[string]any{"a": int64(1)}}}},
		{"big": string(make300x())},
		{"_flashes": []any{Tuple{"message", "Product created"}, Tuple{"error", "Name is required"}}},
	}
}

func make300x() []byte {
	b := make([]byte, 300)
	for i := range b {
		b[i] = 'x'
	}
	return b
}

func requestWithCookie(value string) *http.Request {
	r := httptest.NewRequest("GET", "/", nil)
	if value != "" {
		r.AddCookie(&http.Cookie{Name: "session", Value: value})
	}
	return r
}
