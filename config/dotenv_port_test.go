package config

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Ports of python-dotenv's tests: tests/test_parser.py (test_parse_stream),
// tests/test_variables.py (test_parse_variables) and tests/test_main.py
// (test_dotenv_values_string_io and the load_dotenv cases Flask relies on).
// Case names are the parametrize inputs.

// bind is a binding with a key and a value.
func bind(key, value, original string, line int) dotenvBinding {
	return dotenvBinding{Key: key, HasKey: true, Value: value, HasValue: true, Original: original, Line: line}
}

// bindNoValue is a key without "=" (python-dotenv's value None).
func bindNoValue(key, original string, line int) dotenvBinding {
	return dotenvBinding{Key: key, HasKey: true, Original: original, Line: line}
}

// blank is a binding without a key: blank lines and comments.
func blank(original string, line int) dotenvBinding {
	return dotenvBinding{Original: original, Line: line}
}

// bad is a statement python-dotenv cannot parse (error=True).
func bad(original string, line int) dotenvBinding {
	return dotenvBinding{Original: original, Line: line, Error: true}
}

// dotenvParseStreamCases are test_parse_stream's parameters.
var dotenvParseStreamCases = []struct {
	input string
	want  []dotenvBinding
}{
	{"", nil},
	{"a=b", []dotenvBinding{bind("a", "b", "a=b", 1)}},
	{"'a'=b", []dotenvBinding{bind("a", "b", "'a'=b", 1)}},
	{"[=b", []dotenvBinding{bind("[", "b", "[=b", 1)}},
	{" a = b ", []dotenvBinding{bind("a", "b", " a = b ", 1)}},
	{"export a=b", []dotenvBinding{bind("a", "b", "export a=b", 1)}},
	{" export 'a'=b", []dotenvBinding{bind("a", "b", " export 'a'=b", 1)}},
	{"# a=b", []dotenvBinding{blank("# a=b", 1)}},
	{"a=b#c", []dotenvBinding{bind("a", "b#c", "a=b#c", 1)}},
	{"a=b #c", []dotenvBinding{bind("a", "b", "a=b #c", 1)}},
	{"a=b\t#c", []dotenvBinding{bind("a", "b", "a=b\t#c", 1)}},
	{"a=b c", []dotenvBinding{bind("a", "b c", "a=b c", 1)}},
	{"a=b\tc", []dotenvBinding{bind("a", "b\tc", "a=b\tc", 1)}},
	{"a=b  c", []dotenvBinding{bind("a", "b  c", "a=b  c", 1)}},
	{"a=b\u00a0 c", []dotenvBinding{bind("a", "b\u00a0 c", "a=b\u00a0 c", 1)}},
	{"a=b c ", []dotenvBinding{bind("a", "b c", "a=b c ", 1)}},
	{"a='b c '", []dotenvBinding{bind("a", "b c ", "a='b c '", 1)}},
	{`a="b c "`, []dotenvBinding{bind("a", "b c ", `a="b c "`, 1)}},
	{"export export_a=1", []dotenvBinding{bind("export_a", "1", "export export_a=1", 1)}},
	{"export port=8000", []dotenvBinding{bind("port", "8000", "export port=8000", 1)}},
	{"a=\"b\nc\"", []dotenvBinding{bind("a", "b\nc", "a=\"b\nc\"", 1)}},
	{"a='b\nc'", []dotenvBinding{bind("a", "b\nc", "a='b\nc'", 1)}},
	{`a="b\nc"`, []dotenvBinding{bind("a", "b\nc", `a="b\nc"`, 1)}},
	{`a='b\nc'`, []dotenvBinding{bind("a", `b\nc`, `a='b\nc'`, 1)}},
	{`a="b\"c"`, []dotenvBinding{bind("a", `b"c`, `a="b\"c"`, 1)}},
	{`a='b\'c'`, []dotenvBinding{bind("a", "b'c", `a='b\'c'`, 1)}},
	{"a=à", []dotenvBinding{bind("a", "à", "a=à", 1)}},
	{`a="à"`, []dotenvBinding{bind("a", "à", `a="à"`, 1)}},
	{"no_value_var", []dotenvBinding{bindNoValue("no_value_var", "no_value_var", 1)}},
	{"a: b", []dotenvBinding{bad("a: b", 1)}},
	{"a=b\nc=d", []dotenvBinding{bind("a", "b", "a=b\n", 1), bind("c", "d", "c=d", 2)}},
	{"a=b\rc=d", []dotenvBinding{bind("a", "b", "a=b\r", 1), bind("c", "d", "c=d", 2)}},
	{"a=b\r\nc=d", []dotenvBinding{bind("a", "b", "a=b\r\n", 1), bind("c", "d", "c=d", 2)}},
	{"a=\nb=c", []dotenvBinding{bind("a", "", "a=\n", 1), bind("b", "c", "b=c", 2)}},
	{"\n\n", []dotenvBinding{blank("\n\n", 1)}},
	{"a=b\n\n", []dotenvBinding{bind("a", "b", "a=b\n", 1), blank("\n", 2)}},
	{"a=b\n\nc=d", []dotenvBinding{bind("a", "b", "a=b\n", 1), bind("c", "d", "\nc=d", 2)}},
	{"a=\"\nb=c", []dotenvBinding{bad("a=\"\n", 1), bind("b", "c", "b=c", 2)}},
	{"# comment\na=\"b\nc\"\nd=e\n", []dotenvBinding{
		blank("# comment\n", 1), bind("a", "b\nc", "a=\"b\nc\"\n", 2), bind("d", "e", "d=e\n", 4)}},
	{"a=b\n# comment 1", []dotenvBinding{bind("a", "b", "a=b\n", 1), blank("# comment 1", 2)}},
	{"# comment 1\n# comment 2", []dotenvBinding{blank("# comment 1\n", 1), blank("# comment 2", 2)}},
	{"uglyKey[%$=\"S3cr3t_P4ssw#rD\" #\na=b", []dotenvBinding{
		bind("uglyKey[%$", "S3cr3t_P4ssw#rD", "uglyKey[%$=\"S3cr3t_P4ssw#rD\" #\n", 1), bind("a", "b", "a=b", 2)}},
	{"\ufeffa=b", []dotenvBinding{bind("a", "b", "a=b", 1)}},
	{"\ufeffa=b\nc=d", []dotenvBinding{bind("a", "b", "a=b\n", 1), bind("c", "d", "c=d", 2)}},
}

