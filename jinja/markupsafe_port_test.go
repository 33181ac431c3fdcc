package jinja

import (
	"errors"
	"testing"
)

// Ports of MarkupSafe's tests/test_markupsafe.py and tests/test_escape.py.
// Markup's Python API is reached the way templates reach it (Markup
// values, their methods and operators, |safe for Markup(obj), |string for
// soft_str); native cases compare "type:repr" of the result, so a case
// checks that the result is Markup as well as its text. Escape,
// EscapeSilent and the HTML() method are the Go API.

// htmlFoo is test_html_interop's Foo: __html__ and __str__.
type htmlFoo struct{}

func (htmlFoo) HTML() string   { return "<em>awesome</em>" }
func (htmlFoo) String() string { return "awesome" }

// htmlOnly is test_custom_formatting's HasHTMLOnly.
type htmlOnly struct{}

func (htmlOnly) HTML() string { return "<foo>" }

// htmlAndFormat is test_custom_formatting's HasHTMLAndFormat.
type htmlAndFormat struct{}

func (htmlAndFormat) HTML() string { return "<foo>" }

func (htmlAndFormat) HTMLFormat(spec string) (Markup, error) { return "<FORMAT>", nil }

// msUser is test_complex_custom_formatting's User.
type msUser struct {
	ID       int
	Username string
}

func (u msUser) HTML() string {
	m, _ := FormatMarkup("<span class=user>{0}</span>", u.Username)
	return string(m)
}

func (u msUser) HTMLFormat(spec string) (Markup, error) {
	switch spec {
	case "link":
		return FormatMarkup(`<a href="/user/{0}">{1}</a>`, u.ID, Markup(u.HTML()))
	case "":
		return Markup(u.HTML()), nil
	}
	return "", errors.New("Invalid format spec")
}

// stringable is test_formatting_with_objects' Stringable.
type stringable struct{}

func (stringable) String() string { return "строка" }

// withTypeof adds typeof(v), the Python type name of v: native rendering
// literal_evals a str result ("15" becomes 15), as Jinja's does.
func withTypeof(e *Environment) {
	e.Globals = map[string]any{"typeof": func(v any) string { return typeName(normalize(v)) }}
}

// refStr is test_escape's ReferenceStr: a named string type.
type refStr string

