package render

import (
	"io"
	"testing"
)

func FuzzRenderString(f *testing.F) {
	s := newSet(f, map[string]string{
		"base.html": `<b>{{block "c" .}}{{end}}</b>`,
		"nav.html":  `<nav>{{.}}</nav>`,
	}, Options{StringCacheSize: 4})
	for _, seed := range []string{
		`{{ extends "base.html" }}{{define "c"}}{{.}}{{end}}`,
		`{{template "nav.html" .}}`,
		`<a href="{{.}}">{{if .}}x{{end}}</a>`,
		`{{ extends . }}`,
		`{{define "c"}}{{ extends "base.html" }}{{end}}`,
		`<script>var x = {{.}}</script>`,
		`{{ if }}`,
		`<a href="{{.}}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, err := s.RenderString(src, "<x>", nil)
		if err != nil && out != "" {
			t.Errorf("RenderString returned output %q with error %v", out, err)
		}
		p := s.stringPage(src)
		if p.err == nil {
			s.run(io.Discard, p, nil, nil)
		}
	})
}
