package jinja

import "testing"

// inheritanceFiles are the templates of test_inheritance.py's env fixture.
var inheritanceFiles = map[string]string{
	"layout":  "|{% block block1 %}block 1 from layout{% endblock %}\n|{% block block2 %}block 2 from layout{% endblock %}\n|{% block block3 %}\n{% block block4 %}nested block 4 from layout{% endblock %}\n{% endblock %}|",
	"level1":  "{% extends \"layout\" %}\n{% block block1 %}block 1 from level1{% endblock %}",
	"level2":  "{% extends \"level1\" %}\n{% block block2 %}{% block block5 %}nested block 5 from level2{%\nendblock %}{% endblock %}",
	"level3":  "{% extends \"level2\" %}\n{% block block5 %}block 5 from level3{% endblock %}\n{% block block4 %}block 4 from level3{% endblock %}\n",
	"level4":  "{% extends \"level3\" %}\n{% block block3 %}block 3 from level4{% endblock %}\n",
	"working": "{% extends \"layout\" %}\n{% block block1 %}\n  {% if false %}\n    {% block block2 %}\n      this should work\n    {% endblock %}\n  {% endif %}\n{% endblock %}\n",
	"doublee": "{% extends \"layout\" %}\n{% extends \"layout\" %}\n{% block block1 %}\n  {% if false %}\n    {% block block2 %}\n      this should work\n    {% endblock %}\n  {% endif %}\n{% endblock %}\n",
}

