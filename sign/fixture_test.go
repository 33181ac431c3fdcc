package sign

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
	"time"
)

// flaskVectors mirrors internal/fixtures/flask-interop-vectors.json (a copy of
// /work/shared/fixtures/flask-interop-vectors.json).
type flaskVectors struct {
	SecretKey    string   `json:"secret_key"`
	Fallbacks    []string `json:"secret_key_fallbacks"`
	Salt         string   `json:"salt"`
	GeneratedAt  int64    `json:"generated_at_unix"`
	Sessions     []struct{ Cookie string }
	WithFallback []struct{ Cookie string } `json:"signed_with_fallback"`
	Tampered     []string
	CSRF         []struct {
		SessionToken string `json:"session_csrf_token"`
		FormToken    string `json:"form_token"`
		Salt         string
		GeneratedAt  int64 `json:"generated_at_unix"`
	}
}

func loadJSON(t testing.TB, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		t.Fatal(err)
	}
}

func loadFlask(t testing.TB) flaskVectors {
	var v flaskVectors
	loadJSON(t, "../internal/fixtures/flask-interop-vectors.json", &v)
	return v
}

// keys returns the fixture's secrets in Flask order: fallbacks, then key.
func (v flaskVectors) keys() [][]byte {
	var ks [][]byte
	for _, f := range v.Fallbacks {
		ks = append(ks, []byte(f))
	}
	return append(ks, []byte(v.SecretKey))
}

func fixedClock(unix int64) func() time.Time {
	return func() time.Time { return time.Unix(unix, 0) }
}

// sessionSerializer is Flask's session serializer at the given time.
func (v flaskVectors) sessionSerializer(keys [][]byte, unix int64) *Serializer {
	return NewSerializer(keys, v.Salt, WithKeyDerivation(HMAC), WithClock(fixedClock(unix)))
}
