package flagon_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

func boolPtr(b bool) *bool { return &b }

// Flask's test_json.py::test_json_as_unicode: ensure_ascii (the default)
// escapes non-ASCII characters; UTF8 (ensure_ascii = False) does not.
func TestJSONAsUnicode(t *testing.T) {
	tests := []struct {
		name string
		p    flagon.StdJSON
		in   any
		want string
	}{
		{"test_json_as_unicode True", flagon.StdJSON{}, "\u2603", `"\u2603"`},
		{"test_json_as_unicode False", flagon.StdJSON{UTF8: true}, "\u2603", "\"\u2603\""},
		{"astral plane as a surrogate pair", flagon.StdJSON{}, "a\U0001F600b", `"a\ud83d\ude00b"`},
		{"ascii untouched", flagon.StdJSON{}, map[string]any{"a": "é", "b": 1}, `{"a":"\u00e9","b":1}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := tt.p.Marshal(tt.in)
			if err != nil || string(b) != tt.want {
				t.Errorf("got %s, %v; want %s", b, err, tt.want)
			}
		})
	}
}

type unsorted struct {
	Zeta  int            `json:"zeta"`
	Alpha map[string]int `json:"alpha"`
	Big   float64        `json:"big"`
}

// Flask's test_json.py::test_json_key_sorting (debug: indented, keys
// sorted as strings) and DefaultJSONProvider's compact and mimetype.
func TestJSONResponseOptions(t *testing.T) {
	values := map[int]string{}
	for i := range 20 {
		values[i] = "foo"
	}
	keySorting := []string{"{", `"values": {`}
	for _, k := range []string{"0", "1", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "2", "3", "4", "5", "6", "7", "8"} {
		keySorting = append(keySorting, `"`+k+`": "foo",`)
	}
	keySorting = append(keySorting, `"9": "foo"`, "}", "}")
	s := unsorted{Zeta: 1, Alpha: map[string]int{"y": 2, "x": 1}, Big: 12345678901234567890}
	tests := []struct {
		name  string
		p     flagon.StdJSON
		debug bool
		data  any
		body  string
		ctype string
	}{
		{"test_json_key_sorting", flagon.StdJSON{}, true, map[string]any{"values": values},
			strings.Join(keySorting, "\n"), "application/json"},
		{"compact out of debug", flagon.StdJSON{}, false, map[string]any{"b": []int{1, 2}, "a": nil},
			`{"a":null,"b":[1,2]}`, "application/json"},
		{"compact true in debug", flagon.StdJSON{Compact: boolPtr(true)}, true, map[string]int{"a": 1},
			`{"a":1}`, "application/json"},
		{"compact false out of debug", flagon.StdJSON{Compact: boolPtr(false)}, false, map[string]int{"a": 1},
			"{\n\"a\": 1\n}", "application/json"},
		{"mimetype", flagon.StdJSON{Mimetype: "application/vnd.api+json"}, false, 1,
			"1", "application/vnd.api+json"},
		{"struct fields in declaration order", flagon.StdJSON{}, false, s,
			`{"zeta":1,"alpha":{"x":1,"y":2},"big":12345678901234567000}`, "application/json"},
		{"sort_keys sorts struct fields", flagon.StdJSON{SortKeys: true}, false, s,
			`{"alpha":{"x":1,"y":2},"big":12345678901234567000,"zeta":1}`, "application/json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New()
			app.JSON = tt.p
			if tt.debug {
				app.Config.Set("DEBUG", true)
			}
			app.Get("/", func(c *flagon.Ctx) error { return c.JSON(tt.data) })
			res := flagontest.NewClient(t, app).Get("/")
			var lines []string
			for _, l := range strings.Split(strings.TrimSpace(res.Text()), "\n") {
				lines = append(lines, strings.TrimSpace(l))
			}
			if got := strings.Join(lines, "\n"); got != tt.body || !strings.HasSuffix(res.Text(), "\n") {
				t.Errorf("body %q, want %q", res.Text(), tt.body)
			}
			if ct := res.Header.Get("Content-Type"); ct != tt.ctype {
				t.Errorf("Content-Type %q, want %q", ct, tt.ctype)
			}
		})
	}
}
