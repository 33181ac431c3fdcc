package jinja

import (
	"fmt"
	"strings"
	"testing"
)

// trimBlocks is Environment(trim_blocks=True), test_core_tags.py's env_trim.
func trimBlocks(e *Environment) { e.TrimBlocks = true }

// recursiveSeq is the data of test_core_tags.py's recursive loop tests.
func recursiveSeq() []any {
	d := func(kv ...any) *Dict {
		x := NewDict()
		for i := 0; i < len(kv); i += 2 {
			x.Set(kv[i], kv[i+1])
		}
		return x
	}
	return []any{
		d("a", 1, "b", []any{d("a", 1), d("a", 2)}),
		d("a", 2, "b", []any{d("a", 1), d("a", 2)}),
		d("a", 3, "b", []any{d("a", "a")}),
	}
}

// TestForLoop ports TestForLoop of Jinja's tests/test_core_tags.py.
func TestForLoop(t *testing.T) {
	ctxVars := "{% for item in seq -%}\n            {{ loop.index }}|{{ loop.index0 }}|{{ loop.revindex }}|{{\n                loop.revindex0 }}|{{ loop.first }}|{{ loop.last }}|{{\n               loop.length }}###{% endfor %}"
	cases := []portCase{
		{name: "test_simple", src: "{% for item in seq %}{{ item }}{% endfor %}", data: map[string]any{"seq": rangeInts(10)}, want: "0123456789"},
		{name: "test_else", src: "{% for item in seq %}XXX{% else %}...{% endfor %}", want: "..."},
		{name: "test_else_scoping_item", src: "{% for item in [] %}{% else %}{{ item }}{% endfor %}", data: map[string]any{"item": 42}, want: "42"},
		{name: "test_empty_blocks", src: "<{% for item in seq %}{% else %}{% endfor %}>", want: "<>"},
		{name: "test_context_vars", src: ctxVars, data: map[string]any{"seq": []int{42, 24}}, want: "1|0|2|1|True|False|2###2|1|1|0|False|True|2###"},
		{name: "test_cycling", src: "{% for item in seq %}{{\n            loop.cycle('<1>', '<2>') }}{% endfor %}{%\n            for item in seq %}{{ loop.cycle(*through) }}{% endfor %}",
			data: map[string]any{"seq": rangeInts(4), "through": Tuple{"<1>", "<2>"}}, want: strings.Repeat("<1><2>", 4)},
		{name: "test_lookaround", src: "{% for item in seq -%}\n            {{ loop.previtem|default('x') }}-{{ item }}-{{\n            loop.nextitem|default('x') }}|\n        {%- endfor %}",
			data: map[string]any{"seq": rangeInts(4)}, want: "x-0-1|0-1-2|1-2-3|2-3-x|"},
		{name: "test_changed", src: "{% for item in seq -%}\n            {{ loop.changed(item) }},\n        {%- endfor %}",
			data: map[string]any{"seq": []any{nil, nil, 1, 2, 2, 3, 4, 4, 4}}, want: "True,False,True,True,False,True,True,False,False,"},
		{name: "test_scope", src: "{% for item in seq %}{% endfor %}{{ item }}", data: map[string]any{"seq": rangeInts(10)}, want: ""},
		{name: "test_varlen", src: "{% for item in iter %}{{ item }}{% endfor %}", data: map[string]any{"iter": rangeInts(5)}, want: "01234"},
		{name: "test_noniter", src: "{% for item in none %}...{% endfor %}", want: "!TypeError"},
		{name: "test_recursive", src: "{% for item in seq recursive -%}\n            [{{ item.a }}{% if item.b %}<{{ loop(item.b) }}>{% endif %}]\n        {%- endfor %}",
			data: map[string]any{"seq": recursiveSeq()}, want: "[1<[1][2]>][2<[1][2]>][3<[a]>]"},
		{name: "test_recursive_lookaround", src: "{% for item in seq recursive -%}\n            [{{ loop.previtem.a if loop.previtem is defined else 'x' }}.{{\n            item.a }}.{{ loop.nextitem.a if loop.nextitem is defined else 'x'\n            }}{% if item.b %}<{{ loop(item.b) }}>{% endif %}]\n        {%- endfor %}",
			data: map[string]any{"seq": recursiveSeq()}, want: "[x.1.2<[x.1.2][1.2.x]>][1.2.3<[x.1.2][1.2.x]>][2.3.x<[x.a.x]>]"},
		{name: "test_recursive_depth0", src: "{% for item in seq recursive -%}\n        [{{ loop.depth0 }}:{{ item.a }}{% if item.b %}<{{ loop(item.b) }}>{% endif %}]\n        {%- endfor %}",
			data: map[string]any{"seq": recursiveSeq()}, want: "[0:1<[1:1][1:2]>][0:2<[1:1][1:2]>][0:3<[1:a]>]"},
		{name: "test_recursive_depth", src: "{% for item in seq recursive -%}\n        [{{ loop.depth }}:{{ item.a }}{% if item.b %}<{{ loop(item.b) }}>{% endif %}]\n        {%- endfor %}",
			data: map[string]any{"seq": recursiveSeq()}, want: "[1:1<[2:1][2:2]>][1:2<[2:1][2:2]>][1:3<[2:a]>]"},
		{name: "test_looploop", src: "{% for row in table %}\n            {%- set rowloop = loop -%}\n            {% for cell in row -%}\n                [{{ rowloop.index }}|{{ loop.index }}]\n            {%- endfor %}\n        {%- endfor %}",
			data: map[string]any{"table": []string{"ab", "cd"}}, want: "[1|1][1|2][2|1][2|2]"},
		{name: "test_reversed_bug", src: "{% for i in items %}{{ i }}{% if not loop.last %},{% endif %}{% endfor %}", data: map[string]any{"items": []int{1, 2, 3}}, want: "1,2,3"},
		{name: "test_loop_errors/filter", src: "{% for item in [1] if loop.index\n                                      == 0 %}...{% endfor %}", want: "!UndefinedError"},
		{name: "test_loop_errors/else", src: "{% for item in [] %}...{% else\n            %}{{ loop }}{% endfor %}", want: ""},
		{name: "test_loop_filter/simple", src: "{% for item in range(10) if item is even %}[{{ item }}]{% endfor %}", want: "[0][2][4][6][8]"},
		{name: "test_loop_filter/index", src: "\n            {%- for item in range(10) if item is even %}[{{\n                loop.index }}:{{ item }}]{% endfor %}", want: "[1:0][2:2][3:4][4:6][5:8]"},
		{name: "test_loop_unassignable", src: "{% for loop in seq %}...{% endfor %}", want: "!TemplateSyntaxError"},
		{name: "test_scoped_special_var", src: "{% for s in seq %}[{{ loop.first }}{% for c in s %}|{{ loop.first }}{% endfor %}]{% endfor %}",
			data: map[string]any{"seq": Tuple{"ab", "cd"}}, want: "[True|True|False][False|True|False]"},
		{name: "test_scoped_loop_var/outer", src: "{% for x in seq %}{{ loop.first }}{% for y in seq %}{% endfor %}{% endfor %}", data: map[string]any{"seq": "ab"}, want: "TrueFalse"},
		{name: "test_scoped_loop_var/inner", src: "{% for x in seq %}{% for y in seq %}{{ loop.first }}{% endfor %}{% endfor %}", data: map[string]any{"seq": "ab"}, want: "TrueFalseTrueFalse"},
		{name: "test_recursive_empty_loop_iter", src: "\n        {%- for item in foo recursive -%}{%- endfor -%}\n        ", data: map[string]any{"foo": []any{}}, want: ""},
		{name: "test_call_in_loop", src: "\n        {%- macro do_something() -%}\n            [{{ caller() }}]\n        {%- endmacro %}\n\n        {%- for i in [1, 2, 3] %}\n            {%- call do_something() -%}\n                {{ i }}\n            {%- endcall %}\n        {%- endfor -%}\n        ", want: "[1][2][3]"},
		{name: "test_scoping_bug", src: "\n        {%- for item in foo %}...{{ item }}...{% endfor %}\n        {%- macro item(a) %}...{{ a }}...{% endmacro %}\n        {{- item(2) -}}\n        ",
			data: map[string]any{"foo": Tuple{1}}, want: "...1......2..."},
		{name: "colon_after_statement", src: "{% for a in [1, 2]: %}{% if a == 1: %}x{% else: %}y{% endif %}{% endfor %}", want: "xy"},
		{name: "test_unpacking", src: "{% for a, b, c in [[1, 2, 3]] %}{{ a }}|{{ b }}|{{ c }}{% endfor %}", want: "1|2|3"},
		{name: "test_intended_scoping_with_set/outer", src: "{% for item in seq %}{{ x }}{% set x = item %}{{ x }}{% endfor %}", data: map[string]any{"x": 0, "seq": []int{1, 2, 3}}, want: "010203"},
		{name: "test_intended_scoping_with_set/set", src: "{% set x = 9 %}{% for item in seq %}{{ x }}{% set x = item %}{{ x }}{% endfor %}", data: map[string]any{"x": 0, "seq": []int{1, 2, 3}}, want: "919293"},
	}
	runPort(t, cases)
}