func TestMarkupSafePort(t *testing.T) {
	unsafe := `<script type="application/x-some-script">alert("foo");</script>`
	m := func(s string) Markup { return Markup(s) }
	runPort(t, []portCase{
		{name: "test_adding", native: true, src: "{{ unsafe + safe }}",
			data: map[string]any{"unsafe": unsafe, "safe": m("<em>username</em>")},
			want: "Markup:" + repr(Markup(escapeString(unsafe)+"<em>username</em>"))},
		{name: "test_string_interpolation/%s", native: true, src: "{{ t % d }}",
			data: map[string]any{"t": m("<em>%s</em>"), "d": "<bad user>"}, want: "Markup:Markup('<em>&lt;bad user&gt;</em>')"},
		{name: "test_string_interpolation/%(username)s", native: true, src: "{{ t % d }}",
			data: map[string]any{"t": m("<em>%(username)s</em>"), "d": map[string]any{"username": "<bad user>"}},
			want: "Markup:Markup('<em>&lt;bad user&gt;</em>')"},
		{name: "test_string_interpolation/%i", native: true, src: "{{ t % 3.14 }}", data: map[string]any{"t": m("%i")}, want: "Markup:Markup('3')"},
		{name: "test_string_interpolation/%.2f", native: true, src: "{{ t % 3.14 }}", data: map[string]any{"t": m("%.2f")}, want: "Markup:Markup('3.14')"},
		{name: "test_type_behavior/add", native: true, src: "{{ x + 'bar' }}", data: map[string]any{"x": m("foo")}, want: "Markup:Markup('foobar')"},
		{name: "test_type_behavior/__html__", native: true, src: "{{ x.__html__() }}", data: map[string]any{"x": m("foo")}, want: "Markup:Markup('foo')"},
		{name: "test_html_interop/Markup(Foo())", native: true, src: "{{ foo|safe }}", data: map[string]any{"foo": htmlFoo{}}, want: "Markup:Markup('<em>awesome</em>')"},
		{name: "test_html_interop/%", native: true, src: "{{ t % foo }}", data: map[string]any{"t": m("<strong>%s</strong>"), "foo": htmlFoo{}},
			want: "Markup:Markup('<strong><em>awesome</em></strong>')"},
		{name: "test_html_interop/autoescape", env: autoescapeOn, src: "{{ foo }}|{{ foo|string }}", data: map[string]any{"foo": htmlFoo{}}, want: "<em>awesome</em>|awesome"},
		{name: "test_missing_interpol/foo", src: "{{ t % 'foo' }}", data: map[string]any{"t": m("<em></em>")}, want: "!TypeError"},
		{name: "test_missing_interpol/42", src: "{{ t % 42 }}", data: map[string]any{"t": m("<em></em>")}, want: "!TypeError"},
		{name: "test_missing_interpol/('foo', 42)", src: "{{ t % ('foo', 42) }}", data: map[string]any{"t": m("<em></em>")}, want: "!TypeError"},
		{name: "test_tuple_interpol", native: true, src: "{{ t % ('<foo>', '<bar>') }}", data: map[string]any{"t": m("<em>%s:%s</em>")},
			want: "Markup:Markup('<em>&lt;foo&gt;:&lt;bar&gt;</em>')"},
		{name: "test_dict_interpol/one", native: true, src: "{{ t % {'foo': '<foo>'} }}", data: map[string]any{"t": m("<em>%(foo)s</em>")},
			want: "Markup:Markup('<em>&lt;foo&gt;</em>')"},
		{name: "test_dict_interpol/two", native: true, src: "{{ t % {'foo': '<foo>', 'bar': '<bar>'} }}", data: map[string]any{"t": m("<em>%(foo)s:%(bar)s</em>")},
			want: "Markup:Markup('<em>&lt;foo&gt;:&lt;bar&gt;</em>')"},
		{name: "test_escaping/escape", native: true, src: `{{ v|e }}`, data: map[string]any{"v": "\"<>&'"}, want: "Markup:Markup('&#34;&lt;&gt;&amp;&#39;')"},
		{name: "test_escaping/striptags", native: true, src: "{{ x.striptags() }}", data: map[string]any{"x": m("<!-- outer comment -->" +
			"<em>Foo &amp; Bar <!-- inner comment about <em> -->\n </em>" +
			"<!-- comment\nwith\nnewlines\n-->" +
			"<meta content='tag\nwith\nnewlines'>")}, want: "str:'Foo & Bar'"},
		{name: "test_unescape/lt", native: true, src: "{{ x.unescape() }}", data: map[string]any{"x": m("&lt;test&gt;")}, want: "str:'<test>'"},
		{name: "test_unescape/amp", native: true, src: "{{ x.unescape() }}", data: map[string]any{"x": m("jack & tavi are cooler than mike &amp; russ")},
			want: "str:'jack & tavi are cooler than mike & russ'"},
		{name: "test_unescape/once", native: true, src: "{{ x.unescape() }}", data: map[string]any{"x": m("&foo&#x3b;")}, want: "str:'&foo;'"},
		{name: "test_unescape/twice", native: true, src: "{{ (x.unescape()|safe).unescape() }}", data: map[string]any{"x": m("&foo&#x3b;")}, want: "str:'&foo;'"},
		// html.unescape's numeric references: windows-1252, removed controls
		// and noncharacters, a bare "&#x;" kept.
		{name: "unescape/charrefs", native: true, src: "{{ x.unescape() }}", data: map[string]any{"x": m("&#128;&#x1F;&#xFFFE;&#x;&#9999999999;&#xD800;&ampx&Aacutex")},
			want: "str:'\u20ac&#x;\ufffd\ufffd&x\u00c1x'"},
		{name: "test_format/keyword", native: true, src: "{{ x.format(awesome='<awesome>') }}", data: map[string]any{"x": m("<em>{awesome}</em>")},
			want: "Markup:Markup('<em>&lt;awesome&gt;</em>')"},
		{name: "test_format/index", native: true, src: "{{ x.format([0, {'bar': '<bar/>'}]) }}", data: map[string]any{"x": m("{0[1][bar]}")},
			want: "Markup:Markup('&lt;bar/&gt;')"},
		{name: "test_format/index markup", native: true, src: "{{ x.format([0, {'bar': '<bar/>'|safe}]) }}", data: map[string]any{"x": m("{0[1][bar]}")},
			want: "Markup:Markup('<bar/>')"},
		{name: "test_format_map", native: true, src: "{{ x.format_map({'value': '<value>'}) }}", data: map[string]any{"x": m("<em>{value}</em>")},
			want: "Markup:Markup('<em>&lt;value&gt;</em>')"},
		{name: "test_formatting_empty", native: true, src: "{{ x.format(0) }}", data: map[string]any{"x": m("{}")}, want: "Markup:Markup('0')"},
		{name: "test_custom_formatting/html only", native: true, src: "{{ x.format(v) }}", data: map[string]any{"x": m("{0}"), "v": htmlOnly{}}, want: "Markup:Markup('<foo>')"},
		{name: "test_custom_formatting/html and format", native: true, src: "{{ x.format(v) }}", data: map[string]any{"x": m("{0}"), "v": htmlAndFormat{}}, want: "Markup:Markup('<FORMAT>')"},
		{name: "test_custom_formatting/html only with a spec", src: "{{ x.format(v) }}", data: map[string]any{"x": m("{0:>5}"), "v": htmlOnly{}},
			want: "!ValueError: does not define __html_format__"},
		{name: "test_custom_formatting/!s conversion escapes", native: true, src: "{{ x.format(v) }}", data: map[string]any{"x": m("{0!s}"), "v": htmlFoo{}},
			want: "Markup:Markup('awesome')"},
		{name: "striptags/comment inside a tag", native: true, src: "{{ x.striptags() }}", data: map[string]any{"x": m("<a title='<!--'>x</a>-->y")}, want: `str:"<a title='y"`},
		{name: "striptags/unclosed", native: true, src: "{{ x.striptags() }}", data: map[string]any{"x": m("a < b <!-- c")}, want: "str:'a < b <!-- c'"},
		{name: "striptags/filter", native: true, src: "{{ x|striptags }}", data: map[string]any{"x": "<a title='<!--'>x</a>-->y"}, want: `str:"<a title='y"`},
		{name: "test_complex_custom_formatting", native: true, src: "{{ x.format(user) }}", data: map[string]any{"x": m("<p>User: {0:link}"), "user": msUser{1, "foo"}},
			want: "Markup:" + repr(Markup(`<p>User: <a href="/user/1"><span class=user>foo</span></a>`))},
		{name: "test_complex_custom_formatting/invalid spec", src: "{{ x.format(user) }}", data: map[string]any{"x": m("{0:bad}"), "user": msUser{1, "foo"}},
			want: "!ValueError: Invalid format spec"},
		{name: "test_formatting_with_objects", native: true, src: "{{ x.format(s=s) }}", data: map[string]any{"x": m("{s}"), "s": stringable{}}, want: "Markup:Markup('строка')"},
		{name: "test_splitting/split", native: true, src: "{{ x.split() }}", data: map[string]any{"x": m("a b")}, want: "list:[Markup('a'), Markup('b')]"},
		{name: "test_splitting/rsplit", native: true, src: "{{ x.rsplit() }}", data: map[string]any{"x": m("a b")}, want: "list:[Markup('a'), Markup('b')]"},
		{name: "test_splitting/splitlines", native: true, src: "{{ x.splitlines() }}", data: map[string]any{"x": m("a\nb")}, want: "list:[Markup('a'), Markup('b')]"},
		{name: "test_mul", native: true, src: "{{ x * 3 }}", data: map[string]any{"x": m("a")}, want: "Markup:Markup('aaa')"},
		{name: "test_escape_return_type/str", native: true, src: "{{ 'a'|e }}", want: "Markup:Markup('a')"},
		{name: "test_escape_return_type/Markup", native: true, src: "{{ x|e }}", data: map[string]any{"x": m("a")}, want: "Markup:Markup('a')"},
		{name: "test_escape_return_type/__html__", native: true, src: "{{ x|e }}", data: map[string]any{"x": htmlFoo{}}, want: "Markup:Markup('<em>awesome</em>')"},
		{name: "test_soft_str/str", native: true, src: "{{ ''|string }}", want: "str:''"},
		{name: "test_soft_str/Markup", native: true, src: "{{ x|string }}", data: map[string]any{"x": m("")}, want: "Markup:Markup('')"},
		{name: "test_soft_str/int", src: "{{ typeof(15|string) }}", env: withTypeof, want: "str"},
		{name: "test_soft_str/Markup typeof", src: "{{ typeof(x|string) }}", env: withTypeof, data: map[string]any{"x": m("")}, want: "Markup"},
		{name: "join", native: true, src: "{{ x.join(['<a>', '<b>'|safe]) }}", data: map[string]any{"x": m("<br>")}, want: "Markup:Markup('&lt;a&gt;<br><b>')"},
	})
}

