package jinja

import "testing"

// importFiles and importEnv are test_imports.py's test_env fixture.
var importFiles = map[string]string{
	"module":    "{% macro test() %}[{{ foo }}|{{ bar }}]{% endmacro %}",
	"header":    "[{{ foo }}|{{ 23 }}]",
	"o_printer": "({{ o }})",
}

func importEnv(e *Environment) { e.Globals = map[string]any{"bar": 23} }

// TestImports ports TestImports of Jinja's tests/test_imports.py.
func TestImports(t *testing.T) {
	foo := map[string]any{"foo": 42}
	cases := []portCase{
		{name: "test_context_imports/import", src: `{% import "module" as m %}{{ m.test() }}`, data: foo, want: "[|23]"},
		{name: "test_context_imports/import_without", src: `{% import "module" as m without context %}{{ m.test() }}`, data: foo, want: "[|23]"},
		{name: "test_context_imports/import_with", src: `{% import "module" as m with context %}{{ m.test() }}`, data: foo, want: "[42|23]"},
		{name: "test_context_imports/from", src: `{% from "module" import test %}{{ test() }}`, data: foo, want: "[|23]"},
		{name: "test_context_imports/from_without", src: `{% from "module" import test without context %}{{ test() }}`, data: foo, want: "[|23]"},
		{name: "test_context_imports/from_with", src: `{% from "module" import test with context %}{{ test() }}`, data: foo, want: "[42|23]"},
		{name: "test_import_needs_name/one", src: `{% if false %}{% from "foo" import bar %}{% endif %}`, want: ""},
		{name: "test_import_needs_name/two", src: `{% if false %}{% from "foo" import bar, baz %}{% endif %}`, want: ""},
		{name: "test_import_needs_name/none", src: `{% from "foo" import %}`, want: "!TemplateSyntaxError"},
		{name: "test_no_trailing_comma/1", src: `{% from "foo" import bar, %}`, want: "!TemplateSyntaxError"},
		{name: "test_no_trailing_comma/2", src: `{% from "foo" import bar,, %}`, want: "!TemplateSyntaxError"},
		{name: "test_no_trailing_comma/3", src: `{% from "foo" import, %}`, want: "!TemplateSyntaxError"},
		{name: "test_trailing_comma_with_context/1", src: `{% if false %}{% from "foo" import bar, baz with context %}{% endif %}`, want: ""},
		{name: "test_trailing_comma_with_context/2", src: `{% if false %}{% from "foo" import bar, baz, with context %}{% endif %}`, want: ""},
		{name: "test_trailing_comma_with_context/3", src: `{% if false %}{% from "foo" import bar, with context %}{% endif %}`, want: ""},
		{name: "test_trailing_comma_with_context/4", src: `{% if false %}{% from "foo" import bar, with, context %}{% endif %}`, want: ""},
		{name: "test_trailing_comma_with_context/5", src: `{% if false %}{% from "foo" import bar, with with context %}{% endif %}`, want: ""},
		{name: "test_trailing_comma_with_context/6", src: `{% from "foo" import bar,, with context %}`, want: "!TemplateSyntaxError"},
		{name: "test_trailing_comma_with_context/7", src: `{% from "foo" import bar with context, %}`, want: "!TemplateSyntaxError"},
		{name: "test_exports", src: `{% import "m" as m %}{{ m.toplevel() }}|{{ m.__private is defined }}|{{ m.variable }}|{{ m.notthere is defined }}`, files: map[string]string{"m": `
            {% macro toplevel() %}...{% endmacro %}
            {% macro __private() %}...{% endmacro %}
            {% set variable = 42 %}
            {% for item in [1] %}
                {% macro notthere() %}{% endmacro %}
            {% endfor %}
        `}, want: "...|False|42|False"},
		{name: "test_not_exported", src: "{% from 'module' import nothing %}{{ nothing() }}", want: "!UndefinedError: does not export the requested name"},
		{name: "test_import_with_globals", src: `{% import "module" as m %}{{ m.test() }}`, globals: foo, want: "[42|23]"},
		{name: "test_import_with_globals/none", src: `{% import "module" as m %}{{ m.test() }}`, want: "[|23]"},
		{name: "test_import_with_globals_override", src: `{% set foo = 41 %}{% import "module" as m %}{{ m.test() }}`, globals: foo, want: "[42|23]"},
		{name: "test_from_import_with_globals", src: `{% from "module" import test %}{{ test() }}`, globals: foo, want: "[42|23]"},
	}
	for i := range cases {
		cases[i].env = importEnv
		if cases[i].files == nil {
			cases[i].files = importFiles
		}
	}
	runPort(t, cases)
}

// TestIncludes ports TestIncludes of Jinja's tests/test_imports.py.
func TestIncludes(t *testing.T) {
	foo := map[string]any{"foo": 42}
	cases := []portCase{
		{name: "test_context_include/default", src: `{% include "header" %}`, data: foo, want: "[42|23]"},
		{name: "test_context_include/with", src: `{% include "header" with context %}`, data: foo, want: "[42|23]"},
		{name: "test_context_include/without", src: `{% include "header" without context %}`, data: foo, want: "[|23]"},
		{name: "test_choice_includes/list", src: `{% include ["missing", "header"] %}`, data: foo, want: "[42|23]"},
		{name: "test_choice_includes/ignore", src: `{% include ["missing", "missing2"] ignore missing %}`, data: foo, want: ""},
		{name: "test_choice_includes/not_found", src: `{% include ["missing", "missing2"] %}`, want: "!TemplatesNotFound: missing2"},
		{name: "test_choice_includes/var_list", src: "{% include x %}", data: map[string]any{"foo": 42, "x": []string{"missing", "header"}}, want: "[42|23]"},
		{name: "test_choice_includes/var_in_list", src: `{% include [x, "header"] %}`, data: map[string]any{"foo": 42, "x": "missing"}, want: "[42|23]"},
		{name: "test_choice_includes/var", src: "{% include x %}", data: map[string]any{"foo": 42, "x": "header"}, want: "[42|23]"},
		{name: "test_choice_includes/list_of_var", src: "{% include [x] %}", data: map[string]any{"foo": 42, "x": "header"}, want: "[42|23]"},
		{name: "test_include_ignoring_missing/missing", src: `{% include "missing" %}`, want: "!TemplateNotFound"},
		{name: "test_include_ignoring_missing/plain", src: `{% include "missing" ignore missing %}`, want: ""},
		{name: "test_include_ignoring_missing/with", src: `{% include "missing" ignore missing with context %}`, want: ""},
		{name: "test_include_ignoring_missing/without", src: `{% include "missing" ignore missing without context %}`, want: ""},
		{name: "test_context_include_with_overrides", tmpl: "main", files: map[string]string{
			"main": "{% for item in [1, 2, 3] %}{% include 'item' %}{% endfor %}", "item": "{{ item }}"}, want: "123"},
		{name: "test_unoptimized_scopes", fields: true, src: `
            {% macro outer(o) %}
            {% macro inner() %}
            {% include "o_printer" %}
            {% endmacro %}
            {{ inner() }}
            {% endmacro %}
            {{ outer("FOO") }}
        `, want: "(FOO)"},
		{name: "test_import_from_with_context", src: "{% set foobar = 42 %}{% from 'a' import x with context %}{{ x() }}",
			files: map[string]string{"a": "{% macro x() %}{{ foobar }}{% endmacro %}"}, want: "42"},
	}
	for i := range cases {
		cases[i].env = importEnv
		if cases[i].files == nil {
			cases[i].files = importFiles
		}
	}
	runPort(t, cases)
}