// TestIfCondition ports TestIfCondition of tests/test_core_tags.py.
func TestIfCondition(t *testing.T) {
	var elifs []string
	for i := 1; i < 1000; i++ {
		elifs = append(elifs, fmt.Sprintf("{%% elif a == %d %%}%d", i, i))
	}
	deep := "{% if a == 0 %}0" + strings.Join(elifs, "\n") + "{% else %}x{% endif %}"
	cases := []portCase{
		{name: "test_simple", src: "{% if true %}...{% endif %}", want: "..."},
		{name: "test_elif", src: "{% if false %}XXX{% elif true\n            %}...{% else %}XXX{% endif %}", want: "..."},
		{name: "test_elif_deep/0", src: deep, data: map[string]any{"a": 0}, want: "0"},
		{name: "test_elif_deep/10", src: deep, data: map[string]any{"a": 10}, want: "10\n"},
		{name: "test_elif_deep/999", src: deep, data: map[string]any{"a": 999}, want: "999"},
		{name: "test_elif_deep/1000", src: deep, data: map[string]any{"a": 1000}, want: "x"},
		{name: "test_else", src: "{% if false %}XXX{% else %}...{% endif %}", want: "..."},
		{name: "test_empty", src: "[{% if true %}{% else %}{% endif %}]", want: "[]"},
		{name: "test_complete", src: "{% if a %}A{% elif b %}B{% elif c == d %}C{% else %}D{% endif %}", data: map[string]any{"a": 0, "b": false, "c": 42, "d": 42.0}, want: "C"},
		{name: "test_no_scope/var", src: "{% if a %}{% set foo = 1 %}{% endif %}{{ foo }}", data: map[string]any{"a": true}, want: "1"},
		{name: "test_no_scope/true", src: "{% if true %}{% set foo = 1 %}{% endif %}{{ foo }}", want: "1"},
	}
	runPort(t, cases)
}

