package jinja

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzTemplate parses and renders arbitrary template source: it must
// never panic, and every failure must be an *Error. The seeds are the
// conformance corpus.
func FuzzTemplate(f *testing.F) {
	for _, name := range corpusCases(f) {
		src, err := os.ReadFile(filepath.Join(corpusDir, "templates", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	raw, err := os.ReadFile(filepath.Join(corpusDir, "data.json"))
	if err != nil {
		f.Fatal(err)
	}
	loader := os.DirFS(filepath.Join(corpusDir, "templates"))
	f.Fuzz(func(t *testing.T, src string) {
		data, err := DecodeJSON(raw)
		if err != nil {
			t.Fatal(err)
		}
		env := &Environment{Loader: loader, MaxLoopIterations: 10000, Extensions: []string{ExtDo, ExtLoopControls}}
		tmpl, err := env.FromString(src)
		if err == nil {
			_, err = tmpl.Render(data)
		}
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("error is %T, not *Error: %v", err, err)
		}
	})
}

// FuzzParse lexes and parses arbitrary template source without rendering
// it: it must never panic, and every failure must be an *Error naming a
// line inside the source. The seeds are the conformance corpus and a few
// hostile shapes (unclosed tags, deep nesting, stray delimiters).
func FuzzParse(f *testing.F) {
	for _, name := range corpusCases(f) {
		src, err := os.ReadFile(filepath.Join(corpusDir, "templates", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	for _, s := range []string{"{{", "{%", "{#", "{% if %}", "{{ ((((( }}", "{% raw %}", "{{ a|f( }}",
		"{% for a.b in c %}", "{{ 'x\xff' }}", "{%- -%}", "{{ x is }}", "{% macro m(a=) %}"} {
		f.Add(s)
	}
	env := &Environment{Extensions: []string{ExtDo, ExtLoopControls}}
	f.Fuzz(func(t *testing.T, src string) {
		_, err := env.FromString(src)
		if err == nil {
			return
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error is %T, not *Error: %v", err, err)
		}
		// Jinja reads "\r\n" and "\r" as line breaks too.
		lines := 1 + strings.Count(strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n"), "\n")
		if e.Line < 0 || e.Line > lines {
			t.Fatalf("error line %d outside the source's %d lines: %v", e.Line, lines, err)
		}
	})
}

// FuzzLexOptions parses arbitrary source with the lexer options Jinja's
// Environment takes (trim_blocks, lstrip_blocks, other delimiters, line
// statements and comments): it must never panic, and every failure must
// be an *Error naming a line inside the source.
func FuzzLexOptions(f *testing.F) {
	for _, s := range []string{"    {% if True %}\n    {% endif %}", "{{x}}{% raw %}\n\n    {% endraw +%}\n\n{{ y }}",
		"<% for item in seq -%>\n    <%= item %>\n<%- endfor %>", "# for item in seq:\n* ${item}  ## c\n# endfor",
		"<!--- for x in y --->${x}<!--- endfor -->", "% if (a,\n b) %\n% endif", " {# 1 #}\n  {# 2 +#}    {#- 3 -#}"} {
		f.Add(s)
	}
	envs := []*Environment{
		{TrimBlocks: true, LstripBlocks: true},
		{Delimiters: Delimiters{"<%", "%>", "<%=", "%>", "<%#", "%>"}, TrimBlocks: true, LstripBlocks: true},
		{Delimiters: Delimiters{"<!--", "-->", "${", "}", "<!--#", "-->"}, LstripBlocks: true},
		{Delimiters: Delimiters{VariableStart: "${", VariableEnd: "}"}, LineStatementPrefix: "#", LineCommentPrefix: "##"},
		{Delimiters: Delimiters{"<%", "%>", "${", "}", "<%#", "%>"}, LineStatementPrefix: "%", LineCommentPrefix: "##", TrimBlocks: true, LstripBlocks: true},
	}
	f.Fuzz(func(t *testing.T, src string) {
		lines := 1 + strings.Count(strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n"), "\n")
		for _, env := range envs {
			_, err := env.FromString(src)
			if err == nil {
				continue
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error is %T, not *Error: %v", err, err)
			}
			if e.Line < 0 || e.Line > lines {
				t.Fatalf("error line %d outside the source's %d lines: %v", e.Line, lines, err)
			}
		}
	})
}
