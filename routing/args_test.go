package routing

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestParseArgs(t *testing.T) {
	tests := []struct {
		in     string
		args   []any
		kwargs map[string]any
		err    string
	}{
		{in: ""},
		{in: "1, -2, +3", args: []any{1, -2, 3}},
		{in: "1.5, 2., 1e3, -0.5", args: []any{1.5, 2.0, 1000.0, -0.5}},
		{in: "True, False, None", args: []any{true, false, nil}},
		{in: "abc, v1.0, 'x y', \"it's\"", args: []any{"abc", "v1.0", "x y", "it's"}},
		{in: "1abc", args: []any{"1abc"}},
		{in: "a, k=1, j='s'", args: []any{"a"}, kwargs: map[string]any{"k": 1, "j": "s"}},
		{in: "99999999999999999999", args: []any{1e20}},
		{in: "1e999", args: []any{"1e999"}},
		{in: "1-2", err: "bad number"},
		{in: "a b", err: "expected ','"},
		// test_converter_parser (Werkzeug)
		{in: "test, a=1, b=3.0", args: []any{"test"}, kwargs: map[string]any{"a": 1, "b": 3.0}},
		{in: "a, b, c,", args: []any{"a", "b", "c"}},
		{in: "a, b, c, ", args: []any{"a", "b", "c"}},
		{in: `"foo", "bar"`, args: []any{"foo", "bar"}},
		{in: "min=0;max=500", err: "expected ','"},
		{in: "a,,b", err: "expected a converter argument value"},
		{in: ",", err: "expected a converter argument value"},
		{in: "=1", err: "expected a converter argument value"},
		{in: "'abc", err: "unterminated string"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			args, kwargs, err := parseArgs(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("parseArgs(%q) error = %v, want %q", tt.in, err, tt.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(args, tt.args) || len(kwargs) != len(tt.kwargs) {
				t.Fatalf("parseArgs(%q) = %#v, %#v, %v", tt.in, args, kwargs, err)
			}
			for k, v := range tt.kwargs {
				if kwargs[k] != v {
					t.Errorf("kwarg %s = %#v, want %#v", k, kwargs[k], v)
				}
			}
		})
	}
}

func TestRenderValueRoundTrip(t *testing.T) {
	for _, v := range []any{nil, true, false, 0, -7, 1.0, 2.5, 1e21, "abc", "True", "12", "a b", "it's", "", "v1.0"} {
		text := renderValue(v)
		got, _, err := parseArgs(text)
		if err != nil || len(got) != 1 || got[0] != v {
			t.Errorf("renderValue(%#v) = %s, parses as %#v, %v", v, text, got, err)
		}
	}
}

func TestConverterArgErrors(t *testing.T) {
	tests := []struct{ spec, err string }{
		{"float(min='a')", "must be a number"},
		{"float(signed=1)", "must be True or False"},
		{"float(min=2, max=1)", "greater than max"},
		{"float(nope=1)", "has no argument"},
		{"string(length=1.5)", "must be an integer"},
		{"string(maxlength='x')", "must be an integer"},
		{"string(minlength=-1)", "bad length bounds"},
		{"string(1, 2, 3, 4)", "at most 3"},
		{"int(fixed_digits=-1)", "bad bounds"},
		{"int(signed='yes')", "must be True or False"},
		{"int(1, fixed_digits=2)", "twice"},
		{"uuid(1)", "at most 0"},
		{"any(a, k=1)", "positional items"},
		{"any(None)", "bad item"},
	}
	for _, tt := range tests {
		t.Run(tt.spec, func(t *testing.T) {
			_, err := parseRule("/<"+tt.spec+":v>", NewMap().converters)
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want %q", tt.spec, err, tt.err)
			}
		})
	}
}

func TestToText(t *testing.T) {
	tests := []struct {
		in   any
		want string
		ok   bool
	}{
		{"s", "s", true}, {[]byte("b"), "b", true}, {UUID{}, "00000000-0000-0000-0000-000000000000", true},
		{true, "True", true}, {false, "False", true}, {1.5, "1.5", true}, {1.0, "1.0", true}, {1e-05, "1e-05", true}, {1e16, "1e+16", true}, {123456.0, "123456.0", true}, {float32(0.5), "0.5", true},
		{int8(-1), "-1", true}, {int16(2), "2", true}, {int32(3), "3", true}, {int64(4), "4", true},
		{uint8(5), "5", true}, {uint16(6), "6", true}, {uint32(7), "7", true}, {uint(8), "8", true},
		{uint64(1 << 63), "9223372036854775808", true}, {uint(1 << 63), "9223372036854775808", true},
		{struct{}{}, "", false}, {nil, "", false},
	}
	for _, tt := range tests {
		got, ok := toText(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("toText(%#v) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&MethodNotAllowedError{Allow: []string{"GET", "HEAD"}}, "routing: method not allowed (allowed: GET, HEAD)"},
		{&OptionsError{Allow: []string{"OPTIONS", "POST"}}, "routing: automatic OPTIONS response (allowed: OPTIONS, POST)"},
		{&RedirectError{Location: "/x/", Code: 308}, `routing: redirect (308) to "/x/"`},
		{&ConflictError{Rule: &Rule{Pattern: "/b"}, Existing: &Rule{Pattern: "/a", Site: "a.go:1"}},
			`rule "/a" (registered at a.go:1) conflicts with rule "/b" (registered at unknown location)`},
		{&BuildError{Endpoint: "e", Reason: "why"}, `could not build url for endpoint "e": why`},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestMethodSetOverlaps(t *testing.T) {
	tests := []struct {
		a, b []string
		want bool
	}{
		{[]string{"PROPFIND"}, []string{"PROPFIND"}, true},
		{[]string{"PROPFIND"}, []string{"MKCOL"}, false},
		{[]string{"GET"}, []string{"TRACE", "CONNECT"}, false},
		{[]string{"CONNECT"}, []string{"TRACE", "CONNECT"}, true},
	}
	for _, tt := range tests {
		var a, b methodSet
		for _, m := range tt.a {
			a.add(m)
		}
		for _, m := range tt.b {
			b.add(m)
		}
		if got := a.overlaps(&b); got != tt.want {
			t.Errorf("%v overlaps %v = %v", tt.a, tt.b, got)
		}
		if got := strings.Join(b.list(), ","); got != strings.Join(slices.Sorted(slices.Values(tt.b)), ",") {
			t.Errorf("list() = %s", got)
		}
	}
}
