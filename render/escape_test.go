package render

import (
	"testing"
)

func TestAutoescapeContexts(t *testing.T) {
	const attack = "<script>alert(1)</script>"
	files := map[string]string{
		"base.html": `<body>{{block "content" .}}{{end}}</body>`,
		"body.html": `{{ extends "base.html" }}{{define "content"}}<p>{{.}}</p>{{end}}`,
		"attr.html": `<input value="{{.}}">`,
		"url.html":  `<a href="{{.}}">x</a>`,
		"js.html":   `<script>var v = {{.}};</script>`,
		"css.html":  `<style>p { color: {{.}}; }</style>`,
		"inc.html":  `{{template "attr.html" .}}`,
	}
	s := newSet(t, files, Options{})
	tests := []struct {
		name, page string
		data       any
		want       string
	}{
		{"html body", "body.html", attack,
			`<body><p>&lt;script&gt;alert(1)&lt;/script&gt;</p></body>`},
		{"attribute value", "attr.html", attack + `" onclick="x`,
			`<input value="&lt;script&gt;alert(1)&lt;/script&gt;&#34; onclick=&#34;x">`},
		{"javascript url", "url.html", "javascript:alert(1)", `<a href="#ZgotmplZ">x</a>`},
		{"url keeps safe links", "url.html", "/search?q=a b", `<a href="/search?q=a%20b">x</a>`},
		{"script as JSON string", "js.html", attack,
			`<script>var v = "\u003cscript\u003ealert(1)\u003c/script\u003e";</script>`},
		{"css", "css.html", attack, `<style>p { color: ZgotmplZ; }</style>`},
		{"included attribute", "inc.html", `"><script>`, `<input value="&#34;&gt;&lt;script&gt;">`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, s, tt.page, tt.data, nil); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}