func TestDotenvPortParseStream(t *testing.T) {
	for _, tc := range dotenvParseStreamCases {
		t.Run("test_parse_stream/"+tc.input, func(t *testing.T) {
			got := parseDotenvBindings(tc.input)
			if len(got) != len(tc.want) {
				t.Fatalf("parse(%q) = %+v, want %+v", tc.input, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("binding %d of %q = %+v, want %+v", i, tc.input, got[i], tc.want[i])
				}
			}
		})
	}
}

// lit and variable build the atoms of test_parse_variables.
func lit(s string) dotenvAtom { return dotenvAtom{Literal: s} }

func variable(name string, def ...string) dotenvAtom {
	a := dotenvAtom{Variable: true, Name: name}
	if len(def) > 0 {
		a.Default, a.HasDefault = def[0], true
	}
	return a
}

func TestDotenvPortParseVariables(t *testing.T) {
	tests := []struct {
		value string
		want  []dotenvAtom
	}{
		{"", nil},
		{"a", []dotenvAtom{lit("a")}},
		{"${a}", []dotenvAtom{variable("a")}},
		{"${a:-b}", []dotenvAtom{variable("a", "b")}},
		{"${a}${b}", []dotenvAtom{variable("a"), variable("b")}},
		{"a${b}c${d}e", []dotenvAtom{lit("a"), variable("b"), lit("c"), variable("d"), lit("e")}},
	}
	for _, tc := range tests {
		t.Run("test_parse_variables/"+tc.value, func(t *testing.T) {
			got := parseDotenvVariables(tc.value)
			if len(got) != len(tc.want) {
				t.Fatalf("parse(%q) = %+v, want %+v", tc.value, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("atom %d = %+v, want %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// dotenvValuesCases are test_dotenv_values_string_io's parameters.
var dotenvValuesCases = []struct {
	name        string
	env         map[string]string
	input       string
	interpolate bool
	want        map[string]string
}{
	{"defined in environment, no interpolation, bare", map[string]string{"b": "c"}, "a=$b", false, map[string]string{"a": "$b"}},
	{"defined in environment, bare", map[string]string{"b": "c"}, "a=$b", true, map[string]string{"a": "$b"}},
	{"defined in environment, no interpolation", map[string]string{"b": "c"}, "a=${b}", false, map[string]string{"a": "${b}"}},
	{"defined in environment", map[string]string{"b": "c"}, "a=${b}", true, map[string]string{"a": "c"}},
	{"defined in environment, no interpolation, default", map[string]string{"b": "c"}, "a=${b:-d}", false, map[string]string{"a": "${b:-d}"}},
	{"defined in environment, default", map[string]string{"b": "c"}, "a=${b:-d}", true, map[string]string{"a": "c"}},
	{"defined in file", nil, "b=c\na=${b}", true, map[string]string{"a": "c", "b": "c"}},
	{"undefined", nil, "a=${b}", true, map[string]string{"a": ""}},
	{"undefined, default", nil, "a=${b:-d}", true, map[string]string{"a": "d"}},
	{"with double quotes", map[string]string{"b": "c"}, `a="${b}"`, true, map[string]string{"a": "c"}},
	{"with single quotes", map[string]string{"b": "c"}, "a='${b}'", true, map[string]string{"a": "c"}},
	{"with surrounding text", map[string]string{"b": "c"}, "a=x${b}y", true, map[string]string{"a": "xcy"}},
	{"self-referential, in environment", map[string]string{"a": "b"}, "a=${a}", true, map[string]string{"a": "b"}},
	{"self-referential", nil, "a=${a}", true, map[string]string{"a": ""}},
	{"self-referential, in environment, default", map[string]string{"a": "b"}, "a=${a:-c}", true, map[string]string{"a": "b"}},
	{"self-referential, default", nil, "a=${a:-c}", true, map[string]string{"a": "c"}},
	{"reused", map[string]string{"b": "c"}, "a=${b}${b}", true, map[string]string{"a": "cc"}},
	{"re-defined and used in file, in environment", map[string]string{"b": "c"}, "b=d\na=${b}", true, map[string]string{"a": "d", "b": "d"}},
	{"re-defined and used in file", nil, "a=b\na=c\nd=${a}", true, map[string]string{"a": "c", "d": "c"}},
	{"re-defined and used in file, twice", nil, "a=b\nc=${a}\nd=e\nc=${d}", true, map[string]string{"a": "b", "c": "e", "d": "e"}},
}

// lookupIn looks names up in env only.
func lookupIn(env map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := env[k]; return v, ok }
}

func TestDotenvPortValuesStringIO(t *testing.T) {
	for _, tc := range dotenvValuesCases {
		t.Run("test_dotenv_values_string_io/"+tc.name, func(t *testing.T) {
			got, err := dotenvValues(parseDotenvBindings(tc.input), tc.interpolate, lookupIn(tc.env))
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(presentValues(got), tc.want) || len(got) != len(tc.want) {
				t.Errorf("dotenv_values(%q) = %v, want %v", tc.input, presentValues(got), tc.want)
			}
		})
	}
}

// presentValues drops the keys without a value, as Flask's load_dotenv.
func presentValues(values []dotenvValue) map[string]string {
	m := map[string]string{}
	for _, v := range values {
		if v.Set {
			m[v.Key] = v.Value
		}
	}
	return m
}

func TestDotenvPortValuesNone(t *testing.T) {
	// A key without "=" is None in dotenv_values; it hides the environment
	// from later ${...} references (resolve_variables stores None, which
	// resolves to ""), and Flask's load_dotenv does not set it.
	got, err := dotenvValues(parseDotenvBindings("b\na=${b:-d}\nc=${b}"), true, lookupIn(map[string]string{"b": "env"}))
	if err != nil {
		t.Fatal(err)
	}
	want := []dotenvValue{{Key: "b"}, {Key: "a", Set: true}, {Key: "c", Set: true}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("value %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestDotenvPortLoad ports the load_dotenv cases of tests/test_main.py as
// Flask uses them (override=False: the environment wins; a file's own values
// feed ${...} inside it, as dotenv_values does in Flask's load_dotenv).
// "K_" in the content stands for a prefix that keeps the test's variables
// apart from the real environment.
func TestDotenvPortLoad(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		content string
		want    map[string]string // nil: an error
	}{
		{"test_load_dotenv_existing_file", nil, "K_a=b", map[string]string{"a": "b"}},
		{"test_load_dotenv_existing_variable_no_override", map[string]string{"a": "c"}, "K_a=b", map[string]string{"a": "c"}},
		{"test_load_dotenv_redefine_var_used_in_file_no_override (Flask 3)", map[string]string{"a": "c"},
			"K_a=b\nK_d=\"${K_a}\"", map[string]string{"a": "c", "d": "b"}},
		{"test_load_dotenv_string_io_utf_8", nil, "K_a=à", map[string]string{"a": "à"}},
		{"no value is not set", nil, "K_a\nK_b=", map[string]string{"b": ""}},
		{"invalid line is an error", nil, "K_a=1\nK_b: c\n", nil},
	}
	const prefix = "FLAGON_DOTENV_PORT_"
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			content := strings.ReplaceAll(tc.content, "K_", prefix)
			root := dotenvTree(t, map[string]string{"app/.env": content})
			for _, k := range []string{"a", "b", "d"} {
				unsetForTest(t, prefix+k)
			}
			for k, v := range tc.env {
				t.Setenv(prefix+k, v)
			}
			_, err := LoadDotenv(filepath.Join(root, "app"))
			if tc.want == nil {
				if err == nil || os.Getenv(prefix+"a") != "" {
					t.Fatalf("err = %v, a = %q: want an error and nothing loaded", err, os.Getenv(prefix+"a"))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{"a", "b", "d"} {
				want, wantSet := tc.want[k]
				got, set := os.LookupEnv(prefix + k)
				if got != want || set != wantSet {
					t.Errorf("%s = %q (set %v), want %q (set %v)", k, got, set, want, wantSet)
				}
			}
		})
	}
}

// TestDotenvPortFlaskMerge ports the merge of Flask's load_dotenv: data |=
// dotenv_values(file) from the lowest precedence (.flagonenv, Flask's
// .flaskenv) to the highest (the -e file), so that a key without "=" in a
// file of higher precedence hides the value of a lower one; and each file
// is interpolated on its own, before anything is set.
func TestDotenvPortFlaskMerge(t *testing.T) {
	const a, b = "FLAGON_DOTENV_MERGE_A", "FLAGON_DOTENV_MERGE_B"
	tests := []struct {
		name  string
		files map[string]string
		want  map[string]string
	}{
		{"bare key in .env hides .flagonenv", map[string]string{"app/.env": a + "\n", "app/.flagonenv": a + "=1\n"}, map[string]string{}},
		{"bare key in .flagonenv does not hide .env", map[string]string{"app/.env": a + "=2\n", "app/.flagonenv": a + "\n"}, map[string]string{a: "2"}},
		{"no interpolation across files", map[string]string{"app/.env": b + "=x${" + a + "}\n", "app/.flagonenv": a + "=1\n"},
			map[string]string{a: "1", b: "x"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := dotenvTree(t, tc.files)
			unsetForTest(t, a)
			unsetForTest(t, b)
			if _, err := LoadDotenv(filepath.Join(root, "app")); err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{a, b} {
				want, wantSet := tc.want[k]
				if got, set := os.LookupEnv(k); got != want || set != wantSet {
					t.Errorf("%s = %q (set %v), want %q (set %v)", k, got, set, want, wantSet)
				}
			}
		})
	}
}
