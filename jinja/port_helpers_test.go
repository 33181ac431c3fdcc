package jinja

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// portCase is one case ported from Jinja's own test suite (tests/test_*.py
// of Jinja 3.1.2), named after the Jinja test it comes from.
type portCase struct {
	name string
	// src is rendered with FromString; when empty, tmpl is loaded from
	// files instead.
	src   string
	tmpl  string
	files map[string]string
	data  map[string]any
	// want is the expected output; "!Kind" expects an *Error of that Kind,
	// "!Kind: text" one whose message also contains text.
	want string
	// env adjusts the environment (Jinja's Environment(...) arguments).
	env func(*Environment)
	// globals are the template's own globals (from_string(...,
	// globals=...)), given as RenderContext.Globals.
	globals map[string]any
	// native renders with RenderNative (Jinja's NativeEnvironment); the
	// output compared is the value's Python type name, ":" and its repr.
	native bool
	// fields compares the whitespace-separated words of the output (a
	// Jinja test comparing rv.split()), joined by single spaces.
	fields bool
	// skip, when set, is the reason the case cannot pass (the difference
	// is listed in docs/templates.md).
	skip string
}

// noEscape is Jinja's default Environment(): autoescape off everywhere.
func noEscape(string) bool { return false }

// autoescapeOn is Environment(autoescape=True).
func autoescapeOn(e *Environment) { e.Autoescape = func(string) bool { return true } }

// portEnv builds the environment of c: Jinja's defaults (autoescape off),
// the case's files in a map loader, then c.env.
func portEnv(c portCase) *Environment {
	fs := fstest.MapFS{}
	for name, src := range c.files {
		fs[name] = &fstest.MapFile{Data: []byte(src)}
	}
	env := &Environment{Loader: fs, Autoescape: noEscape}
	if c.env != nil {
		c.env(env)
	}
	return env
}

// portRender parses and renders c.
func portRender(c portCase) (string, error) {
	env := portEnv(c)
	var tmpl *Template
	var err error
	if c.src != "" || c.tmpl == "" {
		tmpl, err = env.FromString(c.src)
	} else {
		tmpl, err = env.GetTemplate(c.tmpl)
	}
	if err != nil {
		return "", err
	}
	if c.native {
		v, err := tmpl.RenderNative(c.data)
		if err != nil {
			return "", err
		}
		return typeName(normalize(v)) + ":" + repr(normalize(v)), nil
	}
	var b strings.Builder
	err = tmpl.ExecuteContext(&b, RenderContext{Vars: c.data, Globals: c.globals})
	return b.String(), err
}

// checkPort compares what rendering gave with c.want.
func checkPort(t *testing.T, want, got string, err error) {
	t.Helper()
	if kind, ok := strings.CutPrefix(want, "!"); ok {
		kind, msg, _ := strings.Cut(kind, ": ")
		var je *Error
		if !errors.As(err, &je) || je.Kind != kind || !strings.Contains(je.Msg, msg) {
			t.Fatalf("got %q, %v; want %s error containing %q", got, err, kind, msg)
		}
		return
	}
	if err != nil || got != want {
		t.Fatalf("got %q, %v;\nwant %q", got, err, want)
	}
}

// runPort runs the ported cases as subtests.
func runPort(t *testing.T, cases []portCase) {
	t.Helper()
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Fatalf("duplicate case name %q", c.name)
		}
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			if c.skip != "" {
				t.Skip(c.skip)
			}
			got, err := portRender(c)
			if c.fields {
				got = strings.Join(strings.Fields(got), " ")
			}
			checkPort(t, c.want, got, err)
		})
	}
}

// magic is test_filters.py's Magic: an object with a value attribute
// whose str() is str(value).
type magic struct{ Value any }

func (m magic) String() string { return toStr(normalize(m.Value)) }

// magic2 is test_filters.py's Magic2.
type magic2 struct{ Value1, Value2 any }

func (m magic2) String() string {
	return "(" + toStr(normalize(m.Value1)) + "," + toStr(normalize(m.Value2)) + ")"
}

func magics(vs ...any) []any {
	out := make([]any, len(vs))
	for i, v := range vs {
		out[i] = magic{v}
	}
	return out
}

// strictUndefined is Environment(undefined=StrictUndefined).
func strictUndefined(e *Environment) { e.Undefined = StrictUndefined }
