package jinja

import (
	"strings"
	"testing"
)

// TestRegression ports Jinja's tests/test_regression.py (TestCorner,
// TestBug and test_unicode_whitespace).
func TestRegression(t *testing.T) {
	callerScoping := `
        {% macro detail(icon, value) -%}
          {% if value -%}
            <p><span class="fa fa-fw fa-{{ icon }}"></span>
                {%- if caller is undefined -%}
                    {{ value }}
                {%- else -%}
                    {{ caller(value, *varargs) }}
                {%- endif -%}</p>
          {%- endif %}
        {%- endmacro %}


        {% macro link_detail(icon, value, href) -%}
          {% call(value, href) detail(icon, value, href) -%}
            <a href="{{ href }}">{{ value }}</a>
          {%- endcall %}
        {%- endmacro %}
        `
	scopes := map[string]string{
		"a.html": "\n                {%- set foo = 'bar' -%}\n                {% include 'x.html' -%}\n            ",
		"b.html": "\n                {%- set foo = 'bar' -%}\n                {% block test %}{% include 'x.html' %}{% endblock -%}\n                ",
		"c.html": "\n                {%- set foo = 'bar' -%}\n                {% block test %}{% set foo = foo\n                    %}{% include 'x.html' %}{% endblock -%}\n            ",
		"x.html": "{{ foo }}|{{ test }}",
	}
	extendsOutput := `{% if expr %}{% extends "parent.html" %}{% endif %}[[{% block title %}title{% endblock %}]]{% for item in [1, 2, 3] %}({{ item }}){% endfor %}`
	partial := "{% if b %}{% set a = 42 %}{% endif %}{{ a }}"
	cases := []portCase{
		{name: "TestCorner/test_assigned_scoping/1", src: "\n        {%- for item in (1, 2, 3, 4) -%}\n            [{{ item }}]\n        {%- endfor %}\n        {{- item -}}\n        ", data: map[string]any{"item": 42}, want: "[1][2][3][4]42"},
		{name: "TestCorner/test_assigned_scoping/2", src: "\n        {%- for item in (1, 2, 3, 4) -%}\n            [{{ item }}]\n        {%- endfor %}\n        {%- set item = 42 %}\n        {{- item -}}\n        ", want: "[1][2][3][4]42"},
		{name: "TestCorner/test_assigned_scoping/3", src: "\n        {%- set item = 42 %}\n        {%- for item in (1, 2, 3, 4) -%}\n            [{{ item }}]\n        {%- endfor %}\n        {{- item -}}\n        ", want: "[1][2][3][4]42"},
		{name: "TestCorner/test_closure_scoping/1", src: "\n        {%- set wrapper = \"<FOO>\" %}\n        {%- for item in (1, 2, 3, 4) %}\n            {%- macro wrapper() %}[{{ item }}]{% endmacro %}\n            {{- wrapper() }}\n        {%- endfor %}\n        {{- wrapper -}}\n        ", want: "[1][2][3][4]<FOO>"},
		{name: "TestCorner/test_closure_scoping/2", src: "\n        {%- for item in (1, 2, 3, 4) %}\n            {%- macro wrapper() %}[{{ item }}]{% endmacro %}\n            {{- wrapper() }}\n        {%- endfor %}\n        {%- set wrapper = \"<FOO>\" %}\n        {{- wrapper -}}\n        ", want: "[1][2][3][4]<FOO>"},
		{name: "TestCorner/test_closure_scoping/3", src: "\n        {%- for item in (1, 2, 3, 4) %}\n            {%- macro wrapper() %}[{{ item }}]{% endmacro %}\n            {{- wrapper() }}\n        {%- endfor %}\n        {{- wrapper -}}\n        ", data: map[string]any{"wrapper": 23}, want: "[1][2][3][4]23"},
		{name: "TestBug/test_keyword_folding", src: "{{ 'test'|testing(some='stuff') }}", env: func(e *Environment) {
			e.Filters = map[string]any{"testing": func(value string, kw Kwargs) string { return value + kw["some"].(string) }}
		}, want: "teststuff"},
		{name: "TestBug/test_extends_output_bugs/false", src: extendsOutput, files: map[string]string{"parent.html": "(({% block title %}{% endblock %}))"}, data: map[string]any{"expr": false}, want: "[[title]](1)(2)(3)"},
		{name: "TestBug/test_extends_output_bugs/true", src: extendsOutput, files: map[string]string{"parent.html": "(({% block title %}{% endblock %}))"}, data: map[string]any{"expr": true}, want: "((title))"},
		{name: "TestBug/test_urlize_filter_escaping", src: `{{ "http://www.example.org/<foo"|urlize }}`, want: `<a href="http://www.example.org/&lt;foo" rel="noopener">http://www.example.org/&lt;foo</a>`},
		{name: "TestBug/test_urlize_filter_closing_punctuation", src: `{{ "(see http://www.example.org/?page=subj_<desc.h>)"|urlize }}`,
			want: `(see <a href="http://www.example.org/?page=subj_&lt;desc.h&gt;" rel="noopener">http://www.example.org/?page=subj_&lt;desc.h&gt;</a>)`},
		{name: "TestBug/test_loop_call_loop", fields: true, src: "\n\n        {% macro test() %}\n            {{ caller() }}\n        {% endmacro %}\n\n        {% for num1 in range(5) %}\n            {% call test() %}\n                {% for num2 in range(10) %}\n                    {{ loop.index }}\n                {% endfor %}\n            {% endcall %}\n        {% endfor %}\n\n        ",
			want: strings.TrimSpace(strings.Repeat("1 2 3 4 5 6 7 8 9 10 ", 5))},
		{name: "TestBug/test_weird_inline_comment", env: func(e *Environment) { e.LineStatementPrefix = "%" }, src: "% for item in seq {# missing #}\n...% endfor", want: "!TemplateSyntaxError"},
		{name: "TestBug/test_old_macro_loop_scoping_bug", src: "{% for i in (1, 2) %}{{ i }}{% endfor %}{% macro i() %}3{% endmacro %}{{ i() }}", want: "123"},
		{name: "TestBug/test_partial_conditional_assignments/a", src: partial, data: map[string]any{"a": 23}, want: "23"},
		{name: "TestBug/test_partial_conditional_assignments/b", src: partial, data: map[string]any{"b": true}, want: "42"},
		{name: "TestBug/test_stacked_locals_scoping_bug", env: func(e *Environment) { e.LineStatementPrefix = "#" }, data: map[string]any{"a": 0, "b": false, "c": 42, "d": 42.0},
			src: "# for j in [1, 2]:\n#   set x = 1\n#   for i in [1, 2]:\n#     print x\n#     if i % 2 == 0:\n#       set x = x + 1\n#     endif\n#   endfor\n# endfor\n# if a\n#   print 'A'\n# elif b\n#   print 'B'\n# elif c == d\n#   print 'C'\n# else\n#   print 'D'\n# endif\n    ", want: "1111C"},
		{name: "TestBug/test_stacked_locals_scoping_bug_twoframe", fields: true, src: "\n            {% set x = 1 %}\n            {% for item in foo %}\n                {% if item == 1 %}\n                    {% set x = 2 %}\n                {% endif %}\n            {% endfor %}\n            {{ x }}\n        ", data: map[string]any{"foo": []int{1}}, want: "1"},
		{name: "TestBug/test_call_with_args", src: "{% macro dump_users(users) -%}\n        <ul>\n          {%- for user in users -%}\n            <li><p>{{ user.username|e }}</p>{{ caller(user) }}</li>\n          {%- endfor -%}\n          </ul>\n        {%- endmacro -%}\n\n        {% call(user) dump_users(list_of_user) -%}\n          <dl>\n            <dl>Realname</dl>\n            <dd>{{ user.realname|e }}</dd>\n            <dl>Description</dl>\n            <dd>{{ user.description }}</dd>\n          </dl>\n        {% endcall %}",
			data: map[string]any{"list_of_user": []any{map[string]any{"username": "apo", "realname": "something else", "description": "test"}}}, fields: true,
			want: "<ul><li><p>apo</p><dl> <dl>Realname</dl> <dd>something else</dd> <dl>Description</dl> <dd>test</dd> </dl> </li></ul>"},
		{name: "TestBug/test_empty_if_condition_fails/if", src: "{% if %}....{% endif %}", want: "!TemplateSyntaxError"},
		{name: "TestBug/test_empty_if_condition_fails/elif", src: "{% if foo %}...{% elif %}...{% endif %}", want: "!TemplateSyntaxError"},
		{name: "TestBug/test_empty_if_condition_fails/for", src: "{% for x in %}..{% endfor %}", want: "!TemplateSyntaxError"},
		{name: "TestBug/test_recursive_loop_compile/1", src: "\n            {% for p in foo recursive%}\n                {{p.bar}}\n                {% for f in p.fields recursive%}\n                    {{f.baz}}\n                    {{p.bar}}\n                    {% if f.rec %}\n                        {{ loop(f.sub) }}\n                    {% endif %}\n                {% endfor %}\n            {% endfor %}\n            ", fields: true, want: ""},
		{name: "TestBug/test_recursive_loop_compile/2", src: "\n            {% for p in foo%}\n                {{p.bar}}\n                {% for f in p.fields recursive%}\n                    {{f.baz}}\n                    {{p.bar}}\n                    {% if f.rec %}\n                        {{ loop(f.sub) }}\n                    {% endif %}\n                {% endfor %}\n            {% endfor %}\n            ", fields: true, want: ""},
		{name: "TestBug/test_else_loop_bug", fields: true, src: "\n            {% for x in y %}\n                {{ loop.index0 }}\n            {% else %}\n                {% for i in range(3) %}{{ i }}{% endfor %}\n            {% endfor %}\n        ", data: map[string]any{"y": []any{}}, want: "012"},
		{name: "TestBug/test_correct_prefix_loader_name", tmpl: "foo/bar.html", want: "!TemplateNotFound: foo/bar.html"},
		{name: "TestBug/test_block_set_with_extends", src: `{% extends "main" %}{% set x %}42{% endset %}`, files: map[string]string{"main": "{% block body %}[{{ x }}]{% endblock %}"}, want: "[42]"},
		{name: "TestBug/test_nested_for_else", src: "{% for x in y %}{{ loop.index0 }}{% else %}{% for i in range(3) %}{{ i }}{% endfor %}{% endfor %}", want: "012"},
		{name: "TestBug/test_macro_var_bug", fields: true, src: "\n        {% set i = 1 %}\n        {% macro test() %}\n            {% for i in range(0, 10) %}{{ i }}{% endfor %}\n        {% endmacro %}{{ test() }}\n        ", want: "0123456789"},
		{name: "TestBug/test_macro_var_bug_advanced", fields: true, src: "\n        {% macro outer() %}\n            {% set i = 1 %}\n            {% macro test() %}\n                {% for i in range(0, 10) %}{{ i }}{% endfor %}\n            {% endmacro %}{{ test() }}\n        {% endmacro %}{{ outer() }}\n        ", want: "0123456789"},
		{name: "TestBug/test_callable_defaults", fields: true, src: "\n        {% macro test(a, b, c=get_int()) -%}\n             {{ a + b + c }}\n        {%- endmacro %}\n        {{ test(1, 2) }}|{{ test(1, 2, 3) }}\n        ",
			env: func(e *Environment) { e.Globals = map[string]any{"get_int": func() int { return 42 }} }, want: "45|6"},
		{name: "TestBug/test_macro_escaping", src: "{% macro m() %}<html>{% endmacro %}{% autoescape true %}{{ m() }}{% endautoescape %}", want: "&lt;html&gt;"},
		{name: "TestBug/test_macro_scoping", fields: true, src: "\n        {% set n=[1,2,3,4,5] %}\n        {% for n in [[1,2,3], [3,4,5], [5,6,7]] %}\n\n        {% macro x(l) %}\n          {{ l.pop() }}\n          {% if l %}{{ x(l) }}{% endif %}\n        {% endmacro %}\n\n        {{ x(n) }}\n\n        {% endfor %}\n        ",
			want: "3 2 1 5 4 3 7 6 5"},
		{name: "TestBug/test_scopes_and_blocks/a", fields: true, tmpl: "a.html", files: scopes, data: map[string]any{"test": "x"}, want: "bar|x"},
		{name: "TestBug/test_scopes_and_blocks/b", fields: true, tmpl: "b.html", files: scopes, data: map[string]any{"test": "x"}, want: "bar|x"},
		{name: "TestBug/test_scopes_and_blocks/c", fields: true, tmpl: "c.html", files: scopes, data: map[string]any{"test": "x"}, want: "bar|x"},
		{name: "TestBug/test_scopes_and_include", tmpl: "child.html", files: map[string]string{"include.html": "{{ var }}", "base.html": `{% include "include.html" %}`, "child.html": `{% extends "base.html" %}{% set var = 42 %}`}, want: "42"},
		{name: "TestBug/test_caller_scoping", src: callerScoping + `{{ link_detail("circle", "Index", "/") }}`, fields: true, want: `<p><span class="fa fa-fw fa-circle"></span><a href="/">Index</a></p>`},
		{name: "TestBug/test_variable_reuse/1", src: "{% for x in x.y %}{{ x }}{% endfor %}", data: map[string]any{"x": map[string]any{"y": []int{0, 1, 2}}}, want: "012"},
		{name: "TestBug/test_variable_reuse/2", src: "{% for x in x.y %}{{ loop.index0 }}|{{ x }}{% endfor %}", data: map[string]any{"x": map[string]any{"y": []int{0, 1, 2}}}, want: "0|01|12|2"},
		{name: "TestBug/test_variable_reuse/3", src: "{% for x in x.y recursive %}{{ x }}{% endfor %}", data: map[string]any{"x": map[string]any{"y": []int{0, 1, 2}}}, want: "012"},
		{name: "TestBug/test_double_caller", src: "{% macro x(caller=none) %}[{% if caller %}{{ caller() }}{% endif %}]{% endmacro %}{{ x() }}{% call x() %}aha!{% endcall %}", want: "[][aha!]"},
		{name: "TestBug/test_double_caller_no_default", src: "{% macro x(caller) %}[{% if caller %}{{ caller() }}{% endif %}]{% endmacro %}", want: `!TemplateAssertionError: "caller" argument must be omitted or be given a default`},
		{name: "TestBug/test_double_caller_no_default/two_values", src: "{% macro x(caller=none) %}[{% if caller %}{{ caller() }}{% endif %}]{% endmacro %}{{ x(None, caller=f) }}",
			data: map[string]any{"f": func() int { return 42 }, "None": nil}, want: "!TypeError: 'x' was invoked with two values for the special caller argument"},
		{name: "TestBug/test_macro_blocks", src: "{% macro x() %}{% block foo %}x{% endblock %}{% endmacro %}{{ x() }}", want: "x"},
		{name: "TestBug/test_scoped_block", src: "{% set x = 1 %}{% with x = 2 %}{% block y scoped %}{{ x }}{% endblock %}{% endwith %}", want: "2"},
		{name: "TestBug/test_recursive_loop_filter", fields: true, src: "\n        <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n        <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n          {%- for page in [site.root] if page.url != this recursive %}\n          <url><loc>{{ page.url }}</loc></url>\n          {{- loop(page.children) }}\n          {%- endfor %}\n        </urlset>\n        ",
			data: map[string]any{"this": "/foo", "site": map[string]any{"root": map[string]any{"url": "/", "children": []any{map[string]any{"url": "/foo"}, map[string]any{"url": "/bar"}}}}},
			want: `<?xml version="1.0" encoding="UTF-8"?> <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"> <url><loc>/</loc></url> <url><loc>/bar</loc></url> </urlset>`},
		{name: "TestBug/test_empty_if", src: "{% if foo %}{% else %}42{% endif %}", data: map[string]any{"foo": false}, want: "42"},
		{name: "TestBug/test_subproperty_if", src: "{% if object1.subproperty1 is eq object2.subproperty2 %}42{% endif %}",
			data: map[string]any{"object1": map[string]any{"subproperty1": "value"}, "object2": map[string]any{"subproperty2": "value"}}, want: "42"},
		{name: "TestBug/test_set_and_include", tmpl: "main", files: map[string]string{"inc": "bar", "main": `{% set foo = "foo" %}{{ foo }}{% include "inc" %}`}, want: "foobar"},
		{name: "TestBug/test_loop_include", tmpl: "main", files: map[string]string{"inc": "{{ i }}", "main": `{% for i in [1, 2, 3] %}{% include "inc" %}{% endfor %}`}, want: "123"},
		{name: "TestBug/test_grouper_repr", src: "{% for g in [('foo', 1), ('foo', 2)]|groupby(0) %}{{ g.grouper }}|{{ g.list }}|{{ g }}|{{ g|string }}{% endfor %}", want: "foo|[('foo', 1), ('foo', 2)]|('foo', [('foo', 1), ('foo', 2)])|('foo', [('foo', 1), ('foo', 2)])"},
		{name: "TestBug/test_custom_context", tmpl: "test", files: map[string]string{"base": "{{ foobar }}", "test": `{% extends "base" %}`}, data: map[string]any{"foobar": "test"}, want: "test"},
		{name: "TestBug/test_recursive_loop_bug", src: "{%- for value in values recursive %}1{% else %}0{% endfor -%}", data: map[string]any{"values": []any{}}, want: "0"},
		{name: "TestBug/test_markup_and_chainable_undefined", env: func(e *Environment) { e.Undefined = ChainableUndefined }, src: "{{ x.y.z|safe }}|{{ x['a'].b }}", want: "|"},
		{name: "TestBug/test_scoped_block_loop_vars", src: "Start\n{% for i in [\"foo\", \"bar\"] -%}\n{% block body scoped -%}\n{{ loop.index }}) {{ i }}{% if loop.last %} last{% endif -%}\n{%- endblock %}\n{% endfor -%}\nEnd", want: "Start\n1) foo\n2) bar last\nEnd"},
		{name: "TestBug/test_cached_extends/extends", tmpl: "main", files: map[string]string{"base": "{{ x }} {{ y }}", "main": "{% extends 'base' %}"}, globals: map[string]any{"x": "bar"},
			env: func(e *Environment) { e.Globals = map[string]any{"x": "x", "y": "y"} }, want: "bar y"},
		{name: "TestBug/test_cached_extends/include", tmpl: "main", files: map[string]string{"base": "{{ x }} {{ y }}", "main": "{% include 'base' %}"}, globals: map[string]any{"x": "bar"},
			env: func(e *Environment) { e.Globals = map[string]any{"x": "x", "y": "y"} }, want: "bar y"},
		{name: "TestBug/test_pass_context_callable_class", src: "{{ callableclass() }}", data: map[string]any{"hello": "TEST",
			"callableclass": func(ctx Context) any { return ctx.Get("hello") }}, want: "TEST"},
		{name: "TestBug/test_pass_context_loop_vars", env: passContextTest("i", "j"),
			src:  "{% set i = 42 %}\n{%- for idx in range(2) -%}\n{{ i }}{{ j }}\n{% set i = idx -%}\n{%- set j = loop.index -%}\n{{ test() }}\n{{ i }}{{ j }}\n{% endfor -%}\n{{ i }}{{ j }}",
			want: "42\n01\n01\n42\n12\n12\n42"},
		{name: "TestBug/test_pass_context_scoped_loop_vars", env: passContextTest("i"),
			src:  "{% set i = 42 %}\n{%- for idx in range(2) -%}\n{{ i }}\n{%- set i = loop.index0 -%}\n{% block body scoped %}\n{{ test() }}\n{% endblock -%}\n{% endfor -%}\n{{ i }}",
			want: "42\n0\n42\n1\n42"},
		{name: "TestBug/test_pass_context_in_blocks", env: passContextTest("i"),
			src:  "{%- set i = 42 -%}\n{{ i }}\n{% block body -%}\n{% set i = 24 -%}\n{{ test() }}\n{% endblock -%}\n{{ i }}",
			want: "42\n24\n42"},
		{name: "TestBug/test_pass_context_block_and_loop", env: passContextTest("i"),
			src:  "{%- set i = 42 -%}\n{% for idx in range(2) -%}\n{{ test() }}\n{%- set i = idx -%}\n{% block body scoped %}\n{{ test() }}\n{% set i = 24 -%}\n{{ test() }}\n{% endblock -%}\n{{ test() }}\n{% endfor -%}\n{{ test() }}",
			want: "42\n0\n24\n0\n42\n1\n24\n1\n42"},
		{name: "TestBug/test_pass_context_with_select", src: "{% for x in ['one', 'foo'] | select('foo') %}{{ x }}{% endfor %}", want: "foo",
			env: func(e *Environment) {
				e.Tests = map[string]any{"foo": func(ctx Context, s string) bool { return ctx.Environment() == e && s == "foo" }}
			}},
		{name: "TestBug/test_nested_loop_scoping", src: "{% set output %}{% for x in [1,2,3] %}hello{% endfor %}{% endset %}{{ output }}", want: "hellohellohello"},
		// From Jinja 3.2, where a Jinja 3.1.2 bug ('a' is undefined) is fixed.
		{name: "test_load_parameter_when_set_in_all_if_branches", src: "{% if True %}{{ a.b }}{% set a = 1 %}{% elif False %}{% set a = 2 %}{% else %}{% set a = 3 %}{% endif %}{{ a }}",
			data: map[string]any{"a": map[string]any{"b": 0}}, want: "01"},
		{name: "test_unicode_whitespace/form_feed", src: "Lorem ipsum\n\f\nMore text", want: "Lorem ipsum\n\f\nMore text"},
		{name: "test_unicode_whitespace/nel", src: "Lorem ipsum\n\u0085\nMore text", want: "Lorem ipsum\n\u0085\nMore text"},
	}
	runPort(t, cases)
}

// passContextTest registers test_regression.py's pass_context global
// test(), which prints the context's values of names.
func passContextTest(names ...string) func(*Environment) {
	return func(e *Environment) {
		e.Globals = map[string]any{"test": func(ctx Context) string {
			out := ""
			for _, n := range names {
				out += toStr(ctx.Get(n))
			}
			return out
		}}
	}
}
