package jinja

import (
	"reflect"
	"testing"
)

func finalizeNone(e *Environment) {
	e.Finalize = func(v any) any {
		if v == nil {
			return ""
		}
		return v
	}
}

func withUndefined(p UndefinedPolicy) func(*Environment) {
	return func(e *Environment) { e.Undefined = p }
}

// TestAPI ports Jinja's tests/test_api.py (TestExtendedAPI, TestUndefined).
func TestAPI(t *testing.T) {
	items := map[string]any{"foo": map[string]any{"items": 42}}
	sandbox := func(e *Environment) { e.Sandboxed = true }
	chain, debug, strict := withUndefined(ChainableUndefined), withUndefined(DebugUndefined), withUndefined(StrictUndefined)
	cases := []portCase{
		{name: "TestExtendedAPI/test_item_and_attribute/items", src: "{{ foo.items()|list }}", data: items, want: "[('items', 42)]"},
		{name: "TestExtendedAPI/test_item_and_attribute/attr", src: `{{ foo|attr("items")()|list }}`, data: items, want: "[('items', 42)]"},
		{name: "TestExtendedAPI/test_item_and_attribute/item", src: `{{ foo["items"] }}`, data: items, want: "42"},
		{name: "TestExtendedAPI/test_item_and_attribute/sandbox_items", env: sandbox, src: "{{ foo.items()|list }}", data: items, want: "[('items', 42)]"},
		{name: "TestExtendedAPI/test_item_and_attribute/sandbox_attr", env: sandbox, src: `{{ foo|attr("items")()|list }}`, data: items, want: "[('items', 42)]"},
		{name: "TestExtendedAPI/test_item_and_attribute/sandbox_item", env: sandbox, src: `{{ foo["items"] }}`, data: items, want: "42"},
		{name: "TestExtendedAPI/test_finalize", env: finalizeNone, src: "{% for item in seq %}|{{ item }}{% endfor %}", data: map[string]any{"seq": Tuple{nil, 1, "foo"}}, want: "||1|foo"},
		{name: "TestExtendedAPI/test_finalize_constant_expression", env: finalizeNone, src: "<{{ none }}>", want: "<>"},
		{name: "TestExtendedAPI/test_no_finalize_template_data", env: func(e *Environment) { e.Finalize = func(v any) any { return typeName(normalize(v)) } },
			src: "<{{ value }}>", data: map[string]any{"value": 123}, want: "<int>"},
		{name: "TestExtendedAPI/test_autoescape_autoselect/txt", tmpl: "test.txt", files: map[string]string{"test.txt": "{{ foo }}", "test.html": "{{ foo }}"}, data: map[string]any{"foo": "<foo>"},
			env: func(e *Environment) { e.Autoescape = autoselect }, want: "<foo>"},
		{name: "TestExtendedAPI/test_autoescape_autoselect/html", tmpl: "test.html", files: map[string]string{"test.txt": "{{ foo }}", "test.html": "{{ foo }}"}, data: map[string]any{"foo": "<foo>"},
			env: func(e *Environment) { e.Autoescape = autoselect }, want: "&lt;foo&gt;"},
		{name: "TestExtendedAPI/test_autoescape_autoselect/string", src: "{{ foo }}", data: map[string]any{"foo": "<foo>"},
			env: func(e *Environment) { e.Autoescape = autoselect }, want: "<foo>"},
		{name: "TestExtendedAPI/test_sandbox_max_range", env: sandbox, src: "{% for item in range(total) %}{{ item }}{% endfor %}", data: map[string]any{"total": 100001}, want: "!OverflowError"},
		{name: "TestUndefined/test_stopiteration_is_undefined", skip: "Python-only: StopIteration raised by a callable"},
		{name: "TestUndefined/test_default_undefined/print", src: "{{ missing }}", want: ""},
		{name: "TestUndefined/test_default_undefined/attribute", src: "{{ missing.attribute }}", want: "!UndefinedError"},
		{name: "TestUndefined/test_default_undefined/list", src: "{{ missing|list }}", want: "[]"},
		{name: "TestUndefined/test_default_undefined/not_defined", src: "{{ missing is not defined }}", want: "True"},
		{name: "TestUndefined/test_default_undefined/int_attr", src: "{{ foo.missing }}", data: map[string]any{"foo": 42}, want: ""},
		{name: "TestUndefined/test_default_undefined/not", src: "{{ not missing }}", want: "True"},
		{name: "TestUndefined/test_default_undefined/minus", src: "{{ missing - 1}}", want: "!UndefinedError"},
		{name: "TestUndefined/test_default_undefined/in", src: "{{ 'foo' in missing }}", want: "False"},
		{name: "TestUndefined/repr_in_list", src: `{{ [missing] }}|{{ {"a": missing} }}`, want: "[Undefined]|{'a': Undefined}"},
		{name: "TestUndefined/test_default_undefined/eq", src: "{{ x == y }}|{{ x != 42 }}", want: "True|True"},
		{name: "TestUndefined/test_chainable_undefined/print", env: chain, src: "{{ missing }}", want: ""},
		{name: "TestUndefined/test_chainable_undefined/list", env: chain, src: "{{ missing|list }}", want: "[]"},
		{name: "TestUndefined/test_chainable_undefined/not_defined", env: chain, src: "{{ missing is not defined }}", want: "True"},
		{name: "TestUndefined/test_chainable_undefined/int_attr", env: chain, src: "{{ foo.missing }}", data: map[string]any{"foo": 42}, want: ""},
		{name: "TestUndefined/test_chainable_undefined/not", env: chain, src: "{{ not missing }}", want: "True"},
		{name: "TestUndefined/test_chainable_undefined/minus", env: chain, src: "{{ missing - 1}}", want: "!UndefinedError"},
		{name: "TestUndefined/test_chainable_undefined/chain", env: chain, src: `{{ missing.bar["baz"] }}`, want: ""},
		{name: "TestUndefined/test_chainable_undefined/chain_defined", env: chain, src: `{{ foo.bar["baz"] is defined }}|{{ foo.bar["baz"]|default("d") }}`, data: map[string]any{"foo": map[string]any{"bar": 42}}, want: "False|d"},
		{name: "TestUndefined/test_debug_undefined/print", env: debug, src: "{{ missing }}", want: "{{ missing }}"},
		{name: "TestUndefined/test_debug_undefined/attribute", env: debug, src: "{{ missing.attribute }}", want: "!UndefinedError"},
		{name: "TestUndefined/test_debug_undefined/list", env: debug, src: "{{ missing|list }}", want: "[]"},
		{name: "TestUndefined/test_debug_undefined/not_defined", env: debug, src: "{{ missing is not defined }}", want: "True"},
		{name: "TestUndefined/test_debug_undefined/int_attr", env: debug, src: "{{ foo.missing }}", data: map[string]any{"foo": 42}, want: "{{ no such element: int object['missing'] }}"},
		{name: "TestUndefined/test_debug_undefined/index", env: debug, src: "{{ foo[0] }}|{{ [][0] }}|{{ {}['a'] }}", data: map[string]any{"foo": 42},
			want: "{{ no such element: int object[0] }}|{{ no such element: list object[0] }}|{{ no such element: dict object['a'] }}"},
		{name: "TestUndefined/test_debug_undefined/not", env: debug, src: "{{ not missing }}", want: "True"},
		{name: "TestUndefined/test_strict_undefined/print", env: strict, src: "{{ missing }}", want: "!UndefinedError"},
		{name: "TestUndefined/test_strict_undefined/attribute", env: strict, src: "{{ missing.attribute }}", want: "!UndefinedError"},
		{name: "TestUndefined/test_strict_undefined/list", env: strict, src: "{{ missing|list }}", want: "!UndefinedError"},
		{name: "TestUndefined/test_strict_undefined/in", env: strict, src: "{{ 'foo' in missing }}", want: "!UndefinedError"},
		{name: "TestUndefined/test_strict_undefined/not_defined", env: strict, src: "{{ missing is not defined }}", want: "True"},
		{name: "TestUndefined/test_strict_undefined/int_attr", env: strict, src: "{{ foo.missing }}", data: map[string]any{"foo": 42}, want: "!UndefinedError"},
		{name: "TestUndefined/test_strict_undefined/not", env: strict, src: "{{ not missing }}", want: "!UndefinedError"},
		{name: "TestUndefined/test_strict_undefined/default", env: strict, src: `{{ missing|default("default", true) }}`, want: "default"},
		{name: "TestUndefined/test_strict_undefined/inline_if", env: strict, src: `{{ "foo" if false }}`, want: ""},
		{name: "TestUndefined/test_strict_undefined/for", env: strict, src: `{% for x in missing %}{% endfor %}`, want: "!UndefinedError"},
		{name: "TestUndefined/test_strict_undefined/if", env: strict, src: `{% if missing %}{% endif %}`, want: "!UndefinedError"},
		{name: "TestUndefined/test_strict_undefined/concat", env: strict, src: `{{ missing ~ "x" }}`, want: "!UndefinedError"},
		{name: "TestUndefined/test_default_undefined/concat", src: `{{ missing ~ "x" }}`, want: "x"},
		{name: "TestUndefined/test_strict_undefined/eq", env: strict, src: `{{ missing == 1 }}`, want: "!UndefinedError"},
		{name: "TestUndefined/test_indexing_gives_undefined", src: "{{ var[42].foo }}", data: map[string]any{"var": 0}, want: "!UndefinedError"},
		{name: "TestUndefined/test_none_gives_proper_error", src: "{{ x.split() }}", data: map[string]any{"x": nil}, want: "!UndefinedError: 'None' has no attribute 'split'"},
		{name: "TestUndefined/test_object_repr", src: "{{ x.upper() }}", data: map[string]any{"x": 42}, want: "!UndefinedError: 'int object' has no attribute 'upper'"},
	}
	runPort(t, cases)
}

// autoselect is test_autoescape_autoselect's select_autoescape.
func autoselect(name string) bool {
	return name != "" && reflect.ValueOf(name).Len() > 0 && len(name) > 5 && name[len(name)-5:] == ".html"
}
