package config

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

// getterCase is one typed-getter expectation: the stored value (absent
// when unset), the expected result, and whether a *TypeError is expected.
type getterCase struct {
	name    string
	value   any
	unset   bool
	want    any
	wantErr bool
}

// runGetter checks get against each case, storing the value under "K".
func runGetter[T any](t *testing.T, cases []getterCase, get func(*Config, string) (T, error)) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := New()
			if !tc.unset {
				c.Set("K", tc.value)
			}
			got, err := get(c, "K")
			var te *TypeError
			if tc.wantErr != errors.As(err, &te) {
				t.Fatalf("err = %v, want TypeError: %v", err, tc.wantErr)
			}
			if err != nil && (te.Key != "K" || te.Value == nil) {
				t.Errorf("TypeError = %+v, want key K and the stored value", te)
			}
			var want T
			if tc.want != nil {
				want = tc.want.(T)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %#v, want %#v", got, want)
			}
		})
	}
}

func TestString(t *testing.T) {
	runGetter(t, []getterCase{
		{name: "string", value: "x", want: "x"},
		{name: "bytes", value: []byte("b"), want: "b"},
		{name: "int", value: 42, want: "42"},
		{name: "uint8", value: uint8(7), want: "7"},
		{name: "float", value: 1.5, want: "1.5"},
		{name: "bool", value: true, want: "true"},
		{name: "stringer", value: 90 * time.Second, want: "1m30s"},
		{name: "json number", value: json.Number("12"), want: "12"},
		{name: "nil", value: nil, want: ""},
		{name: "unset", unset: true, want: ""},
		{name: "map", value: map[string]any{"a": 1}, wantErr: true},
		{name: "slice", value: []any{"a"}, wantErr: true},
	}, (*Config).String)
}

func TestInt(t *testing.T) {
	runGetter(t, []getterCase{
		{name: "int", value: 3, want: 3},
		{name: "int64", value: int64(-4), want: -4},
		{name: "uint32", value: uint32(5), want: 5},
		{name: "integral float", value: 6.0, want: 6},
		{name: "decimal string", value: " 7 ", want: 7},
		{name: "exponent string", value: "1e3", want: 1000},
		{name: "json number", value: json.Number("8"), want: 8},
		{name: "nil", value: nil, want: 0},
		{name: "unset", unset: true, want: 0},
		{name: "fraction", value: 1.5, wantErr: true},
		{name: "huge uint", value: uint64(math.MaxUint64), wantErr: true},
		{name: "huge float", value: 1e300, wantErr: true},
		{name: "NaN", value: math.NaN(), wantErr: true},
		{name: "word", value: "ten", wantErr: true},
		{name: "bool", value: true, wantErr: true},
		{name: "duration", value: time.Second, wantErr: true},
	}, (*Config).Int)
}

func TestInt64(t *testing.T) {
	runGetter(t, []getterCase{
		{name: "max", value: int64(math.MaxInt64), want: int64(math.MaxInt64)},
		{name: "string", value: "-9", want: int64(-9)},
		{name: "nil", value: nil, want: int64(0)},
		{name: "list", value: []int{1}, wantErr: true},
	}, (*Config).Int64)
}

func TestFloat64(t *testing.T) {
	runGetter(t, []getterCase{
		{name: "float", value: 2.5, want: 2.5},
		{name: "float32", value: float32(0.5), want: 0.5},
		{name: "int", value: 3, want: 3.0},
		{name: "string", value: "1e-3", want: 0.001},
		{name: "json number", value: json.Number("4.25"), want: 4.25},
		{name: "nil", value: nil, want: 0.0},
		{name: "word", value: "pi", wantErr: true},
		{name: "bool", value: false, wantErr: true},
	}, (*Config).Float64)
}

func TestBool(t *testing.T) {
	runGetter(t, []getterCase{
		{name: "true", value: true, want: true},
		{name: "false", value: false, want: false},
		{name: "1", value: "1", want: true},
		{name: "TRUE", value: "TRUE", want: true},
		{name: "yes", value: " yes ", want: true},
		{name: "on", value: "On", want: true},
		{name: "0", value: "0", want: false},
		{name: "no", value: "no", want: false},
		{name: "off", value: "OFF", want: false},
		{name: "empty", value: "", want: false},
		{name: "int 1", value: 1, want: true},
		{name: "int 0", value: 0, want: false},
		{name: "nil", value: nil, want: false},
		{name: "unset", unset: true, want: false},
		{name: "int 2", value: 2, wantErr: true},
		{name: "maybe", value: "maybe", wantErr: true},
		{name: "map", value: map[string]any{}, wantErr: true},
	}, (*Config).Bool)
}

