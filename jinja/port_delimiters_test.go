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

// lines3 is Environment(delimiters..., line_statement_prefix,
// line_comment_prefix).
func lines3(bs, be, vs, ve, cs, ce, stmt, comment string) func(*Environment) {
	return func(e *Environment) {
		e.Delimiters = Delimiters{bs, be, vs, ve, cs, ce}
		e.LineStatementPrefix, e.LineCommentPrefix = stmt, comment
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
	angleLines := func(e *Environment) {
		angle(e)
		e.LineStatementPrefix, e.LineCommentPrefix = "%", "##"
	}
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
		{name: "TestParser/test_line_syntax/statements", env: lines3("<%", "%>", "${", "}", "<%#", "%>", "%", ""), data: seq5, fields: true,
			src: "<%# regular comment %>\n% for item in seq:\n    ${item}\n% endfor", want: "0 1 2 3 4"},
		{name: "TestParser/test_line_syntax/comments", env: lines3("<%", "%>", "${", "}", "<%#", "%>", "%", "##"), data: seq5, fields: true,
			src: "<%# regular comment %>\n% for item in seq:\n    ${item} ## the rest of the stuff\n% endfor", want: "0 1 2 3 4"},
		{name: "TestParser/test_line_syntax_priority/1", env: lines3("{%", "%}", "${", "}", "/*", "*/", "##", "#"), data: map[string]any{"seq": []int{1, 2}},
			src: "/* ignore me.\n   I'm a multiline comment */\n## for item in seq:\n* ${item}          # this is just extra stuff\n## endfor", want: "\n* 1\n* 2\n"},
		{name: "TestParser/test_line_syntax_priority/2", env: lines3("{%", "%}", "${", "}", "/*", "*/", "#", "##"), data: map[string]any{"seq": []int{1, 2}},
			src: "/* ignore me.\n   I'm a multiline comment */\n# for item in seq:\n* ${item}          ## this is just extra stuff\n    ## extra stuff i just want to ignore\n# endfor", want: "\n* 1\n\n* 2\n\n"},
		{name: "TestLstripBlocks/test_lstrip_angle_bracket_simple", env: angle, src: "    <% if True %>hello    <% endif %>", want: "hello    "},
		{name: "TestLstripBlocks/test_lstrip_angle_bracket_comment", env: angle, src: "    <%# if True %>hello    <%# endif %>", want: "hello    "},
		{name: "TestLstripBlocks/test_lstrip_angle_bracket", env: angleLines, data: seq5,
			src: "    <%# regular comment %>\n    <% for item in seq %>\n${item} ## the rest of the stuff\n   <% endfor %>", want: lines("X\n")},
		{name: "TestLstripBlocks/test_lstrip_angle_bracket_compact", env: angleLines, data: seq5,
			src: "    <%#regular comment%>\n    <%for item in seq%>\n${item} ## the rest of the stuff\n   <%endfor%>", want: lines("X\n")},
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
