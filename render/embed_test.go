package render

import (
	"embed"
	"io/fs"
	"strings"
	"testing"
)

//go:embed testdata/templates
var embedded embed.FS

func TestEmbedRoot(t *testing.T) {
	sub, err := fs.Sub(embedded, "testdata/templates")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Roots: []Root{{Name: "embedded", FS: sub}}, AutoReload: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(s.Names(), ","), "base.html,index.html,partials/item.html"; got != want {
		t.Errorf("Names() = %s, want %s", got, want)
	}
	tests := []struct {
		name, page string
		data       any
		want       string
	}{
		{"page with include", "index.html", []string{"a<b", "c"},
			"<!DOCTYPE html>\n<html><head><title>Products</title></head>\n<body><ul><li>a&lt;b</li><li>c</li></ul></body></html>\n"},
		{"base alone", "base.html", nil,
			"<!DOCTYPE html>\n<html><head><title>Embedded</title></head>\n<body></body></html>\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(t, s, tt.page, tt.data, nil); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}