// TestInheritance ports Jinja's tests/test_inheritance.py (TestInheritance
// and TestBugFix).
func TestInheritance(t *testing.T) {
	superFiles := map[string]string{
		"a": "{% block intro %}INTRO{% endblock %}|BEFORE|{% block data %}INNER{% endblock %}|AFTER",
		"b": "{% extends \"a\" %}{% block data %}({{ super() }}){% endblock %}",
		"c": "{% extends \"b\" %}{% block intro %}--{{ super() }}--{% endblock %}\n{% block data %}[{{ super() }}]{% endblock %}",
	}
	dyn := map[string]string{
		"default1": "DEFAULT1{% block x %}{% endblock %}",
		"default2": "DEFAULT2{% block x %}{% endblock %}",
		"child":    "{% extends default %}{% block x %}CHILD{% endblock %}",
	}
	multi := map[string]string{
		"default1": "DEFAULT1{% block x %}{% endblock %}",
		"default2": "DEFAULT2{% block x %}{% endblock %}",
		"child":    "{% if default %}{% extends default %}{% else %}{% extends 'default1' %}{% endif %}{% block x %}CHILD{% endblock %}",
	}
	required3 := map[string]string{
		"default": "{% block x required %}{% endblock %}",
		"level1":  "{% extends 'default' %}",
		"level2":  "{% extends 'level1' %}{% block x %}[2]{% endblock %}",
		"level3":  "{% extends 'level2' %}",
	}
	invalidRequired := map[string]string{
		"default":  "{% block x required %}data {# #}{% endblock %}",
		"default1": "{% block x required %}{% block y %}{% endblock %}  {% endblock %}",
		"default2": "{% block x required %}{% if true %}{% endif %}  {% endblock %}",
		"level1":   "{% if default %}{% extends default %}{% else %}{% extends 'default' %}{% endif %}{%- block x %}CHILD{% endblock %}",
	}
	requiredScope := map[string]string{
		"default1": "{% for item in seq %}[{% block item scoped required %}{% endblock %}]{% endfor %}",
		"child1":   "{% extends 'default1' %}{% block item %}{{ item }}{% endblock %}",
		"default2": "{% for item in seq %}[{% block item required scoped %}{% endblock %}]{% endfor %}",
		"child2":   "{% extends 'default2' %}{% block item %}{{ item }}{% endblock %}",
	}
	dupRequired := map[string]string{
		"default1": "{% for item in seq %}[{% block item scoped scoped %}}{{% endblock %}}]{{% endfor %}}",
		"default2": "{% for item in seq %}[{% block item required required %}}{{% endblock %}}]{{% endfor %}}",
		"child":    "{% if default %}{% extends default %}{% else %}{% extends 'default1' %}{% endif %}{%- block x %}CHILD{% endblock %}",
	}
	cases := []portCase{
		{name: "test_layout", env: trimBlocks, files: inheritanceFiles, tmpl: "layout", want: "|block 1 from layout|block 2 from layout|nested block 4 from layout|"},
		{name: "test_level1", env: trimBlocks, files: inheritanceFiles, tmpl: "level1", want: "|block 1 from level1|block 2 from layout|nested block 4 from layout|"},
		{name: "test_level2", env: trimBlocks, files: inheritanceFiles, tmpl: "level2", want: "|block 1 from level1|nested block 5 from level2|nested block 4 from layout|"},
		{name: "test_level3", env: trimBlocks, files: inheritanceFiles, tmpl: "level3", want: "|block 1 from level1|block 5 from level3|block 4 from level3|"},
		{name: "test_level4", env: trimBlocks, files: inheritanceFiles, tmpl: "level4", want: "|block 1 from level1|block 5 from level3|block 3 from level4|"},
		{name: "test_super", files: superFiles, tmpl: "c", want: "--INTRO--|BEFORE|[(INNER)]|AFTER"},
		{name: "test_working", env: trimBlocks, files: inheritanceFiles, tmpl: "working", want: "|  |      this should work\n    |nested block 4 from layout|"},
		{name: "test_reuse_blocks", env: trimBlocks, src: "{{ self.foo() }}|{% block foo %}42{% endblock %}|{{ self.foo() }}", want: "42|42|42"},
		{name: "test_preserve_blocks", files: map[string]string{
			"a": "{% if false %}{% block x %}A{% endblock %}{% endif %}{{ self.x() }}",
			"b": "{% extends \"a\" %}{% block x %}B{{ super() }}{% endblock %}"}, tmpl: "b", want: "BA"},
		{name: "test_dynamic_inheritance/1", files: dyn, tmpl: "child", data: map[string]any{"default": "default1"}, want: "DEFAULT1CHILD"},
		{name: "test_dynamic_inheritance/2", files: dyn, tmpl: "child", data: map[string]any{"default": "default2"}, want: "DEFAULT2CHILD"},
		{name: "test_multi_inheritance/2", files: multi, tmpl: "child", data: map[string]any{"default": "default2"}, want: "DEFAULT2CHILD"},
		{name: "test_multi_inheritance/1", files: multi, tmpl: "child", data: map[string]any{"default": "default1"}, want: "DEFAULT1CHILD"},
		{name: "test_multi_inheritance/none", files: multi, tmpl: "child", want: "DEFAULT1CHILD"},
		{name: "test_scoped_block", files: map[string]string{"default.html": "{% for item in seq %}[{% block item scoped %}{% endblock %}]{% endfor %}"},
			src: "{% extends 'default.html' %}{% block item %}{{ item }}{% endblock %}", data: map[string]any{"seq": rangeInts(5)}, want: "[0][1][2][3][4]"},
		{name: "test_super_in_scoped_block", files: map[string]string{"default.html": "{% for item in seq %}[{% block item scoped %}{{ item }}{% endblock %}]{% endfor %}"},
			src: "{% extends \"default.html\" %}{% block item %}{{ super() }}|{{ item * 2 }}{% endblock %}", data: map[string]any{"seq": rangeInts(5)}, want: "[0|0][1|2][2|4][3|6][4|8]"},
		{name: "test_scoped_block_after_inheritance", fields: true, tmpl: "index.html", data: map[string]any{"the_foo": 42}, files: map[string]string{
			"layout.html":  "\n            {% block useless %}{% endblock %}\n            ",
			"index.html":   "\n            {%- extends 'layout.html' %}\n            {% from 'helpers.html' import foo with context %}\n            {% block useless %}\n                {% for x in [1, 2, 3] %}\n                    {% block testing scoped %}\n                        {{ foo(x) }}\n                    {% endblock %}\n                {% endfor %}\n            {% endblock %}\n            ",
			"helpers.html": "\n            {% macro foo(x) %}{{ the_foo + x }}{% endmacro %}\n            ",
		}, want: "43 44 45"},
		{name: "test_level1_required", tmpl: "level1", files: map[string]string{
			"default": "{% block x required %}{# comment #}\n {% endblock %}",
			"level1":  "{% extends 'default' %}{% block x %}[1]{% endblock %}"}, want: "[1]"},
		{name: "test_level2_required/1", tmpl: "level1", files: map[string]string{
			"default": "{% block x required %}{% endblock %}",
			"level1":  "{% extends 'default' %}{% block x %}[1]{% endblock %}"}, want: "[1]"},
		{name: "test_level2_required/2", tmpl: "level2", files: map[string]string{
			"default": "{% block x required %}{% endblock %}",
			"level2":  "{% extends 'default' %}{% block x %}[2]{% endblock %}"}, want: "[2]"},
		{name: "test_level3_required/1", tmpl: "level1", files: required3, want: "!TemplateRuntimeError: Required block 'x' not found"},
		{name: "test_level3_required/2", tmpl: "level2", files: required3, want: "[2]"},
		{name: "test_level3_required/3", tmpl: "level3", files: required3, want: "[2]"},
		{name: "test_invalid_required", tmpl: "level1", files: invalidRequired, data: map[string]any{"default": "default"}, want: "!TemplateSyntaxError: Required blocks can only contain comments or whitespace"},
		// Jinja 3.1.2 fails on these two with an AttributeError from its
		// parser; flagon reports the TemplateSyntaxError it meant.
		{name: "test_invalid_required/default1", tmpl: "level1", files: invalidRequired, data: map[string]any{"default": "default1"}, want: "!TemplateSyntaxError: Required blocks can only contain comments or whitespace"},
		{name: "test_invalid_required/default2", tmpl: "level1", files: invalidRequired, data: map[string]any{"default": "default2"}, want: "!TemplateSyntaxError: Required blocks can only contain comments or whitespace"},
		{name: "test_required_with_scope/1", tmpl: "child1", files: requiredScope, data: map[string]any{"seq": rangeInts(3)}, want: "[0][1][2]"},
		{name: "test_required_with_scope/2", tmpl: "child2", files: requiredScope, data: map[string]any{"seq": rangeInts(3)}, want: "!TemplateSyntaxError"},
		{name: "test_duplicate_required_or_scoped/1", tmpl: "child", files: dupRequired, data: map[string]any{"default": "default1", "seq": rangeInts(3)}, want: "!TemplateSyntaxError"},
		{name: "test_duplicate_required_or_scoped/2", tmpl: "child", files: dupRequired, data: map[string]any{"default": "default2", "seq": rangeInts(3)}, want: "!TemplateSyntaxError"},
		{name: "test_fixed_macro_scoping_bug", fields: true, tmpl: "test.html", files: map[string]string{
			"test.html":     "        {% extends 'details.html' %}\n\n        {% macro my_macro() %}\n        my_macro\n        {% endmacro %}\n\n        {% block inner_box %}\n            {{ my_macro() }}\n        {% endblock %}\n            ",
			"details.html":  "        {% extends 'standard.html' %}\n\n        {% macro my_macro() %}\n        my_macro\n        {% endmacro %}\n\n        {% block content %}\n            {% block outer_box %}\n                outer_box\n                {% block inner_box %}\n                    inner_box\n                {% endblock %}\n            {% endblock %}\n        {% endblock %}\n        ",
			"standard.html": "\n        {% block content %}&nbsp;{% endblock %}\n        ",
		}, want: "outer_box my_macro"},
		{name: "test_double_extends", env: trimBlocks, files: inheritanceFiles, tmpl: "doublee", want: "!TemplateRuntimeError: extended multiple times"},
	}
	runPort(t, cases)
}
