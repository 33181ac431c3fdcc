package jinja

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// stuff stands for test_security.py's PrivateStuff and PublicStuff: Bar
// is allowed, Foo is not (Python's @unsafe).
type stuff struct{ calls *int }

func (s stuff) Bar() int { return 23 }
func (s stuff) Foo() int { *s.calls++; return 42 }

// renderSandboxed renders src in a sandboxed environment that allows only
// the method Bar.
func renderSandboxed(src string, data map[string]any) (string, error) {
	env := &Environment{Sandboxed: true, AllowMethod: func(_ reflect.Type, name string) bool { return name == "Bar" }}
	tmpl, err := env.FromString(src)
	if err != nil {
		return "", err
	}
	return tmpl.Render(data)
}

// TestSandbox ports Jinja's tests/test_security.py (TestSandbox,
// TestStringFormat, TestStringFormatMap); "!Kind" expects that error.
func TestSandbox(t *testing.T) {
	calls := 0
	data := map[string]any{"foo": stuff{&calls}, "n": 42, "seq": []int{1}}
	cases := []struct{ name, src, want string }{
		{"test_unsafe/unsafe method", "{{ foo.foo() }}", "!SecurityError"},
		{"test_unsafe/safe method", "{{ foo.bar() }}", "23"},
		{"test_unsafe/private method", "{{ foo._foo() }}", "!SecurityError"},
		{"test_unsafe/private attribute prints empty", "{{ n.__class__ }}", ""},
		{"test_unsafe/security error comes from __class__ already", "{{ n.__class__.__subclasses__() }}", "!SecurityError"},
		{"test_unsafe/unsafe method read as property prints empty", "[{{ foo.foo }}]", "[]"},
		{"test_restricted/attribute loop target", "{% for item.attribute in seq %}...{% endfor %}", "!TemplateSyntaxError"},
		{"test_restricted/attribute in tuple target", "{% for foo, bar.baz in seq %}...{% endfor %}", "!TemplateSyntaxError"},
		{"test_attr_filter", `{{ n|attr("__subclasses__")() }}`, "!SecurityError"},
		{"TestStringFormat::test_basic_format_safety", `{{ "a{0.__class__}b".format(42) }}`, "ab"},
		{"TestStringFormat::test_basic_format_all_okay", `{{ "a{0.foo}b".format({"foo": 42}) }}`, "a42b"},
		{"TestStringFormat::test_safe_format_safety", `{{ ("a{0.__class__}b{1}"|safe).format(42, "<foo>") }}`, "ab&lt;foo&gt;"},
		{"TestStringFormat::test_safe_format_all_okay", `{{ ("a{0.foo}b{1}"|safe).format({"foo": 42}, "<foo>") }}`, "a42b&lt;foo&gt;"},
		{"TestStringFormat::test_empty_braces_format", `{{ ("a{}b{}").format("foo", "42")}}|{{ ("a{}b{}"|safe).format(42, "<foo>") }}`, "afoob42|a42b&lt;foo&gt;"},
		{"TestStringFormatMap::test_basic_format_safety", `{{ "a{x.__class__}b".format_map({"x":42}) }}`, "ab"},
		{"TestStringFormatMap::test_basic_format_all_okay", `{{ "a{x.foo}b".format_map({"x":{"foo": 42}}) }}`, "a42b"},
		{"TestStringFormatMap::test_safe_format_all_okay", `{{ ("a{x.foo}b{y}"|safe).format_map({"x":{"foo": 42}, "y":"<foo>"}) }}`, "a42b&lt;foo&gt;"},
		{"TestStringFormatMap::test_attr_filter", `{{ "{0.__call__.__builtins__[__import__]}"|attr("format")(not_here) }}`, "!SecurityError"},
		{"private dict key is an item", `{{ {"_k": 1}._k }}`, "1"},
		{"go method of time.Time allowed", "{{ t.year }}", "2024"},
		{"range capped at MAX_RANGE", "{{ range(100001)|length }}", "!OverflowError"},
		{"string repetition bounded", "{{ ('a' * 10**9)|length }}", "!MemoryError"},
	}
	data["t"] = time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := renderSandboxed(c.src, data)
			checkResult(t, got, err, c.want)
		})
	}
	if calls != 0 {
		t.Fatalf("a method the sandbox refuses was called %d times", calls)
	}
}