// TestMacros ports TestMacros of tests/test_core_tags.py.
func TestMacros(t *testing.T) {
	selfRef := "\n            {%- set x = 42 %}\n            {%- macro m(a, b=x, x=23) %}{{ a }}|{{ b }}|{{ x }}{% endmacro -%}\n        "
	cases := []portCase{
		{name: "test_simple", env: trimBlocks, src: "{% macro say_hello(name) %}Hello {{ name }}!{% endmacro %}\n{{ say_hello('Peter') }}", want: "Hello Peter!"},
		{name: "test_scoping", env: trimBlocks, src: "{% macro level1(data1) %}\n{% macro level2(data2) %}{{ data1 }}|{{ data2 }}{% endmacro %}\n{{ level2('bar') }}{% endmacro %}\n{{ level1('foo') }}", want: "foo|bar"},
		{name: "test_arguments", env: trimBlocks, src: "{% macro m(a, b, c='c', d='d') %}{{ a }}|{{ b }}|{{ c }}|{{ d }}{% endmacro %}\n{{ m() }}|{{ m('a') }}|{{ m('a', 'b') }}|{{ m(1, 2, 3) }}", want: "||c|d|a||c|d|a|b|c|d|1|2|3|d"},
		{name: "test_arguments_defaults_nonsense", env: trimBlocks, src: "{% macro m(a, b=1, c) %}a={{ a }}, b={{ b }}, c={{ c }}{% endmacro %}", want: "!TemplateSyntaxError"},
		{name: "test_caller_defaults_nonsense", env: trimBlocks, src: "{% macro a() %}{{ caller() }}{% endmacro %}\n{% call(x, y=1, z) a() %}{% endcall %}", want: "!TemplateSyntaxError"},
		{name: "test_varargs", env: trimBlocks, src: "{% macro test() %}{{ varargs|join('|') }}{% endmacro %}{{ test(1, 2, 3) }}", want: "1|2|3"},
		{name: "test_simple_call", env: trimBlocks, src: "{% macro test() %}[[{{ caller() }}]]{% endmacro %}{% call test() %}data{% endcall %}", want: "[[data]]"},
		{name: "test_complex_call", env: trimBlocks, src: "{% macro test() %}[[{{ caller('data') }}]]{% endmacro %}{% call(data) test() %}{{ data }}{% endcall %}", want: "[[data]]"},
		{name: "test_caller_undefined", env: trimBlocks, src: "{% set caller = 42 %}{% macro test() %}{{ caller is not defined }}{% endmacro %}{{ test() }}", want: "True"},
		{name: "test_include", src: `{% from "include" import test %}{{ test("foo") }}`, files: map[string]string{"include": "{% macro test(foo) %}[{{ foo }}]{% endmacro %}"}, want: "[foo]"},
		{name: "test_macro_api", env: trimBlocks, src: "{% macro foo(a, b) %}{% endmacro %}{% macro bar() %}{{ varargs }}{{ kwargs }}{% endmacro %}{% macro baz() %}{{ caller() }}{% endmacro %}" +
			"{{ foo.arguments }}|{{ foo.name }}|{{ foo.caller }}|{{ foo.catch_kwargs }}|{{ foo.catch_varargs }}|{{ bar.arguments }}|{{ bar.caller }}|{{ bar.catch_kwargs }}|{{ bar.catch_varargs }}|{{ baz.caller }}",
			want: "('a', 'b')|foo|False|False|False|()|False|True|True|True"},
		{name: "test_callself", env: trimBlocks, src: "{% macro foo(x) %}{{ x }}{% if x > 1 %}|{{ foo(x - 1) }}{% endif %}{% endmacro %}{{ foo(5) }}", want: "5|4|3|2|1"},
		{name: "test_macro_defaults_self_ref/1", src: selfRef + "{{ m(1) }}", want: "1||23"},
		{name: "test_macro_defaults_self_ref/2", src: selfRef + "{{ m(1, 2) }}", want: "1|2|23"},
		{name: "test_macro_defaults_self_ref/3", src: selfRef + "{{ m(1, 2, 3) }}", want: "1|2|3"},
		{name: "test_macro_defaults_self_ref/kw", src: selfRef + "{{ m(1, x=7) }}", want: "1|7|7"},
	}
	runPort(t, cases)
}