func TestDuration(t *testing.T) {
	runGetter(t, []getterCase{
		{name: "duration", value: time.Minute, want: time.Minute},
		{name: "int seconds", value: 3600, want: time.Hour},
		{name: "float seconds", value: 1.5, want: 1500 * time.Millisecond},
		{name: "json number", value: json.Number("2"), want: 2 * time.Second},
		{name: "go string", value: "90s", want: 90 * time.Second},
		{name: "hours", value: "1h", want: time.Hour},
		{name: "seconds string", value: "30", want: 30 * time.Second},
		{name: "nil", value: nil, want: time.Duration(0)},
		{name: "unset", unset: true, want: time.Duration(0)},
		{name: "overflow int", value: int64(math.MaxInt64), wantErr: true},
		{name: "overflow float", value: 1e300, wantErr: true},
		{name: "word", value: "soon", wantErr: true},
		{name: "bool", value: true, wantErr: true},
	}, (*Config).Duration)
}

func TestStrings(t *testing.T) {
	runGetter(t, []getterCase{
		{name: "strings", value: []string{"a", "b"}, want: []string{"a", "b"}},
		{name: "anys", value: []any{"a", "b"}, want: []string{"a", "b"}},
		{name: "empty anys", value: []any{}, want: []string{}},
		{name: "comma list", value: "a, b,,c ", want: []string{"a", "b", "c"}},
		{name: "single", value: "example.com", want: []string{"example.com"}},
		{name: "empty string", value: "", want: []string(nil)},
		{name: "nil", value: nil, want: []string(nil)},
		{name: "mixed anys", value: []any{"a", 1}, wantErr: true},
		{name: "int", value: 1, wantErr: true},
	}, (*Config).Strings)
}

func TestMap(t *testing.T) {
	runGetter(t, []getterCase{
		{name: "map", value: map[string]any{"A": 1}, want: map[string]any{"A": 1}},
		{name: "string map", value: map[string]string{"A": "x"}, want: map[string]any{"A": "x"}},
		{name: "nil", value: nil, want: map[string]any(nil)},
		{name: "string", value: "A=1", wantErr: true},
		{name: "int map", value: map[string]int{"A": 1}, wantErr: true},
	}, (*Config).Map)
}

func TestMapReturnsCopy(t *testing.T) {
	c := New()
	c.Set("DB", map[string]any{"OPTS": map[string]any{"A": 1}})
	m, err := c.Map("DB")
	if err != nil {
		t.Fatal(err)
	}
	m["OPTS"].(map[string]any)["A"] = 2
	again, _ := c.Map("DB")
	if got := again["OPTS"].(map[string]any)["A"]; got != 1 {
		t.Errorf("stored map changed through Map's result: A = %v", got)
	}
}

func TestOrForms(t *testing.T) {
	c := New()
	c.Set("S", "x")
	c.Set("N", 5)
	c.Set("B", "yes")
	c.Set("D", "2s")
	c.Set("F", 0.5)
	c.Set("L", "a,b")
	c.Set("NIL", nil)
	c.Set("BAD", map[string]any{})
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"StringOr set", c.StringOr("S", "d"), "x"},
		{"StringOr nil", c.StringOr("NIL", "d"), "d"},
		{"StringOr unset", c.StringOr("NONE", "d"), "d"},
		{"StringOr wrong type", c.StringOr("BAD", "d"), "d"},
		{"IntOr set", c.IntOr("N", 1), 5},
		{"IntOr wrong type", c.IntOr("S", 1), 1},
		{"Int64Or unset", c.Int64Or("NONE", 9), int64(9)},
		{"Float64Or set", c.Float64Or("F", 1), 0.5},
		{"Float64Or nil", c.Float64Or("NIL", 1), 1.0},
		{"BoolOr set", c.BoolOr("B", false), true},
		{"BoolOr wrong type", c.BoolOr("S", true), true},
		{"DurationOr set", c.DurationOr("D", time.Hour), 2 * time.Second},
		{"DurationOr wrong type", c.DurationOr("S", time.Hour), time.Hour},
		{"StringsOr set", c.StringsOr("L", nil), []string{"a", "b"}},
		{"StringsOr wrong type", c.StringsOr("BAD", []string{"z"}), []string{"z"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !reflect.DeepEqual(tc.got, tc.want) {
				t.Errorf("got %#v, want %#v", tc.got, tc.want)
			}
		})
	}
}

func TestTypeErrorMessage(t *testing.T) {
	c := New()
	c.Set("MAX_FORM_PARTS", "many")
	_, err := c.Int("MAX_FORM_PARTS")
	want := `config: MAX_FORM_PARTS is string ("many"), want int`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestTypeErrorShortensLongValues(t *testing.T) {
	err := &TypeError{Key: "K", Value: strings.Repeat("x", 100), Want: "int"}
	if got := err.Error(); len(got) > 80 || !strings.HasSuffix(got, `...), want int`) {
		t.Errorf("Error() = %q, want the value shortened", got)
	}
}
