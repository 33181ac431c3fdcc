package jinja

import "testing"

// TestRuntime ports Jinja's tests/test_runtime.py.
func TestRuntime(t *testing.T) {
	cases := []portCase{
		{name: "test_loop_idx", src: "[{% for i in lst|reverse %}(len={{ loop.length }}, revindex={{ loop.revindex }}, index={{ loop.index }}, val={{ i }}){% endfor %}]",
			data: map[string]any{"lst": []int{10}}, want: "[(len=1, revindex=1, index=1, val=10)]"},
		{name: "test_loop_idx0", src: "[{% for i in lst|reverse %}(len={{ loop.length }}, revindex0={{ loop.revindex0 }}, index0={{ loop.index0 }}, val={{ i }}){% endfor %}]",
			data: map[string]any{"lst": []int{10}}, want: "[(len=1, revindex0=0, index0=0, val=10)]"},
		{name: "test_loopcontext0", src: "{% for i in lst|reverse %}{{ loop.length }}{% else %}0{% endfor %}", data: map[string]any{"lst": []int{}}, want: "0"},
		{name: "test_loopcontext1", src: "{% for i in lst|reverse %}{{ loop.length }}{% endfor %}", data: map[string]any{"lst": []int{10}}, want: "1"},
		{name: "test_loopcontext2", src: "{% for i in lst|reverse %}{{ loop.length }}{% endfor %}", data: map[string]any{"lst": []int{10, 11}}, want: "22"},
		{name: "test_iterator_not_advanced_early", src: "{% for _, g in gs %}{{ loop.index }} {{ g|list }}\n{% endfor %}",
			data: map[string]any{"gs": []any{Tuple{1, []any{Tuple{1, "a"}, Tuple{1, "b"}}}, Tuple{2, []any{Tuple{2, "c"}}}, Tuple{3, []any{Tuple{3, "d"}}}}},
			want: "1 [(1, 'a'), (1, 'b')]\n2 [(2, 'c')]\n3 [(3, 'd')]\n"},
		{name: "test_mock_not_pass_arg_marker", src: "{{ calc() }}", data: map[string]any{"calc": func(args ...any) int { return len(args) }}, want: "0"},
	}
	runPort(t, cases)
}
