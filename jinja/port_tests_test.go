package jinja

import (
	"strings"
	"testing"
)

// myDict stands for test_tests.py's MyDict (a dict subclass).
type myDict map[string]any

// TestTests ports Jinja's tests/test_tests.py.
func TestTests(t *testing.T) {
	cases := []portCase{
		{name: "test_defined", src: "{{ missing is defined }}|{{ true is defined }}", want: "False|True"},
		{name: "test_even", src: "{{ 1 is even }}|{{ 2 is even }}", want: "False|True"},
		{name: "test_odd", src: "{{ 1 is odd }}|{{ 2 is odd }}", want: "True|False"},
		{name: "test_lower", src: `{{ "foo" is lower }}|{{ "FOO" is lower }}`, want: "True|False"},
		{name: "test_upper", src: `{{ "FOO" is upper }}|{{ "foo" is upper }}`, want: "True|False"},
		{name: "test_equalto", src: `{{ foo is eq 12 }}|{{ foo is eq 0 }}|{{ foo is eq (3 * 4) }}|{{ bar is eq "baz" }}|{{ bar is eq "zab" }}|{{ bar is eq ("ba" + "z") }}|{{ bar is eq bar }}|{{ bar is eq foo }}`,
			data: map[string]any{"foo": 12, "bar": "baz"}, want: "True|False|True|True|False|True|True|False"},
		{name: "test_sameas", src: "{{ foo is sameas false }}|{{ 0 is sameas false }}", data: map[string]any{"foo": false}, want: "True|False"},
		{name: "test_no_paren_for_arg1", src: "{{ foo is sameas none }}", data: map[string]any{"foo": nil}, want: "True"},
		{name: "test_escaped", src: "{{ x is escaped }}|{{ y is escaped }}", env: autoescapeOn, data: map[string]any{"x": "foo", "y": Markup("foo")}, want: "False|True"},
		{name: "test_greaterthan", src: "{{ 1 is greaterthan 0 }}|{{ 0 is greaterthan 1 }}", want: "True|False"},
		{name: "test_lessthan", src: "{{ 0 is lessthan 1 }}|{{ 1 is lessthan 0 }}", want: "True|False"},
		{name: "test_in", src: `{{ "o" is in "foo" }}|{{ "foo" is in "foo" }}|{{ "b" is in "foo" }}|{{ 1 is in ((1, 2)) }}|{{ 3 is in ((1, 2)) }}|{{ 1 is in [1, 2] }}|{{ 3 is in [1, 2] }}|{{ "foo" is in {"foo": 1}}}|{{ "baz" is in {"bar": 1}}}`,
			want: "True|True|False|True|False|True|False|True|False"},
		{name: "test_name_undefined", src: "{{ x is f }}", want: "!TemplateAssertionError: No test named 'f'"},
		{name: "test_name_undefined_in_if/undefined", src: "{% if x is defined %}{{ x is f }}{% endif %}", want: ""},
		{name: "test_name_undefined_in_if/defined", src: "{% if x is defined %}{{ x is f }}{% endif %}", data: map[string]any{"x": 1}, want: "!TemplateRuntimeError: No test named 'f'"},
		{name: "test_multiple_tests", src: "{{ 'us-west-1' is matching '(us-east-1|ap-northeast-1)' or 'stage' is matching '(dev|stage)' }}|{{ calls|join(';') }}",
			env: func(e *Environment) {
				e.Tests = map[string]any{"matching": func(x, y string) bool { matchingCalls = append(matchingCalls, x+","+y); return false }}
			}, want: "False|"},
		{name: "test_is_filter", src: "{{ 'title' is filter }}|{{ 'bad-name' is filter }}", want: "True|False"},
		{name: "test_is_test", src: "{{ 'number' is test }}|{{ 'bad-name' is test }}", want: "True|False"},
	}
	for _, op := range []struct {
		op   string
		want bool
	}{
		{"eq 2", true}, {"eq 3", false}, {"ne 3", true}, {"ne 2", false}, {"lt 3", true}, {"lt 2", false},
		{"le 2", true}, {"le 1", false}, {"gt 1", true}, {"gt 2", false}, {"ge 2", true}, {"ge 3", false},
	} {
		cases = append(cases, portCase{name: "test_compare_aliases/" + op.op, src: "{{ 2 is " + op.op + " }}", want: pyBool(op.want)})
	}
	types := `none is none:T false is none:F true is none:F 42 is none:F none is true:F false is true:F true is true:T 0 is true:F 1 is true:F 42 is true:F
none is false:F false is false:T true is false:F 0 is false:F 1 is false:F 42 is false:F none is boolean:F false is boolean:T true is boolean:T
0 is boolean:F 1 is boolean:F 42 is boolean:F 0.0 is boolean:F 1.0 is boolean:F 3.14159 is boolean:F none is integer:F false is integer:F
true is integer:F 42 is integer:T 3.14159 is integer:F (10 ** 100) is integer:T none is float:F false is float:F true is float:F 42 is float:F
4.2 is float:T (10 ** 100) is float:F none is number:F false is number:T true is number:T 42 is number:T 3.14159 is number:T complex is number:T
(10 ** 100) is number:T none is string:F false is string:F true is string:F 42 is string:F "foo" is string:T none is sequence:F false is sequence:F
42 is sequence:F "foo" is sequence:T [] is sequence:T [1, 2, 3] is sequence:T {} is sequence:T none is mapping:F false is mapping:F 42 is mapping:F
"foo" is mapping:F [] is mapping:F {} is mapping:T mydict is mapping:T none is iterable:F false is iterable:F 42 is iterable:F "foo" is iterable:T
[] is iterable:T {} is iterable:T range(5) is iterable:T none is callable:F false is callable:F 42 is callable:F "foo" is callable:F [] is callable:F
{} is callable:F range is callable:T`
	for _, tc := range splitTypeCases(types) {
		cases = append(cases, portCase{name: "test_types/" + tc[0], src: "{{ " + tc[0] + " }}",
			data: map[string]any{"mydict": myDict{}, "complex": complex(1, 2)}, want: tc[1]})
	}
	matchingCalls = nil
	runPort(t, cases)
	want := []string{"us-west-1,(us-east-1|ap-northeast-1)", "stage,(dev|stage)"}
	if strings.Join(matchingCalls, ";") != strings.Join(want, ";") {
		t.Errorf("test_multiple_tests: matching called with %q, want %q", matchingCalls, want)
	}
}

// matchingCalls records test_multiple_tests' calls of its matching test.
var matchingCalls []string

// splitTypeCases reads "expr:T expr:F ..." into (expr, "True"/"False").
func splitTypeCases(s string) [][2]string {
	var out [][2]string
	s = strings.ReplaceAll(s, "\n", " ")
	for s != "" {
		i := strings.Index(s, ":")
		expr, res := strings.TrimSpace(s[:i]), s[i+1:i+2]
		out = append(out, [2]string{expr, map[string]string{"T": "True", "F": "False"}[res]})
		s = strings.TrimSpace(s[i+2:])
	}
	return out
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}
