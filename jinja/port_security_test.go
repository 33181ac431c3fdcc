package jinja

import (
	"reflect"
	"testing"
)

// sandboxed is SandboxedEnvironment() with PrivateStuff's bar allowed.
func sandboxed(e *Environment) {
	e.Sandboxed = true
	e.AllowMethod = func(_ reflect.Type, name string) bool { return name == "Bar" }
}

func immutableSandbox(e *Environment) { e.Immutable = true }

func disableOp(ops ...string) func(*Environment) {
	return func(e *Environment) {
		e.Sandboxed = true
		e.InterceptedBinops, e.InterceptedUnops = ops, ops
		e.CallBinop = func(string, any, any) (any, error) {
			return nil, newErr("TemplateRuntimeError", "that operator so does not work")
		}
		e.CallUnop = func(string, any) (any, error) {
			return nil, newErr("TemplateRuntimeError", "that operator so does not work")
		}
	}
}

// TestSecurity ports the cases of Jinja's tests/test_security.py that
// TestSandbox (security_test.go) does not hold.
func TestSecurity(t *testing.T) {
	calls := 0
	cases := []portCase{
		{name: "TestSandbox/test_unsafe/func_code", env: sandboxed, src: "{{ foo.func_code }}", data: map[string]any{"foo": func() {}}, want: ""},
		{name: "TestSandbox/test_unsafe/public_private", env: sandboxed, src: "{{ foo._foo() }}", data: map[string]any{"foo": stuff{&calls}}, want: "!SecurityError"},
		{name: "TestSandbox/test_immutable_environment/append", env: immutableSandbox, src: "{{ [].append(23) }}", want: "!SecurityError"},
		{name: "TestSandbox/test_immutable_environment/clear", env: immutableSandbox, src: "{{ {1:2}.clear() }}", want: "!SecurityError"},
		{name: "TestSandbox/test_immutable_environment/read_allowed", env: immutableSandbox, src: "{{ [3, 1].index(1) }}|{{ {1: 2}.get(1) }}|{{ {1: 2}.items()|list }}", want: "1|2|[(1, 2)]"},
		{name: "TestSandbox/test_immutable_environment/go_slice", env: immutableSandbox, src: "{{ xs.append(1) }}", data: map[string]any{"xs": []int{1}}, want: "!SecurityError"},
		{name: "TestSandbox/test_immutable_environment/mutable_outside", src: "{% set xs = [] %}{% set _ = xs.append(23) %}{{ xs }}", want: "[23]"},
		{name: "TestSandbox/test_restricted/attribute", env: sandboxed, src: "{% for item.attribute in seq %}...{% endfor %}", want: "!TemplateSyntaxError"},
		{name: "TestSandbox/test_restricted/tuple", env: sandboxed, src: "{% for foo, bar.baz in seq %}...{% endfor %}", want: "!TemplateSyntaxError"},
		{name: "TestSandbox/test_template_data", env: autoescapeOn, src: `{% macro say_hello(name) %}<p>Hello {{ name }}!</p>{% endmacro %}{{ say_hello("<blink>foo</blink>") }}`,
			want: "<p>Hello &lt;blink&gt;foo&lt;/blink&gt;!</p>"},
		{name: "TestSandbox/test_template_data/module", env: autoescapeOn, src: `{% import "m.html" as m %}{{ m.say_hello("<blink>foo</blink>")|escape }}`,
			files: map[string]string{"m.html": `{% macro say_hello(name) %}<p>Hello {{ name }}!</p>{% endmacro %}`}, want: "<p>Hello &lt;blink&gt;foo&lt;/blink&gt;!</p>"},
		{name: "TestSandbox/test_attr_filter/dict_update_immutable", env: immutableSandbox, src: "{% set d={'a':1} %}{{ (d|attr('update'))({'b':2}) }}{{ d }}", want: "!SecurityError"},
		{name: "TestSandbox/test_attr_filter/dict_update_immutable_print", env: immutableSandbox, src: "{% set d={'a':1} %}{{ d|attr('update') }}|{{ d }}", want: "|{'a': 1}"},
		{name: "TestSandbox/test_attr_filter/list_append_immutable", env: immutableSandbox, src: "{% set l=[1] %}{{ (l|attr('append'))(2) }}{{ l }}", want: "!SecurityError"},
		{name: "TestSandbox/test_attr_filter/dict_update_sandboxed", env: sandboxed, src: "{% set d={'a':1} %}{{ (d|attr('update'))({'b':2}) }}{{ d }}", want: "None{'a': 1, 'b': 2}"},
		{name: "TestSandbox/test_attr_filter/dict_read_immutable", env: immutableSandbox, src: "{% set d={'a':1} %}{{ d|attr('items') is defined }}|{{ d|attr('_x') }}|{{ d|attr('a') }}|", want: "True|||"},
		{name: "TestStringFormat/test_basic_format_safety/dict_update_immutable", env: immutableSandbox, src: "{% set d={'a':1} %}{{ '{0.update}'.format(d) }}|{{ d }}", want: "|{'a': 1}"},
		{name: "TestSandbox/test_attr_filter", env: sandboxed, src: `{{ cls|attr("__subclasses__")() }}`, data: map[string]any{"cls": 1}, want: "!SecurityError"},
		{name: "TestSandbox/test_binary_operator_intercepting/const", env: sandboxed, src: "{{ 1 + 2 }}", want: "3"},
		{name: "TestSandbox/test_binary_operator_intercepting/var", env: sandboxed, src: "{{ a + 2 }}", data: map[string]any{"a": 2}, want: "4"},
		{name: "TestSandbox/test_binary_operator_intercepting/const_intercepted", env: disableOp("+"), src: "{{ 1 + 2 }}", want: "!TemplateRuntimeError"},
		{name: "TestSandbox/test_binary_operator_intercepting/var_intercepted", env: disableOp("+"), src: "{{ a + 2 }}", data: map[string]any{"a": 2}, want: "!TemplateRuntimeError"},
		{name: "TestSandbox/test_binary_operator_intercepting/other_op", env: disableOp("+"), src: "{{ a * 2 }}", data: map[string]any{"a": 2}, want: "4"},
		{name: "TestSandbox/test_unary_operator_intercepting/const", env: sandboxed, src: "{{ -1 }}", want: "-1"},
		{name: "TestSandbox/test_unary_operator_intercepting/var", env: sandboxed, src: "{{ -a }}", data: map[string]any{"a": 2}, want: "-2"},
		{name: "TestSandbox/test_unary_operator_intercepting/const_intercepted", env: disableOp("-"), src: "{{ -1 }}", want: "!TemplateRuntimeError"},
		{name: "TestSandbox/test_unary_operator_intercepting/var_intercepted", env: disableOp("-"), src: "{{ -a }}", data: map[string]any{"a": 2}, want: "!TemplateRuntimeError"},
		{name: "TestSandbox/call_binop_default", src: "{{ 7 // 2 }}|{{ -a }}", data: map[string]any{"a": 2}, env: func(e *Environment) {
			e.Sandboxed = true
			e.InterceptedBinops, e.InterceptedUnops = []string{"//"}, []string{"-"}
		}, want: "3|-2"},
		{name: "TestSandbox/test_binary_operator_intercepting/immutable_intercepted", env: func(e *Environment) {
			disableOp("+")(e)
			e.Sandboxed, e.Immutable = false, true
		}, src: "{{ 1 + 2 }}", want: "!TemplateRuntimeError"},
		{name: "TestSandbox/test_binary_operator_intercepting/not_sandboxed", env: func(e *Environment) {
			disableOp("+")(e)
			e.Sandboxed = false
		}, src: "{{ 1 + 2 }}|{{ a + 2 }}", data: map[string]any{"a": 2}, want: "3|4"},
		{name: "TestSandbox/test_unary_operator_intercepting/not_sandboxed", env: func(e *Environment) {
			disableOp("-")(e)
			e.Sandboxed = false
		}, src: "{{ -1 }}|{{ -a }}", data: map[string]any{"a": 2}, want: "-1|-2"},
	}
	runPort(t, cases)
}
