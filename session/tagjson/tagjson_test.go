package tagjson

import (
	"encoding/json"
	"math"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

type vector struct{ Name, JSON string }

func loadVectors(t testing.TB) []vector {
	b, err := os.ReadFile("testdata/flask-tagjson-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct{ Cases []vector }
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v.Cases
}

// TestRoundTripFlaskOutput decodes Flask's output and re-encodes it: the
// bytes must be identical.
func TestRoundTripFlaskOutput(t *testing.T) {
	for _, vec := range loadVectors(t) {
		t.Run(vec.Name, func(t *testing.T) {
			v, err := Unmarshal([]byte(vec.JSON))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != vec.JSON {
				t.Errorf("Marshal =\n%s\nwant\n%s", got, vec.JSON)
			}
		})
	}
}

func mustUUID(s string) UUID {
	u, err := ParseUUID(s)
	if err != nil {
		panic(err)
	}
	return u
}

func TestUnmarshalTypes(t *testing.T) {
	tests := []struct {
		name, in string
		want     any
	}{
		{"int", `7`, int64(7)},
		{"float", `1.0`, 1.0},
		{"big int", `18446744073709551616`, json.Number("18446744073709551616")},
		{"tuple", `{" t":[1,"two",{" t":[]}]}`, Tuple{int64(1), "two", Tuple{}}},
		{"bytes", `{" b":"AAFiaW5hcnk="}`, []byte("\x00\x01binary")},
		{"markup", `{" m":"<b>"}`, Markup("<b>")},
		{"uuid", `{" u":"cd613e30d8f16adf91b7584a2265b1f5"}`, mustUUID("cd613e30-d8f1-6adf-91b7-584a2265b1f5")},
		{"date", `{" d":"Sat, 21 Nov 2026 05:30:00 GMT"}`, time.Date(2026, 11, 21, 5, 30, 0, 0, time.UTC)},
		{"date with offset", `{" d":"Sat, 21 Nov 2026 07:30:00 +0200"}`, time.Date(2026, 11, 21, 5, 30, 0, 0, time.UTC)},
		{"bad date is nil", `{" d":"yesterday"}`, nil},
		{"tag dict", `{" di":{" t__":{" b":""}}}`, map[string]any{" t": []byte{}}},
		{"two keys not a tag", `{" t":1,"k":2}`, map[string]any{" t": int64(1), "k": int64(2)}},
		{"unknown tag", `{" x":1}`, map[string]any{" x": int64(1)}},
		{"nested", `[{"a":{" t":[null,true]}}]`, []any{map[string]any{"a": Tuple{nil, true}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Unmarshal([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Unmarshal(%s) = %#v, want %#v", tt.in, got, tt.want)
			}
		})
	}
}

func TestUnmarshalErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"syntax", `{`, "unexpected EOF"},
		{"trailing data", `{} {}`, "extra data"},
		{"tuple not list", `{" t":"abc"}`, "want a list"},
		{"bytes not string", `{" b":1}`, "want a string"},
		{"bad base64", `{" b":"***"}`, "bad base64"},
		{"bad uuid", `{" u":"xyz"}`, "badly formed UUID"},
		{"tag dict not object", `{" di":[]}`, "one-key object"},
		{"tag dict two keys", `{" di":{"a":1,"b":2}}`, "one-key object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Unmarshal([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

type point struct {
	X int `json:"x"`
	Y int `json:"y"`
}

func TestMarshalGoTypes(t *testing.T) {
	n := 3
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"typed slice", []string{"a", "é"}, `["a","\u00e9"]`},
		{"typed map", map[string]int{"b": 2, "a": 1}, `{"a":1,"b":2}`},
		{"single tag key map", map[string]string{" t": "x"}, `{" di":{" t__":"x"}}`},
		{"uint8 array is bytes", [2]byte{1, 2}, `{" b":"AQI="}`},
		{"sized ints", []any{int8(-1), uint64(math.MaxUint64), float32(0.5)}, `[-1,18446744073709551615,0.5]`},
		{"pointer", &n, `3`},
		{"nil pointer", (*int)(nil), `null`},
		{"struct via encoding/json", point{1, 2}, `{"x":1,"y":2}`},
		{"local time in UTC", time.Date(2026, 1, 2, 3, 4, 5, 6, time.FixedZone("X", 3600)), `{" d":"Fri, 02 Jan 2026 02:04:05 GMT"}`},
		{"uuid", mustUUID("{urn:uuid:CD613E30-D8F1-6ADF-91B7-584A2265B1F5}"), `{" u":"cd613e30d8f16adf91b7584a2265b1f5"}`},
		{"json.Number float", json.Number("1e2"), `100.0`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Marshal(tt.in)
			if err != nil || string(got) != tt.want {
				t.Errorf("Marshal = %s, %v; want %s", got, err, tt.want)
			}
		})
	}
}

func TestMarshalErrors(t *testing.T) {
	cyclic := []any{nil}
	cyclic[0] = cyclic
	tests := []struct {
		name string
		in   any
	}{
		{"NaN", math.NaN()},
		{"infinity", math.Inf(1)},
		{"int keys", map[int]string{1: "a"}},
		{"channel", make(chan int)},
		{"cycle", cyclic},
		{"bad number", json.Number("1x")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Marshal(tt.in); err == nil {
				t.Fatal("no error")
			}
		})
	}
}

func TestUUIDString(t *testing.T) {
	const s = "cd613e30-d8f1-6adf-91b7-584a2265b1f5"
	if got := mustUUID(s).String(); got != s {
		t.Errorf("String() = %s", got)
	}
}