// TestSet ports TestSet of tests/test_core_tags.py.
func TestSet(t *testing.T) {
	cases := []portCase{
		{name: "test_normal", env: trimBlocks, src: "{% set foo = 1 %}{{ foo }}", want: "1"},
		{name: "test_normal/module", env: trimBlocks, src: "{% import 'm' as m %}{{ m.foo }}", files: map[string]string{"m": "{% set foo = 1 %}{{ foo }}"}, want: "1"},
		{name: "test_block", env: trimBlocks, src: "{% set foo %}42{% endset %}{{ foo }}", want: "42"},
		{name: "test_block/module", env: trimBlocks, src: "{% import 'm' as m %}{{ m.foo }}", files: map[string]string{"m": "{% set foo %}42{% endset %}{{ foo }}"}, want: "42"},
		{name: "test_block_escaping", env: autoescapeOn, src: "{% set foo %}<em>{{ test }}</em>{% endset %}foo: {{ foo }}", data: map[string]any{"test": "<unsafe>"}, want: "foo: <em>&lt;unsafe&gt;</em>"},
		{name: "test_set_invalid/item", env: trimBlocks, src: "{% set foo['bar'] = 1 %}", want: "!TemplateSyntaxError"},
		{name: "test_set_invalid/attr", env: trimBlocks, src: "{% set foo.bar = 1 %}", data: map[string]any{"foo": map[string]any{}}, want: "!TemplateRuntimeError: non-namespace object"},
		{name: "test_namespace_redefined", env: trimBlocks, src: "{% set ns = namespace() %}{% set ns.bar = 'hi' %}",
			data: map[string]any{"namespace": func(...any) map[string]any { return map[string]any{} }}, want: "!TemplateRuntimeError: non-namespace object"},
		{name: "test_namespace", env: trimBlocks, src: "{% set ns = namespace() %}{% set ns.bar = '42' %}{{ ns.bar }}", want: "42"},
		// test_namespace_set_tuple is from Jinja 3.2 (3.1.2 refuses the
		// syntax); flagon accepts it as newer Jinja does.
		{name: "test_namespace_set_tuple", env: trimBlocks, src: "{% set ns = namespace(a=12, b=36) %}{% set ns.a, ns.b = ns.a + 1, ns.b + 1 %}{{ ns.a }}|{{ ns.b }}", want: "13|37"},
		{name: "test_namespace_block", env: trimBlocks, src: "{% set ns = namespace() %}{% set ns.bar %}42{% endset %}{{ ns.bar }}", want: "42"},
		{name: "test_init_namespace", env: trimBlocks, src: "{% set ns = namespace(d, self=37) %}{% set ns.b = 42 %}{{ ns.a }}|{{ ns.self }}|{{ ns.b }}",
			data: map[string]any{"d": map[string]any{"a": 13}}, want: "13|37|42"},
		{name: "test_namespace_loop/3", env: trimBlocks, src: "{% set ns = namespace(found=false) %}{% for x in range(4) %}{% if x == v %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}",
			data: map[string]any{"v": 3}, want: "True"},
		{name: "test_namespace_loop/4", env: trimBlocks, src: "{% set ns = namespace(found=false) %}{% for x in range(4) %}{% if x == v %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}",
			data: map[string]any{"v": 4}, want: "False"},
		{name: "test_namespace_macro", env: trimBlocks, src: "{% set ns = namespace() %}{% set ns.a = 13 %}{% macro magic(x) %}{% set x.b = 37 %}{% endmacro %}{{ magic(ns) }}{{ ns.a }}|{{ ns.b }}", want: "13|37"},
		{name: "test_block_escaping_filtered", env: autoescapeOn, src: "{% set foo | trim %}<em>{{ test }}</em>    {% endset %}foo: {{ foo }}", data: map[string]any{"test": "<unsafe>"}, want: "foo: <em>&lt;unsafe&gt;</em>"},
		{name: "test_block_filtered", env: trimBlocks, src: "{% set foo | trim | length | string %} 42    {% endset %}{{ foo }}", want: "2"},
		{name: "test_block_filtered_set", src: `{% set a = " xxx " %}{% set foo | myfilter(a) | trim | length | string %} {% set b = " yy " %} 42 {{ a }}{{ b }}   {% endset %}{{ foo }}`,
			env: func(e *Environment) {
				e.TrimBlocks = true
				e.Filters = map[string]any{"myfilter": func(v any, arg string) (any, error) {
					if arg != " xxx " {
						return nil, fmt.Errorf("arg %q", arg)
					}
					return v, nil
				}}
			}, want: "11"},
	}
	runPort(t, cases)
}

// TestWith ports TestWith of tests/test_core_tags.py.
func TestWith(t *testing.T) {
	cases := []portCase{
		{name: "test_with", src: "        {% with a=42, b=23 -%}\n            {{ a }} = {{ b }}\n        {% endwith -%}\n            {{ a }} = {{ b }}        ",
			data: map[string]any{"a": 1, "b": 2}, want: "        42 = 23\n        1 = 2        "},
		{name: "test_with_argument_scoping", src: "        {%- with a=1, b=2, c=b, d=e, e=5 -%}\n            {{ a }}|{{ b }}|{{ c }}|{{ d }}|{{ e }}\n        {%- endwith -%}\n        ",
			data: map[string]any{"b": 3, "e": 4}, want: "1|2|3|4|5"},
	}
	runPort(t, cases)
}
