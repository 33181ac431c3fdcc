package session

import (
	"math"
	"testing"
	"time"

	"github.com/flagon-go/flagon/session/tagjson"
)

// flaskSession decodes session data as Flask's tagged JSON serializer
// writes it.
func flaskSession(t *testing.T, text string) *Session {
	t.Helper()
	v, err := tagjson.Unmarshal([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return New(v.(map[string]any))
}

// TestTypedGettersReadFlaskValues: values written by Flask come back as the
// Go type asked for.
func TestTypedGettersReadFlaskValues(t *testing.T) {
	s := flaskSession(t, `{"user_id": 42, "big": 123456789012345678901, "ratio": 0.5, "whole": 3.0,
		"name": "ann", "m": {" m": "<b>x</b>"}, "ok": true, "tags": ["a", "b"], "mixed": ["a", 1],
		"pair": {" t": ["x", "y"]}, "d": {" d": "Wed, 03 Dec 2025 10:00:00 GMT"}}`)
	if v, ok := s.GetInt("user_id"); !ok || v != 42 {
		t.Errorf("GetInt(user_id) = %v, %v", v, ok)
	}
	if v, ok := s.GetInt64("user_id"); !ok || v != 42 {
		t.Errorf("GetInt64(user_id) = %v, %v", v, ok)
	}
	if _, ok := s.GetInt("big"); ok {
		t.Error("GetInt(big) accepted a value past int64")
	}
	if v, ok := s.GetFloat("big"); !ok || v != 123456789012345678901 {
		t.Errorf("GetFloat(big) = %v, %v", v, ok)
	}
	if _, ok := s.GetInt("ratio"); ok {
		t.Error("GetInt(ratio) accepted 0.5")
	}
	if v, ok := s.GetInt("whole"); !ok || v != 3 {
		t.Errorf("GetInt(whole) = %v, %v", v, ok)
	}
	if v, ok := s.GetFloat("user_id"); !ok || v != 42 {
		t.Errorf("GetFloat(user_id) = %v, %v", v, ok)
	}
	if v, ok := s.GetString("name"); !ok || v != "ann" {
		t.Errorf("GetString(name) = %q, %v", v, ok)
	}
	if v, ok := s.GetString("m"); !ok || v != "<b>x</b>" {
		t.Errorf("GetString(m) = %q, %v", v, ok)
	}
	if _, ok := s.GetString("user_id"); ok {
		t.Error("GetString(user_id) accepted an int")
	}
	if v, ok := s.GetBool("ok"); !ok || !v {
		t.Errorf("GetBool(ok) = %v, %v", v, ok)
	}
	if v, ok := s.GetStrings("tags"); !ok || len(v) != 2 || v[1] != "b" {
		t.Errorf("GetStrings(tags) = %v, %v", v, ok)
	}
	if v, ok := s.GetStrings("pair"); !ok || len(v) != 2 {
		t.Errorf("GetStrings(pair) = %v, %v", v, ok)
	}
	if _, ok := s.GetStrings("mixed"); ok {
		t.Error("GetStrings(mixed) accepted an int item")
	}
	if v, ok := s.GetTime("d"); !ok || !v.Equal(time.Date(2025, 12, 3, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("GetTime(d) = %v, %v", v, ok)
	}
	if _, ok := s.GetInt("missing"); ok || !s.Accessed {
		t.Errorf("GetInt(missing) ok=%v, accessed=%v", ok, s.Accessed)
	}
}

// TestTypedGettersReadGoValues: values set by flagon code in this request
// (any integer type) read back the same way as decoded ones.
func TestTypedGettersReadGoValues(t *testing.T) {
	s := New(nil)
	s.Set("i", 7)
	s.Set("i32", int32(-7))
	s.Set("u64", uint64(math.MaxUint64))
	s.Set("list", []string{"x"})
	for key, want := range map[string]int{"i": 7, "i32": -7} {
		if v, ok := s.GetInt(key); !ok || v != want {
			t.Errorf("GetInt(%s) = %v, %v", key, v, ok)
		}
	}
	if _, ok := s.GetInt64("u64"); ok {
		t.Error("GetInt64 accepted a uint64 past int64")
	}
	if v, ok := s.GetStrings("list"); !ok || v[0] != "x" {
		t.Errorf("GetStrings(list) = %v, %v", v, ok)
	}
}
