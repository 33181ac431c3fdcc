package jinja

import "testing"

func withExtensions(names ...string) func(*Environment) {
	return func(e *Environment) { e.Extensions = names }
}

// TestExt ports the cases of Jinja's tests/test_ext.py that concern the
// extensions flagon has (do, loopcontrols) and the autoescape tag
// (TestExtensions, TestAutoEscape).
func TestExt(t *testing.T) {
	scoped := "\n            {{ \"<HelloWorld>\" }}\n            {% autoescape false %}\n                {{ \"<HelloWorld>\" }}\n            {% endautoescape %}\n            {{ \"<HelloWorld>\" }}\n        "
	scopedOn := "\n            {{ \"<HelloWorld>\" }}\n            {% autoescape true %}\n                {{ \"<HelloWorld>\" }}\n            {% endautoescape %}\n            {{ \"<HelloWorld>\" }}\n        "
	volatile := "{% autoescape foo %}{{ {\"foo\": \"<test>\"}|xmlattr|escape }}{% endautoescape %}"
	cases := []portCase{
		{name: "TestExtensions/test_extend_late", src: `{% autoescape true %}{{ "<test>" }}{% endautoescape %}`, want: "&lt;test&gt;"},
		{name: "TestExtensions/test_loop_controls/continue", env: withExtensions(ExtLoopControls),
			src: "\n            {%- for item in [1, 2, 3, 4] %}\n                {%- if item % 2 == 0 %}{% continue %}{% endif -%}\n                {{ item }}\n            {%- endfor %}", want: "13"},
		{name: "TestExtensions/test_loop_controls/break", env: withExtensions(ExtLoopControls),
			src: "\n            {%- for item in [1, 2, 3, 4] %}\n                {%- if item > 2 %}{% break %}{% endif -%}\n                {{ item }}\n            {%- endfor %}", want: "12"},
		{name: "TestExtensions/test_do", env: withExtensions(ExtDo),
			src: "\n            {%- set items = [] %}\n            {%- for char in \"foo\" %}\n                {%- do items.append(loop.index0 ~ char) %}\n            {%- endfor %}{{ items|join(', ') }}", want: "0f, 1o, 2o"},
		{name: "TestAutoEscape/test_scoped_setting/on", env: autoescapeOn, src: scoped, fields: true, want: "&lt;HelloWorld&gt; <HelloWorld> &lt;HelloWorld&gt;"},
		{name: "TestAutoEscape/test_scoped_setting/off", src: scopedOn, fields: true, want: "<HelloWorld> &lt;HelloWorld&gt; <HelloWorld>"},
		{name: "TestAutoEscape/test_nonvolatile/on", env: autoescapeOn, src: `{{ {"foo": "<test>"}|xmlattr|escape }}`, want: ` foo="&lt;test&gt;"`},
		{name: "TestAutoEscape/test_nonvolatile/off", env: autoescapeOn, src: `{% autoescape false %}{{ {"foo": "<test>"}|xmlattr|escape }}{% endautoescape %}`, want: " foo=&#34;&amp;lt;test&amp;gt;&#34;"},
		{name: "TestAutoEscape/test_volatile/false", env: autoescapeOn, src: volatile, data: map[string]any{"foo": false}, want: " foo=&#34;&amp;lt;test&amp;gt;&#34;"},
		{name: "TestAutoEscape/test_volatile/true", env: autoescapeOn, src: volatile, data: map[string]any{"foo": true}, want: ` foo="&lt;test&gt;"`},
		{name: "TestAutoEscape/test_scoping", src: `{% autoescape true %}{% set x = "<x>" %}{{ x }}{% endautoescape %}{{ x }}{{ "<y>" }}`, data: map[string]any{"x": 1}, want: "&lt;x&gt;1<y>"},
		{name: "TestAutoEscape/test_volatile_scoping/true", fields: true, data: map[string]any{"val": true},
			src: "\n        {% autoescape val %}\n            {% macro foo(x) %}\n                [{{ x }}]\n            {% endmacro %}\n            {{ foo() is escaped }}\n        {% endautoescape %}\n        {{ '<testing>' }}\n        ", want: "True <testing>"},
		{name: "TestAutoEscape/test_volatile_scoping/false", fields: true, data: map[string]any{"val": false},
			src: "\n        {% autoescape val %}\n            {% macro foo(x) %}\n                [{{ x }}]\n            {% endmacro %}\n            {{ foo() is escaped }}\n        {% endautoescape %}\n        {{ '<testing>' }}\n        ", want: "False <testing>"},
	}
	runPort(t, cases)
}
