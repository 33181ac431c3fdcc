package jinja

import (
	"fmt"
	"strings"
	"testing"
)

type userName struct{ Username string }
type namedUser struct {
	Name     string
	IsActive bool
}
type idUser struct {
	ID   int
	Name string
}
type fullname struct{ Firstname, Lastname any }
type firstname struct{ Firstname string }
type date struct{ Day, Month, Year int }
type article struct {
	Title string
	Date  date
}

// TestFilter ports Jinja's tests/test_filters.py.
func TestFilter(t *testing.T) {
	indentText := "\nfoo bar\n\"baz\"\n"
	pformat := make([]string, 1000)
	for i := range pformat {
		pformat[i] = fmt.Sprint(i)
	}
	cases := []portCase{
		{name: "test_capitalize", src: `{{ "foo bar"|capitalize }}`, want: "Foo bar"},
		{name: "test_center", src: `{{ "foo"|center(9) }}`, want: "   foo   "},
		{name: "test_default", src: "{{ missing|default('no') }}|{{ false|default('no') }}|{{ false|default('no', true) }}|{{ given|default('no') }}",
			data: map[string]any{"given": "yes"}, want: "no|False|no|yes"},
		{name: "test_dictsort/default", src: "{{ foo|dictsort() }}", data: map[string]any{"foo": map[string]int{"aa": 0, "b": 1, "c": 2, "AB": 3}},
			want: "[('aa', 0), ('AB', 3), ('b', 1), ('c', 2)]"},
		{name: "test_dictsort/case_sensitive", src: "{{ foo|dictsort(true) }}", data: map[string]any{"foo": map[string]int{"aa": 0, "b": 1, "c": 2, "AB": 3}},
			want: "[('AB', 3), ('aa', 0), ('b', 1), ('c', 2)]"},
		{name: "test_dictsort/by_value", src: `{{ foo|dictsort(by="value") }}`, data: map[string]any{"foo": map[string]int{"aa": 0, "b": 1, "c": 2, "AB": 3}},
			want: "[('aa', 0), ('b', 1), ('c', 2), ('AB', 3)]"},
		{name: "test_dictsort/reverse", src: "{{ foo|dictsort(reverse=true) }}", data: map[string]any{"foo": map[string]int{"aa": 0, "b": 1, "c": 2, "AB": 3}},
			want: "[('c', 2), ('b', 1), ('AB', 3), ('aa', 0)]"},
		{name: "test_batch", src: "{{ foo|batch(3)|list }}|{{ foo|batch(3, 'X')|list }}", data: map[string]any{"foo": []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
			want: "[[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]|[[0, 1, 2], [3, 4, 5], [6, 7, 8], [9, 'X', 'X']]"},
		{name: "test_slice", src: "{{ foo|slice(3)|list }}|{{ foo|slice(3, 'X')|list }}", data: map[string]any{"foo": []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
			want: "[[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]|[[0, 1, 2, 3], [4, 5, 6, 'X'], [7, 8, 9, 'X']]"},
		{name: "test_escape", src: `{{ '<">&'|escape }}`, want: "&lt;&#34;&gt;&amp;"},
		{name: "test_trim/none", src: "{{ foo|trim(chars) }}", data: map[string]any{"foo": "  ..stays..", "chars": nil}, want: "..stays.."},
		{name: "test_trim/dot", src: "{{ foo|trim(chars) }}", data: map[string]any{"foo": "  ..stays..", "chars": "."}, want: "  ..stays"},
		{name: "test_trim/space_dot", src: "{{ foo|trim(chars) }}", data: map[string]any{"foo": "  ..stays..", "chars": " ."}, want: "stays"},
		{name: "test_striptags", src: "{{ foo|striptags }}", data: map[string]any{"foo": "  <p>just a small   \n <a href=\"#\">example</a> link</p>\n<p>to a webpage</p> <!-- <p>and some commented stuff</p> -->"},
			want: "just a small example link to a webpage"},
		{name: "test_filesizeformat", src: "{{ 100|filesizeformat }}|{{ 1000|filesizeformat }}|{{ 1000000|filesizeformat }}|{{ 1000000000|filesizeformat }}|{{ 1000000000000|filesizeformat }}|{{ 100|filesizeformat(true) }}|{{ 1000|filesizeformat(true) }}|{{ 1000000|filesizeformat(true) }}|{{ 1000000000|filesizeformat(true) }}|{{ 1000000000000|filesizeformat(true) }}",
			want: "100 Bytes|1.0 kB|1.0 MB|1.0 GB|1.0 TB|100 Bytes|1000 Bytes|976.6 KiB|953.7 MiB|931.3 GiB"},
		{name: "test_filesizeformat_issue59", src: "{{ 300|filesizeformat }}|{{ 3000|filesizeformat }}|{{ 3000000|filesizeformat }}|{{ 3000000000|filesizeformat }}|{{ 3000000000000|filesizeformat }}|{{ 300|filesizeformat(true) }}|{{ 3000|filesizeformat(true) }}|{{ 3000000|filesizeformat(true) }}",
			want: "300 Bytes|3.0 kB|3.0 MB|3.0 GB|3.0 TB|300 Bytes|2.9 KiB|2.9 MiB"},
		{name: "test_first", src: "{{ foo|first }}", data: map[string]any{"foo": []int{0, 1, 2}}, want: "0"},
		{name: "test_float/42", src: "{{ value|float }}", data: map[string]any{"value": "42"}, want: "42.0"},
		{name: "test_float/abc", src: "{{ value|float }}", data: map[string]any{"value": "abc"}, want: "0.0"},
		{name: "test_float/32.32", src: "{{ value|float }}", data: map[string]any{"value": "32.32"}, want: "32.32"},
		{name: "test_float_default", src: "{{ value|float(default=1.0) }}", data: map[string]any{"value": "abc"}, want: "1.0"},
		{name: "test_format", src: "{{ '%s|%s'|format('a', 'b') }}", want: "a|b"},
		{name: "test_indent/ff", src: "{{ foo|indent(2, false, false) }}", data: map[string]any{"foo": indentText}, want: "\n  foo bar\n  \"baz\"\n"},
		{name: "test_indent/ft", src: "{{ foo|indent(2, false, true) }}", data: map[string]any{"foo": indentText}, want: "\n  foo bar\n  \"baz\"\n  "},
		{name: "test_indent/tf", src: "{{ foo|indent(2, true, false) }}", data: map[string]any{"foo": indentText}, want: "  \n  foo bar\n  \"baz\"\n"},
		{name: "test_indent/tt", src: "{{ foo|indent(2, true, true) }}", data: map[string]any{"foo": indentText}, want: "  \n  foo bar\n  \"baz\"\n  "},
		{name: "test_indent/plain", src: `{{ "jinja"|indent }}`, want: "jinja"},
		{name: "test_indent/first", src: `{{ "jinja"|indent(first=true) }}`, want: "    jinja"},
		{name: "test_indent/blank", src: `{{ "jinja"|indent(blank=true) }}`, want: "jinja"},
		{name: "test_indent_markup_input/ff", src: "{{ foo|indent(2, false, false) }}", data: map[string]any{"foo": Markup(indentText)}, want: "\n  foo bar\n  \"baz\"\n"},
		{name: "test_indent_markup_input/tt", src: "{{ foo|indent(2, true, true) }}", data: map[string]any{"foo": Markup(indentText)}, want: "  \n  foo bar\n  \"baz\"\n  "},
		{name: "test_indent_width_string", src: "{{ 'jinja\nflask'|indent(width='>>> ', first=True) }}", want: ">>> jinja\n>>> flask"},
		{name: "test_int/42", src: "{{ value|int }}", data: map[string]any{"value": "42"}, want: "42"},
		{name: "test_int/abc", src: "{{ value|int }}", data: map[string]any{"value": "abc"}, want: "0"},
		{name: "test_int/32.32", src: "{{ value|int }}", data: map[string]any{"value": "32.32"}, want: "32"},
		{name: "test_int/big", src: "{{ value|int }}", data: map[string]any{"value": "12345678901234567890"}, want: "12345678901234567890"},
		{name: "test_int_base/hex", src: "{{ value|int(base=base) }}", data: map[string]any{"value": "0x4d32", "base": 16}, want: "19762"},
		{name: "test_int_base/oct", src: "{{ value|int(base=base) }}", data: map[string]any{"value": "011", "base": 8}, want: "9"},
		{name: "test_int_base/bad", src: "{{ value|int(base=base) }}", data: map[string]any{"value": "0x33Z", "base": 16}, want: "0"},
		{name: "test_int_default", src: "{{ value|int(default=1) }}", data: map[string]any{"value": "abc"}, want: "1"},
		{name: "test_join", src: `{{ [1, 2, 3]|join("|") }}`, want: "1|2|3"},
		{name: "test_join/autoescape", src: `{{ ["<foo>", "<span>foo</span>"|safe]|join }}`, env: autoescapeOn, want: "&lt;foo&gt;<span>foo</span>"},
		{name: "test_join_attribute", src: "{{ users|join(', ', 'username') }}", data: map[string]any{"users": []userName{{"foo"}, {"bar"}}}, want: "foo, bar"},
		{name: "test_last", src: "{{ foo|last }}", data: map[string]any{"foo": []int{0, 1, 9}}, want: "9"},
		{name: "test_length", src: `{{ "hello world"|length }}`, want: "11"},
		{name: "test_lower", src: `{{ "FOO"|lower }}`, want: "foo"},
		{name: "test_items", src: "{{ d|items|list }}", data: map[string]any{"d": map[int]string{0: "a", 1: "b", 2: "c"}}, want: "[(0, 'a'), (1, 'b'), (2, 'c')]"},
		{name: "test_items_undefined", src: "{{ d|items|list }}", want: "[]"},
		{name: "test_pprint", src: "{{ data|pprint }}", data: map[string]any{"data": rangeInts(1000)}, want: "[" + strings.Join(pformat, ",\n ") + "]"},
		{name: "test_reverse", src: "{{ 'foobar'|reverse|join }}|{{ [1, 2, 3]|reverse|list }}", want: "raboof|[3, 2, 1]"},
		{name: "test_string", src: "{{ obj|string }}", data: map[string]any{"obj": []int{1, 2, 3, 4, 5}}, want: "[1, 2, 3, 4, 5]"},
		{name: "test_title/1", src: `{{ "foo bar"|title }}`, want: "Foo Bar"},
		{name: "test_title/2", src: `{{ "foo's bar"|title }}`, want: "Foo's Bar"},
		{name: "test_title/3", src: `{{ "foo   bar"|title }}`, want: "Foo   Bar"},
		{name: "test_title/4", src: `{{ "f bar f"|title }}`, want: "F Bar F"},
		{name: "test_title/5", src: `{{ "foo-bar"|title }}`, want: "Foo-Bar"},
		{name: "test_title/6", src: "{{ \"foo\tbar\"|title }}", want: "Foo\tBar"},
		{name: "test_title/7", src: "{{ \"FOO\tBAR\"|title }}", want: "Foo\tBar"},
		{name: "test_title/8", src: `{{ "foo (bar)"|title }}`, want: "Foo (Bar)"},
		{name: "test_title/9", src: `{{ "foo {bar}"|title }}`, want: "Foo {Bar}"},
		{name: "test_title/10", src: `{{ "foo [bar]"|title }}`, want: "Foo [Bar]"},
		{name: "test_title/11", src: `{{ "foo <bar>"|title }}`, want: "Foo <Bar>"},
		{name: "test_title/str_object", src: `{{ data|title }}`, data: map[string]any{"data": magic{"foo-bar"}}, want: "Foo-Bar"},
		{name: "test_truncate", src: `{{ data|truncate(15, true, ">>>") }}|{{ data|truncate(15, false, ">>>") }}|{{ smalldata|truncate(15) }}`,
			data: map[string]any{"data": strings.Repeat("foobar baz bar", 1000), "smalldata": "foobar baz bar"}, want: "foobar baz b>>>|foobar baz>>>|foobar baz bar"},
		{name: "test_truncate_very_short", src: `{{ "foo bar baz"|truncate(9) }}|{{ "foo bar baz"|truncate(9, true) }}`, want: "foo bar baz|foo bar baz"},
		{name: "test_truncate/leeway_policy", src: `{{ "foo bar baz qux"|truncate(9) }}|{{ "foo bar baz qux"|truncate(9, leeway=10) }}`,
			env: func(e *Environment) { e.Policies = map[string]any{"truncate.leeway": 0} }, want: "foo...|foo bar baz qux"},
		{name: "test_truncate_end_length", src: `{{ "Joel is a slug"|truncate(7, true) }}`, want: "Joel..."},
		{name: "test_upper", src: `{{ "foo"|upper }}`, want: "FOO"},
		{name: "test_urlize/domain", src: `{{ "foo example.org bar"|urlize }}`, want: `foo <a href="https://example.org" rel="noopener">example.org</a> bar`},
		{name: "test_urlize/http", src: `{{ "foo http://www.example.com/ bar"|urlize }}`, want: `foo <a href="http://www.example.com/" rel="noopener">http://www.example.com/</a> bar`},
		{name: "test_urlize/mailto", src: `{{ "foo mailto:email@example.com bar"|urlize }}`, want: `foo <a href="mailto:email@example.com">email@example.com</a> bar`},
		{name: "test_urlize/email", src: `{{ "foo email@example.com bar"|urlize }}`, want: `foo <a href="mailto:email@example.com">email@example.com</a> bar`},
		{name: "test_urlize/markup_not_reescaped", src: `{{ "<b>x</b> http://a.com/?a=1&b=2"|safe|urlize }}`, want: `<b>x</b> <a href="http://a.com/?a=1&b=2" rel="noopener">http://a.com/?a=1&b=2</a>`},
		{name: "test_urlize/markup_not_reescaped_autoescape", env: autoescapeOn, src: `{{ "<b>x</b> http://a.com"|safe|urlize }}`, want: `<b>x</b> <a href="http://a.com" rel="noopener">http://a.com</a>`},
		{name: "test_urlize/plain_escaped", src: `{{ "<b>x</b> http://a.com"|urlize }}`, want: `&lt;b&gt;x&lt;/b&gt; <a href="http://a.com" rel="noopener">http://a.com</a>`},
		{name: "test_urlize_rel_policy", src: `{{ "foo http://www.example.com/ bar"|urlize }}`, env: func(e *Environment) { e.Policies = map[string]any{"urlize.rel": nil} },
			want: `foo <a href="http://www.example.com/">http://www.example.com/</a> bar`},
		{name: "test_urlize_target_parameter", src: `{{ "foo http://www.example.com/ bar"|urlize(target="_blank") }}`,
			want: `foo <a href="http://www.example.com/" rel="noopener" target="_blank">http://www.example.com/</a> bar`},
		{name: "test_urlize_extra_schemes_parameter", src: `{{ "foo tel:+1-514-555-1234 ftp://localhost bar"|urlize(extra_schemes=["tel:", "ftp:"]) }}`,
			want: `foo <a href="tel:+1-514-555-1234" rel="noopener">tel:+1-514-555-1234</a> <a href="ftp://localhost" rel="noopener">ftp://localhost</a> bar`},
		{name: "test_wordcount", src: `{{ "foo bar baz"|wordcount }}`, want: "3"},
		{name: "test_wordcount/strict", src: "{{ s|wordcount }}", env: strictUndefined, want: "!UndefinedError"},
		{name: "test_block", src: "{% filter lower|escape %}<HEHE>{% endfilter %}", want: "&lt;hehe&gt;"},
		{name: "test_chaining", src: "{{ ['<foo>', '<bar>']|first|upper|escape }}", want: "&lt;FOO&gt;"},
		{name: "test_sum", src: "{{ [1, 2, 3, 4, 5, 6]|sum }}", want: "21"},
		{name: "test_sum_attributes", src: "{{ values|sum('value') }}", data: map[string]any{"values": []any{map[string]any{"value": 23}, map[string]any{"value": 1}, map[string]any{"value": 18}}}, want: "42"},
		{name: "test_sum_attributes_nested", src: "{{ values|sum('real.value') }}", data: map[string]any{"values": []any{
			map[string]any{"real": map[string]any{"value": 23}}, map[string]any{"real": map[string]any{"value": 1}}, map[string]any{"real": map[string]any{"value": 18}}}}, want: "42"},
		{name: "test_sum_attributes_tuple", src: "{{ values.items()|sum('1') }}", data: map[string]any{"values": map[string]int{"foo": 23, "bar": 1, "baz": 18}}, want: "42"},
		{name: "test_abs", src: "{{ -1|abs }}|{{ 1|abs }}", want: "1|1"},
		{name: "test_round_positive", src: "{{ 2.7|round }}|{{ 2.1|round }}|{{ 2.1234|round(3, 'floor') }}|{{ 2.1|round(0, 'ceil') }}", want: "3.0|2.0|2.123|3.0"},
		{name: "test_round_negative", src: "{{ 21.3|round(-1)}}|{{ 21.3|round(-1, 'ceil')}}|{{ 21.3|round(-1, 'floor')}}", want: "20.0|30.0|20.0"},
		{name: "test_xmlattr", src: "{{ {'foo': 42, 'bar': 23, 'fish': none, 'spam': missing, 'blub:blub': '<?>'}|xmlattr }}", want: ` foo="42" bar="23" blub:blub="&lt;?&gt;"`},
		// test_xmlattr_key_invalid is from Jinja 3.1.3 (a security fix
		// that Debian's 3.1.2 carries too).
		{name: "test_xmlattr_key_invalid/space", src: "{{ {key: 'my_class'}|xmlattr }}", data: map[string]any{"key": "class onclick=alert(1)"}, want: "!ValueError: Invalid character"},
		{name: "test_xmlattr_key_invalid/slash", src: "{{ {key: 'my_class'}|xmlattr }}", data: map[string]any{"key": "class/onclick=alert(1)"}, want: "!ValueError: Invalid character"},
		{name: "test_xmlattr_key_invalid/gt", src: "{{ {key: 'my_class'}|xmlattr }}", data: map[string]any{"key": "class>onclick=alert(1)"}, want: "!ValueError: Invalid character"},
		{name: "test_xmlattr_key_invalid/eq", src: "{{ {key: 'my_class'}|xmlattr }}", data: map[string]any{"key": "class=onclick=alert(1)"}, want: "!ValueError: Invalid character"},
		{name: "test_sort1", src: "{{ [2, 3, 1]|sort }}|{{ [2, 3, 1]|sort(true) }}", want: "[1, 2, 3]|[3, 2, 1]"},
		{name: "test_sort2", src: `{{ "".join(["c", "A", "b", "D"]|sort) }}`, want: "AbcD"},
		{name: "test_sort3", src: "{{ ['foo', 'Bar', 'blah']|sort }}", want: "['Bar', 'blah', 'foo']"},
		{name: "test_sort4", src: "{{ items|sort(attribute='value')|join }}", data: map[string]any{"items": magics(3, 2, 4, 1)}, want: "1234"},
		{name: "test_sort5", src: "{{ items|sort(attribute='value.0')|join }}", data: map[string]any{"items": magics([]int{3}, []int{2}, []int{4}, []int{1})}, want: "[1][2][3][4]"},
		{name: "test_sort6", src: "{{ items|sort(attribute='value1,value2')|join }}", data: map[string]any{"items": []magic2{{3, 1}, {2, 2}, {2, 1}, {2, 5}}}, want: "(2,1)(2,2)(2,5)(3,1)"},
		{name: "test_sort7", src: "{{ items|sort(attribute='value2,value1')|join }}", data: map[string]any{"items": []magic2{{3, 1}, {2, 2}, {2, 1}, {2, 5}}}, want: "(2,1)(3,1)(2,2)(2,5)"},
		{name: "test_sort8", src: "{{ items|sort(attribute='value1.0,value2.0')|join }}", data: map[string]any{"items": []magic2{{[]int{3}, []int{1}}, {[]int{2}, []int{2}}, {[]int{2}, []int{1}}, {[]int{2}, []int{5}}}},
			want: "([2],[1])([2],[2])([2],[5])([3],[1])"},
		{name: "test_unique", src: `{{ "".join(["b", "A", "a", "b"]|unique) }}`, want: "bA"},
		{name: "test_unique_case_sensitive", src: `{{ "".join(["b", "A", "a", "b"]|unique(true)) }}`, want: "bAa"},
		{name: "test_unique_attribute", src: "{{ items|unique(attribute='value')|join }}", data: map[string]any{"items": magics(3, 2, 4, 1, 2)}, want: "3241"},
		{name: "test_min_max/min", src: `{{ ["a", "B"]|min }}`, want: "a"},
		{name: "test_min_max/min_cs", src: `{{ ["a", "B"]|min(case_sensitive=true) }}`, want: "B"},
		{name: "test_min_max/min_empty", src: "{{ []|min }}", want: ""},
		{name: "test_min_max/max", src: `{{ ["a", "B"]|max }}`, want: "B"},
		{name: "test_min_max/max_cs", src: `{{ ["a", "B"]|max(case_sensitive=true) }}`, want: "a"},
		{name: "test_min_max/max_empty", src: "{{ []|max }}", want: ""},
		{name: "test_min_max_attribute/min", src: `{{ items|min(attribute="value") }}`, data: map[string]any{"items": magics(5, 1, 9)}, want: "1"},
		{name: "test_min_max_attribute/max", src: `{{ items|max(attribute="value") }}`, data: map[string]any{"items": magics(5, 1, 9)}, want: "9"},
		{name: "test_groupby", src: `
        {%- for grouper, list in [{'foo': 1, 'bar': 2},
                                  {'foo': 2, 'bar': 3},
                                  {'foo': 1, 'bar': 1},
                                  {'foo': 3, 'bar': 4}]|groupby('foo') -%}
            {{ grouper }}{% for x in list %}: {{ x.foo }}, {{ x.bar }}{% endfor %}|
        {%- endfor %}`, want: "1: 1, 2: 1, 1|2: 2, 3|3: 3, 4|"},
		{name: "test_groupby_tuple_index", src: `
        {%- for grouper, list in [('a', 1), ('a', 2), ('b', 1)]|groupby(0) -%}
            {{ grouper }}{% for x in list %}:{{ x.1 }}{% endfor %}|
        {%- endfor %}`, want: "a:1:2|b:1|"},
		{name: "test_groupby_multidot", src: `
        {%- for year, list in articles|groupby('date.year') -%}
            {{ year }}{% for x in list %}[{{ x.title }}]{% endfor %}|
        {%- endfor %}`, data: map[string]any{"articles": []article{{"aha", date{1, 1, 1970}}, {"interesting", date{2, 1, 1970}}, {"really?", date{3, 1, 1970}}, {"totally not", date{1, 1, 1971}}}},
			want: "1970[aha][interesting][really?]|1971[totally not]|"},
		{name: "test_groupby_default", src: "{% for city, items in users|groupby('city', default='NY') %}{{ city }}: {{ items|map(attribute='name')|join(', ') }}\n{% endfor %}",
			data: map[string]any{"users": []any{map[string]any{"name": "emma", "city": "NY"}, map[string]any{"name": "smith", "city": "WA"}, map[string]any{"name": "john"}}},
			want: "NY: emma, john\nWA: smith\n"},
		{name: "test_groupby_case/insensitive", src: "{% for k, vs in data|groupby('k', case_sensitive=cs) %}{{ k }}: {{ vs|join(', ', attribute='v') }}\n{% endfor %}",
			data: map[string]any{"cs": false, "data": []any{map[string]any{"k": "a", "v": 1}, map[string]any{"k": "b", "v": 2}, map[string]any{"k": "A", "v": 3}}}, want: "a: 1, 3\nb: 2\n"},
		{name: "test_groupby_case/sensitive", src: "{% for k, vs in data|groupby('k', case_sensitive=cs) %}{{ k }}: {{ vs|join(', ', attribute='v') }}\n{% endfor %}",
			data: map[string]any{"cs": true, "data": []any{map[string]any{"k": "a", "v": 1}, map[string]any{"k": "b", "v": 2}, map[string]any{"k": "A", "v": 3}}}, want: "A: 3\na: 1\nb: 2\n"},
		{name: "test_filtertag", src: "{% filter upper|replace('FOO', 'foo') %}foobar{% endfilter %}", want: "fooBAR"},
		{name: "test_replace/plain", src: `{{ string|replace("o", 42) }}`, data: map[string]any{"string": "<foo>"}, want: "<f4242>"},
		{name: "test_replace/autoescape", src: `{{ string|replace("o", 42) }}`, env: autoescapeOn, data: map[string]any{"string": "<foo>"}, want: "&lt;f4242&gt;"},
		{name: "test_replace/autoescape_lt", src: `{{ string|replace("<", 42) }}`, env: autoescapeOn, data: map[string]any{"string": "<foo>"}, want: "42foo&gt;"},
		{name: "test_replace/markup", src: `{{ string|replace("o", ">x<") }}`, env: autoescapeOn, data: map[string]any{"string": Markup("foo")}, want: "f&gt;x&lt;&gt;x&lt;"},
		{name: "test_forceescape", src: "{{ x|forceescape }}", data: map[string]any{"x": Markup("<div />")}, want: "&lt;div /&gt;"},
		{name: "test_safe/safe", src: `{{ "<div>foo</div>"|safe }}`, env: autoescapeOn, want: "<div>foo</div>"},
		{name: "test_safe/escaped", src: `{{ "<div>foo</div>" }}`, env: autoescapeOn, want: "&lt;div&gt;foo&lt;/div&gt;"},
		{name: "test_urlencode/str", src: "{{ value|urlencode }}", env: autoescapeOn, data: map[string]any{"value": "Hello, world!"}, want: "Hello%2C%20world%21"},
		{name: "test_urlencode/unicode", src: "{{ value|urlencode }}", env: autoescapeOn, data: map[string]any{"value": "Hello, world\u203d"}, want: "Hello%2C%20world%E2%80%BD"},
		{name: "test_urlencode/dict", src: "{{ value|urlencode }}", env: autoescapeOn, data: map[string]any{"value": map[string]int{"f": 1}}, want: "f=1"},
		{name: "test_urlencode/pairs", src: "{{ value|urlencode }}", env: autoescapeOn, data: map[string]any{"value": []any{Tuple{"f", 1}, Tuple{"z", 2}}}, want: "f=1&amp;z=2"},
		{name: "test_urlencode/unicode_key", src: "{{ value|urlencode }}", env: autoescapeOn, data: map[string]any{"value": map[string]int{"\u203d": 1}}, want: "%E2%80%BD=1"},
		{name: "test_urlencode/int_key", src: "{{ value|urlencode }}", env: autoescapeOn, data: map[string]any{"value": map[int]int{0: 1}}, want: "0=1"},
		{name: "test_urlencode/pair_quoting", src: "{{ value|urlencode }}", env: autoescapeOn, data: map[string]any{"value": []any{Tuple{"a b/c", "a b/c"}}}, want: "a+b%2Fc=a+b%2Fc"},
		{name: "test_urlencode/str_slash", src: "{{ value|urlencode }}", env: autoescapeOn, data: map[string]any{"value": "a b/c"}, want: "a%20b/c"},
		{name: "test_simple_map", src: `{{ ["1", "2", "3"]|map("int")|sum }}`, want: "6"},
		{name: "test_map_sum", src: `{{ [[1,2], [3], [4,5,6]]|map("sum")|list }}`, want: "[3, 3, 15]"},
		{name: "test_attribute_map", src: `{{ users|map(attribute="name")|join("|") }}`, data: map[string]any{"users": []namedUser{{Name: "john"}, {Name: "jane"}, {Name: "mike"}}}, want: "john|jane|mike"},
		{name: "test_empty_map", src: `{{ none|map("upper")|list }}`, want: "[]"},
		{name: "test_map_default/str", src: `{{ users|map(attribute="lastname", default="smith")|join(", ") }}`, data: map[string]any{"users": mapDefaultUsers()}, want: "lennon, edwards, None, smith"},
		{name: "test_map_default/list", src: `{{ users|map(attribute="lastname", default=["smith","x"])|join(", ") }}`, data: map[string]any{"users": mapDefaultUsers()}, want: "lennon, edwards, None, ['smith', 'x']"},
		{name: "test_map_default/empty", src: `{{ users|map(attribute="lastname", default="")|join(", ") }}`, data: map[string]any{"users": mapDefaultUsers()}, want: "lennon, edwards, None, "},
		{name: "test_simple_select", src: `{{ [1, 2, 3, 4, 5]|select("odd")|join("|") }}`, want: "1|3|5"},
		{name: "test_bool_select", src: `{{ [none, false, 0, 1, 2, 3, 4, 5]|select|join("|") }}`, want: "1|2|3|4|5"},
		{name: "test_simple_reject", src: `{{ [1, 2, 3, 4, 5]|reject("odd")|join("|") }}`, want: "2|4"},
		{name: "test_bool_reject", src: `{{ [none, false, 0, 1, 2, 3, 4, 5]|reject|join("|") }}`, want: "None|False|0"},
		{name: "test_simple_select_attr", src: `{{ users|selectattr("is_active")|map(attribute="name")|join("|") }}`,
			data: map[string]any{"users": []namedUser{{"john", true}, {"jane", true}, {"mike", false}}}, want: "john|jane"},
		{name: "test_simple_reject_attr", src: `{{ users|rejectattr("is_active")|map(attribute="name")|join("|") }}`,
			data: map[string]any{"users": []namedUser{{"john", true}, {"jane", true}, {"mike", false}}}, want: "mike"},
		{name: "test_func_select_attr", src: `{{ users|selectattr("id", "odd")|map(attribute="name")|join("|") }}`,
			data: map[string]any{"users": []idUser{{1, "john"}, {2, "jane"}, {3, "mike"}}}, want: "john|mike"},
		{name: "test_func_reject_attr", src: `{{ users|rejectattr("id", "odd")|map(attribute="name")|join("|") }}`,
			data: map[string]any{"users": []idUser{{1, "john"}, {2, "jane"}, {3, "mike"}}}, want: "jane"},
		{name: "test_json_dump/dict", src: "{{ x|tojson }}", env: autoescapeOn, data: map[string]any{"x": map[string]string{"foo": "bar"}}, want: `{"foo": "bar"}`},
		{name: "test_json_dump/quotes", src: "{{ x|tojson }}", env: autoescapeOn, data: map[string]any{"x": "\"ba&r'"}, want: `"\"ba\u0026r\u0027"`},
		{name: "test_json_dump/lt", src: "{{ x|tojson }}", env: autoescapeOn, data: map[string]any{"x": "<bar>"}, want: `"\u003cbar\u003e"`},
		{name: "test_json_dump/dumps_function", src: "{{ x|tojson }}", data: map[string]any{"x": 23},
			env: func(e *Environment) { e.JSONDumps = func(any, int) (string, error) { return "42", nil } }, want: "42"},
		{name: "test_wordwrap", src: "{{ s|wordwrap(20) }}", data: map[string]any{"s": "Hello!\nThis is Jinja saying something."}, want: "Hello!\nThis is Jinja saying\nsomething."},
		{name: "test_filter_undefined", src: "{{ var|f }}", want: "!TemplateAssertionError: No filter named 'f'"},
		{name: "test_filter_undefined_in_if/undefined", src: "{%- if x is defined -%}{{ x|f }}{%- else -%}x{% endif %}", want: "x"},
		{name: "test_filter_undefined_in_if/defined", src: "{%- if x is defined -%}{{ x|f }}{%- else -%}x{% endif %}", data: map[string]any{"x": 42}, want: "!TemplateRuntimeError: No filter named 'f'"},
		{name: "test_filter_undefined_in_elif/undefined", src: "{%- if x is defined -%}{{ x }}{%- elif y is defined -%}{{ y|f }}{%- else -%}foo{%- endif -%}", want: "foo"},
		{name: "test_filter_undefined_in_elif/defined", src: "{%- if x is defined -%}{{ x }}{%- elif y is defined -%}{{ y|f }}{%- else -%}foo{%- endif -%}", data: map[string]any{"y": 42}, want: "!TemplateRuntimeError: No filter named 'f'"},
		{name: "test_filter_undefined_in_else/undefined", src: "{%- if x is not defined -%}foo{%- else -%}{{ x|f }}{%- endif -%}", want: "foo"},
		{name: "test_filter_undefined_in_else/defined", src: "{%- if x is not defined -%}foo{%- else -%}{{ x|f }}{%- endif -%}", data: map[string]any{"x": 42}, want: "!TemplateRuntimeError: No filter named 'f'"},
		{name: "test_filter_undefined_in_nested_if/undefined", src: "{%- if x is not defined -%}foo{%- else -%}{%- if y is defined -%}{{ y|f }}{%- endif -%}{{ x }}{%- endif -%}", want: "foo"},
		{name: "test_filter_undefined_in_nested_if/x", src: "{%- if x is not defined -%}foo{%- else -%}{%- if y is defined -%}{{ y|f }}{%- endif -%}{{ x }}{%- endif -%}", data: map[string]any{"x": 42}, want: "42"},
		{name: "test_filter_undefined_in_nested_if/y", src: "{%- if x is not defined -%}foo{%- else -%}{%- if y is defined -%}{{ y|f }}{%- endif -%}{{ x }}{%- endif -%}", data: map[string]any{"x": 24, "y": 42}, want: "!TemplateRuntimeError: No filter named 'f'"},
		{name: "test_filter_undefined_in_condexpr/t1", src: "{{ x|f if x is defined else 'foo' }}", want: "foo"},
		{name: "test_filter_undefined_in_condexpr/t2", src: "{{ 'foo' if x is not defined else x|f }}", want: "foo"},
		{name: "test_filter_undefined_in_condexpr/t1_defined", src: "{{ x|f if x is defined else 'foo' }}", data: map[string]any{"x": 42}, want: "!TemplateRuntimeError: No filter named 'f'"},
	}
	runPort(t, cases)
}

func mapDefaultUsers() []any {
	return []any{fullname{"john", "lennon"}, fullname{"jane", "edwards"}, fullname{"jon", nil}, firstname{"mike"}}
}

func rangeInts(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
