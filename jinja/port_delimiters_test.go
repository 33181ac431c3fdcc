package jinja

import (
	"strings"
	"testing"
)

// delims is Environment(block_start, block_end, variable_start,
// variable_end, comment_start, comment_end, lstrip_blocks=...,
// trim_blocks=...).
func delims(bs, be, vs, ve, cs, ce string, lstrip, trim bool) func(*Environment) {
	return func(e *Environment) {
		e.Delimiters = Delimiters{bs, be, vs, ve, cs, ce}
		e.LstripBlocks, e.TrimBlocks = lstrip, trim
	}
}

// TestDelimiters ports the cases of Jinja's tests/test_lexnparse.py that
// change the delimiters (TestLexer, TestParser, TestLstripBlocks and
// TestTrimBlocks).
func TestDelimiters(t *testing.T) {
	seq5 := map[string]any{"seq": rangeInts(5)}
	lines := func(format string) string {
		var b strings.Builder
		for i := range 5 {
			b.WriteString(strings.ReplaceAll(format, "X", string(rune('0'+i))))
		}
		return b.String()
	}
	php := delims("<?", "?>", "<?=", "?>", "<!--", "-->", true, true)
	erb := delims("<%", "%>", "<%=", "%>", "<%#", "%>", true, true)
	angle := delims("<%", "%>", "${", "}", "<%#", "%>", true, true)
	cases := []portCase{
		{name: "TestLexer/test_balancing", env: delims("{%", "%}", "${", "}", "", "", false, false), src: "{% for item in seq\n            %}${{'foo': item}|upper}{% endfor %}",
			data: map[string]any{"seq": rangeInts(3)}, want: "{'FOO': 0}{'FOO': 1}{'FOO': 2}"},
		{name: "TestLexer/test_comments", env: delims("<!--", "-->", "{", "}", "", "", false, false), src: "<ul>\n<!--- for item in seq -->\n  <li>{item}</li>\n<!--- endfor -->\n</ul>",
			data: map[string]any{"seq": rangeInts(3)}, want: "<ul>\n  <li>0</li>\n  <li>1</li>\n  <li>2</li>\n</ul>"},
		{name: "TestParser/test_php_syntax", env: delims("<?", "?>", "<?=", "?>", "<!--", "-->", false, false), data: seq5,
			src: "<!-- I'm a comment, I'm not interesting --><? for item in seq -?>\n    <?= item ?>\n<?- endfor ?>", want: "01234"},
		{name: "TestParser/test_erb_syntax", env: delims("<%", "%>", "<%=", "%>", "<%#", "%>", false, false), data: seq5,
			src: "<%# I'm a comment, I'm not interesting %><% for item in seq -%>\n    <%= item %>\n<%- endfor %>", want: "01234"},
		{name: "TestParser/test_comment_syntax", env: delims("<!--", "-->", "${", "}", "<!--#", "-->", false, false), data: seq5,
			src: "<!--# I'm a comment, I'm not interesting --><!-- for item in seq --->\n    ${item}\n<!--- endfor -->", want: "01234"},
		{name: "TestParser/test_line_syntax", skip: "line statements are not implemented (docs/templates.md)"},
		{name: "TestParser/test_line_syntax_priority", skip: "line statements are not implemented (docs/templates.md)"},
		{name: "TestLstripBlocks/test_lstrip_angle_bracket_simple", env: angle, src: "    <% if True %>hello    <% endif %>", want: "hello    "},
		{name: "TestLstripBlocks/test_lstrip_angle_bracket_comment", env: angle, src: "    <%# if True %>hello    <%# endif %>", want: "hello    "},
		{name: "TestLstripBlocks/test_lstrip_angle_bracket", skip: "line comments (## ...) are not implemented (docs/templates.md)"},
		{name: "TestLstripBlocks/test_lstrip_angle_bracket_compact", skip: "line comments (## ...) are not implemented (docs/templates.md)"},
		{name: "TestLstripBlocks/test_php_syntax_with_manual", env: php, data: seq5,
			src: "    <!-- I'm a comment, I'm not interesting -->\n    <? for item in seq -?>\n        <?= item ?>\n    <?- endfor ?>", want: "01234"},
		{name: "TestLstripBlocks/test_php_syntax", env: php, data: seq5,
			src: "    <!-- I'm a comment, I'm not interesting -->\n    <? for item in seq ?>\n        <?= item ?>\n    <? endfor ?>", want: lines("        X\n")},
		{name: "TestLstripBlocks/test_php_syntax_compact", env: php, data: seq5,
			src: "    <!-- I'm a comment, I'm not interesting -->\n    <?for item in seq?>\n        <?=item?>\n    <?endfor?>", want: lines("        X\n")},
		{name: "TestLstripBlocks/test_erb_syntax", env: erb, data: seq5,
			src: "<%# I'm a comment, I'm not interesting %>\n    <% for item in seq %>\n    <%= item %>\n    <% endfor %>\n", want: lines("    X\n")},
		{name: "TestLstripBlocks/test_erb_syntax_with_manual", env: erb, data: seq5,
			src: "<%# I'm a comment, I'm not interesting %>\n    <% for item in seq -%>\n        <%= item %>\n    <%- endfor %>", want: "01234"},
		{name: "TestLstripBlocks/test_erb_syntax_no_lstrip", env: erb, data: seq5,
			src: "<%# I'm a comment, I'm not interesting %>\n    <%+ for item in seq -%>\n        <%= item %>\n    <%- endfor %>", want: "    01234"},
		{name: "TestLstripBlocks/test_comment_syntax", env: delims("<!--", "-->", "${", "}", "<!--#", "-->", true, true), data: seq5,
			src: "<!--# I'm a comment, I'm not interesting --><!-- for item in seq --->\n    ${item}\n<!--- endfor -->", want: "01234"},
		{name: "TestTrimBlocks/test_no_trim_angle_bracket/block", env: angle, src: "    <% if True +%>\n\n    <% endif %>", want: "\n\n"},
		{name: "TestTrimBlocks/test_no_trim_angle_bracket/comment", env: angle, src: "    <%# comment +%>\n\n   ", want: "\n\n   "},
		{name: "TestTrimBlocks/test_no_trim_php_syntax/block", env: delims("<?", "?>", "<?=", "?>", "<!--", "-->", false, true), src: "    <? if True +?>\n\n    <? endif ?>", want: "    \n\n    "},
		{name: "TestTrimBlocks/test_no_trim_php_syntax/comment", env: delims("<?", "?>", "<?=", "?>", "<!--", "-->", false, true), src: "    <!-- comment +-->\n\n    ", want: "    \n\n    "},
	}
	runPort(t, cases)
}