func TestMarkupSafeGoAPI(t *testing.T) {
	tests := []struct {
		name string
		got  Markup
		want Markup
	}{
		{"test_escaping", Escape("\"<>&'"), "&#34;&lt;&gt;&amp;&#39;"},
		{"test_escape_silent/None", EscapeSilent(nil), ""},
		{"test_escape_silent/escape(None)", Escape(nil), "None"},
		{"test_escape_silent/str", EscapeSilent("<foo>"), "&lt;foo&gt;"},
		{"test_escape_return_type/__html__", Escape(htmlFoo{}), "<em>awesome</em>"},
		{"test_proxy", Escape(stringable{}), "строка"},
		{"test_subclass", Escape(refStr("test")), "test"},
		{"test_html_interop/Markup(Foo())", Markup(htmlFoo{}.HTML()), "<em>awesome</em>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

func TestMarkupSafeEscape(t *testing.T) {
	tests := []struct{ value, want string }{
		{"", ""},
		{"abcd&><'\"efgh", "abcd&amp;&gt;&lt;&#39;&#34;efgh"},
		{"&><'\"efgh", "&amp;&gt;&lt;&#39;&#34;efgh"},
		{"abcd&><'\"", "abcd&amp;&gt;&lt;&#39;&#34;"},
		{"こんにちは&><'\"こんばんは", "こんにちは&amp;&gt;&lt;&#39;&#34;こんばんは"},
		{"&><'\"こんばんは", "&amp;&gt;&lt;&#39;&#34;こんばんは"},
		{"こんにちは&><'\"", "こんにちは&amp;&gt;&lt;&#39;&#34;"},
		{"\U0001f363\U0001f362&><'\"\U0001f37a xyz", "\U0001f363\U0001f362&amp;&gt;&lt;&#39;&#34;\U0001f37a xyz"},
		{"&><'\"\U0001f37a xyz", "&amp;&gt;&lt;&#39;&#34;\U0001f37a xyz"},
		{"\U0001f363\U0001f362&><'\"", "\U0001f363\U0001f362&amp;&gt;&lt;&#39;&#34;"},
	}
	for _, tc := range tests {
		t.Run("test_escape/"+tc.value, func(t *testing.T) {
			if got := Escape(tc.value); got != Markup(tc.want) {
				t.Errorf("Escape = %q, want %q", got, tc.want)
			}
			got, err := (&Environment{Autoescape: func(string) bool { return true }}).FromString("{{ v }}")
			if err != nil {
				t.Fatal(err)
			}
			if out, err := got.Render(map[string]any{"v": tc.value}); err != nil || out != tc.want {
				t.Errorf("autoescaped output = %q, %v", out, err)
			}
		})
	}
}
