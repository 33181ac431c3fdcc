package render

import (
	"testing"
)

func TestFilters(t *testing.T) {
	tests := []struct {
		name, src string
		data      any
		want      string
	}{
		{"upper", `{{ . | upper }}`, "<a>", "&lt;A&gt;"},
		{"lower", `{{ . | lower }}`, "AbC", "abc"},
		{"title", `{{ . | title }}`, "hello wORLD-wide", "Hello World-Wide"},
		{"capitalize", `{{ . | capitalize }}`, "éCOLE", "École"},
		{"capitalize empty", `{{ . | capitalize }}`, "", ""},
		{"trim", `[{{ . | trim }}]`, "  x \n", "[x]"},
		{"truncate long", `{{ . | truncate 8 }}`, "フレームワークのベンチマーク", "フレームワ..."},
		{"truncate short", `{{ . | truncate 8 }}`, "short", "short"},
		{"truncate tiny", `{{ . | truncate 2 }}`, "abcdef", "ab"},
		{"default on empty", `{{ . | default "anon" }}`, "", "anon"},
		{"default on nil", `{{ .x | default "anon" }}`, map[string]any{}, "anon"},
		{"default on zero", `{{ . | default 7 }}`, 0, "7"},
		{"default keeps value", `{{ . | default "anon" }}`, "ann", "ann"},
		{"default on empty list", `{{ . | default "none" }}`, []int{}, "none"},
		{"join", `{{ . | join ", " }}`, []any{1, "<b>", 2.5}, "1, &lt;b&gt;, 2.5"},
		{"length of list", `{{ . | length }}`, []int{1, 2, 3}, "3"},
		{"length of string", `{{ . | length }}`, "日本", "2"},
		{"length of map", `{{ . | length }}`, map[string]int{"a": 1}, "1"},
		{"replace", `{{ . | replace "-" " " }}`, "a-b-c", "a b c"},
		{"join of a non-list", `{{ . | join ", " }}`, 3, "error"},
		{"length of a number", `{{ . | length }}`, 3, "error"},
	}
	s := newSet(t, nil, Options{StaticFuncs: Filters()})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.RenderString(tt.src, tt.data, nil)
			if err != nil {
				got = "error"
			}
			if got != tt.want {
				t.Errorf("got %q, want %q (err %v)", got, tt.want, err)
			}
		})
	}
}
