package verify

import (
	"context"
	"encoding/json"
	"math"
	"strings"
)

// JSON checks /json: {"message": "Hello, World!"}.
func (c *Checker) JSON(ctx context.Context) []Problem {
	ps := &problems{test: "json", url: c.Base + "/json"}
	r := c.get(ctx, ps, ps.url)
	if r == nil {
		return ps.list
	}
	checkHeaders(ps, r.header, "json")
	var obj map[string]any
	if err := json.Unmarshal(r.body, &obj); err != nil {
		ps.fail("invalid JSON object: %v", err)
		return ps.list
	}
	obj = lowerKeys(obj)
	msg, ok := obj["message"]
	switch {
	case !ok:
		ps.fail("missing required key 'message'")
	case msg != "Hello, World!":
		ps.fail("message is %v, want \"Hello, World!\"", msg)
	case len(obj) > 1:
		ps.warn("too many JSON keys: %d", len(obj))
	}
	return ps.list
}

// Plaintext checks /plaintext: exactly "Hello, World!".
func (c *Checker) Plaintext(ctx context.Context) []Problem {
	ps := &problems{test: "plaintext", url: c.Base + "/plaintext"}
	r := c.get(ctx, ps, ps.url)
	if r == nil {
		return ps.list
	}
	checkHeaders(ps, r.header, "plaintext")
	body := string(r.body)
	switch {
	case !strings.Contains(body, "Hello, World!"):
		ps.fail("body %q does not contain \"Hello, World!\"", truncate(body))
	case len(body) > len("Hello, World!"):
		ps.warn("%d extra bytes in the body", len(body)-len("Hello, World!"))
	}
	return ps.list
}

// DB checks /db: one object {"id": 1..10000, "randomNumber": 1..10000}.
func (c *Checker) DB(ctx context.Context) []Problem {
	ps := &problems{test: "db", url: c.Base + "/db"}
	r := c.get(ctx, ps, ps.url)
	if r == nil {
		return ps.list
	}
	checkHeaders(ps, r.header, "json")
	var v any
	if err := json.Unmarshal(r.body, &v); err != nil {
		ps.fail("invalid JSON: %v", err)
		return ps.list
	}
	if _, isList := v.([]any); isList {
		ps.fail("top-level JSON is an array, want an object")
		return ps.list
	}
	checkWorld(ps, v)
	return ps.list
}

// checkWorld checks one world object and returns its id and number.
func checkWorld(ps *problems, v any) (id, number int, ok bool) {
	obj, isObj := v.(map[string]any)
	if !isObj {
		ps.fail("want a JSON object, got %s", truncate(mustJSON(v)))
		return 0, 0, false
	}
	obj = lowerKeys(obj)
	id, idOK := intField(ps, obj, "id")
	number, numOK := intField(ps, obj, "randomnumber")
	if len(obj) > 2 {
		ps.warn("extra keys in the world object: %d keys", len(obj))
	}
	if idOK && (id < 1 || id > 10000) {
		ps.fail("id %d is not in 1..10000", id)
	}
	if numOK && (number < 1 || number > 10000) {
		ps.fail("randomNumber %d is not in 1..10000", number)
	}
	return id, number, idOK && numOK
}

// intField reads an integer-valued key.
func intField(ps *problems, obj map[string]any, key string) (int, bool) {
	raw, ok := obj[key]
	if !ok {
		ps.fail("object is missing required key %q", key)
		return 0, false
	}
	f, isNum := raw.(float64)
	if !isNum || f != math.Trunc(f) {
		ps.fail("key %q maps to %s, want an integer", key, truncate(mustJSON(raw)))
		return 0, false
	}
	return int(f), true
}

// lowerKeys returns obj with lower-cased keys, as TechEmpower compares
// keys case-insensitively.
func lowerKeys(obj map[string]any) map[string]any {
	out := make(map[string]any, len(obj))
	for k, v := range obj {
		out[strings.ToLower(k)] = v
	}
	return out
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// truncate shortens s for a message.
func truncate(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}