// checkResult compares a render with want, which is "!Kind" for an error.
func checkResult(t *testing.T, got string, err error, want string) {
	t.Helper()
	if kind, ok := strings.CutPrefix(want, "!"); ok {
		var e *Error
		if !errors.As(err, &e) || e.Kind != kind {
			t.Fatalf("got %q, %v; want a %s", got, err, kind)
		}
		return
	}
	if err != nil || got != want {
		t.Fatalf("got %q, %v; want %q", got, err, want)
	}
}

// TestUnsandboxedMethods: without Sandboxed, every exported method is
// reachable (as in Flask's Jinja) unless AllowMethod refuses it, which
// makes it undefined rather than a SecurityError.
func TestUnsandboxedMethods(t *testing.T) {
	calls := 0
	data := map[string]any{"foo": stuff{&calls}}
	cases := []struct {
		name  string
		allow func(reflect.Type, string) bool
		src   string
		want  string
	}{
		{"every exported method", nil, "{{ foo.foo() }} {{ foo.bar }}", "42 23"},
		{"AllowMethod refuses", func(_ reflect.Type, n string) bool { return n == "Bar" }, "{{ foo.foo() }}", "!UndefinedError"},
		{"AllowMethod refused method prints empty", func(_ reflect.Type, n string) bool { return n == "Bar" }, "[{{ foo.foo }}]", "[]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := &Environment{AllowMethod: c.allow}
			tmpl, err := env.FromString(c.src)
			if err != nil {
				t.Fatal(err)
			}
			got, err := tmpl.Render(data)
			checkResult(t, got, err, c.want)
		})
	}
}

// TestLoaderNames checks template names as Jinja's split_template_path
// reads them: "." and empty pieces dropped, "..", backslashes and NUL
// refused with TemplateNotFound.
func TestLoaderNames(t *testing.T) {
	env := &Environment{Loader: fstest.MapFS{"a/b.html": {Data: []byte("B")}, "a\\b.html": {Data: []byte("BACKSLASH")}}}
	cases := []struct{ name, tmpl, want string }{
		{"plain", "a/b.html", "B"},
		{"dot pieces dropped", "./a/./b.html", "B"},
		{"empty pieces dropped", "a//b.html", "B"},
		{"leading slash dropped", "/a/b.html", "B"},
		{"dotdot refused even when it stays inside", "a/../a/b.html", "!TemplateNotFound"},
		{"backslash refused", "a\\b.html", "!TemplateNotFound"},
		{"NUL refused", "a/b.html\x00", "!TemplateNotFound"},
		{"empty name", "", "!TemplateNotFound"},
		{"only dots", "./.", "!TemplateNotFound"},
		{"directory", "a", "!TemplateNotFound"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got string
			tmpl, err := env.GetTemplate(c.tmpl)
			if err == nil {
				got, err = tmpl.Render(nil)
			}
			checkResult(t, got, err, c.want)
		})
	}
}

// TestSymlinkOutOfRootRefused: with an os.Root loader (as flagon's
// default templates folder), a symbolic link leading out of the folder is
// not followed; one inside it is.
func TestSymlinkOutOfRootRefused(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "templates")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{filepath.Join(dir, "secret.txt"): "SECRET", filepath.Join(root, "page.html"): "PAGE"}
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(root, "out.html")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink("page.html", filepath.Join(root, "in.html")); err != nil {
		t.Fatal(err)
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	env := &Environment{Loader: r.FS()}
	for name, want := range map[string]string{"out.html": "!TemplateNotFound", "in.html": "PAGE"} {
		t.Run(name, func(t *testing.T) {
			var got string
			tmpl, err := env.GetTemplate(name)
			if err == nil {
				got, err = tmpl.Render(nil)
			}
			checkResult(t, got, err, want)
		})
	}
}

// TestHostileLimits: recursion and sizes fail with a clear error, never
// a Go stack overflow or an allocation the process cannot survive.
func TestHostileLimits(t *testing.T) {
	env := &Environment{Loader: fstest.MapFS{
		"self.html":  {Data: []byte(`{% extends "self.html" %}`)},
		"a.html":     {Data: []byte(`{% extends "b.html" %}`)},
		"b.html":     {Data: []byte(`{% extends "a.html" %}`)},
		"loop.html":  {Data: []byte(`{% include "loop.html" %}`)},
		"imp.html":   {Data: []byte(`{% import "imp.html" as m %}`)},
		"bad.html":   {Data: []byte("ok\nbad \xff here")},
		"macro.html": {Data: []byte(`{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}`)},
	}}
	cases := []struct{ name, src, want string }{
		{"extends itself", `{% include "self.html" %}`, "!RecursionError"},
		{"extends cycle", `{% include "a.html" %}`, "!RecursionError"},
		{"include cycle", `{% include "loop.html" %}`, "!RecursionError"},
		{"import cycle", `{% include "imp.html" %}`, "!RecursionError"},
		{"macro recursion", `{% include "macro.html" %}`, "!RecursionError"},
		{"invalid UTF-8 in template source", `{% include "bad.html" %}`, "!UnicodeDecodeError"},
		{"string repetition", `{{ 'a' * 10**9 }}`, "!MemoryError"},
		{"huge repetition count", `{{ 'aa' * 2**62 }}`, "!MemoryError"},
		{"list repetition", `{{ [1] * 10**9 }}`, "!MemoryError"},
		{"printf width", `{{ '%1000000000d' % 1 }}`, "!MemoryError"},
		{"printf precision", `{{ '%.1000000000f' % 1 }}`, "!MemoryError"},
		{"format width", `{{ '{:1000000000}'.format(1) }}`, "!MemoryError"},
		{"center width", `{{ 'x'|center(1000000000) }}`, "!MemoryError"},
		{"indent width", `{{ 'x\ny'|indent(1000000000) }}`, "!MemoryError"},
		{"ljust width", `{{ 'x'.ljust(1000000000) }}`, "!MemoryError"},
		{"zfill width", `{{ 'x'.zfill(1000000000) }}`, "!MemoryError"},
		{"tojson indent", `{{ [1]|tojson(1000000000) }}`, "!MemoryError"},
		{"range", `{{ range(10**9)|length }}`, "!OverflowError"},
		{"small repetition still works", `{{ 'ab' * 3 }}`, "ababab"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got string
			tmpl, err := env.FromString(c.src)
			if err == nil {
				got, err = tmpl.Render(nil)
			}
			checkResult(t, got, err, c.want)
		})
	}
}

// TestInvalidUTF8InData: invalid UTF-8 in a value is written as U+FFFD
// (one per maximal invalid subpart, as Python's errors="replace"),
// escaped or not.
func TestInvalidUTF8InData(t *testing.T) {
	env := &Environment{Loader: fstest.MapFS{
		"t.html": {Data: []byte("{{ v }}|{{ m }}")},
		"t.txt":  {Data: []byte("{{ v }}|{{ m }}")},
	}}
	data := map[string]any{"v": "a\xffb\xe2\x82", "m": Markup("<b>\xff</b>")}
	for name, want := range map[string]string{"t.html": "a\uFFFDb\uFFFD|<b>\uFFFD</b>", "t.txt": "a\uFFFDb\uFFFD|<b>\uFFFD</b>"} {
		t.Run(name, func(t *testing.T) {
			tmpl, err := env.GetTemplate(name)
			if err != nil {
				t.Fatal(err)
			}
			got, err := tmpl.Render(data)
			checkResult(t, got, err, want)
		})
	}
}
