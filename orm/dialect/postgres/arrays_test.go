package postgres

import "testing"

func TestArrayValue(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want any
	}{
		{"strings quoted", []string{"a", "b c"}, `{"a","b c"}`},
		{"quote and backslash escaped", []string{`say "hi"`, `C:\dir`}, `{"say \"hi\"","C:\\dir"}`},
		{"syntax characters stay inside quotes", []string{"{,}", "NULL", "", " x "}, `{"{,}","NULL",""," x "}`},
		{"unicode", []string{"日本語 𝄞"}, `{"日本語 𝄞"}`},
		{"no strings", []string{}, `{}`},
		{"integers", []int64{1, -2, 9223372036854775807, -9223372036854775808}, `{1,-2,9223372036854775807,-9223372036854775808}`},
		{"other slices unchanged", []bool{true}, []bool{true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := New().ArrayValue(tt.in)
			if s, ok := tt.want.(string); ok {
				if got != s {
					t.Errorf("ArrayValue(%v) = %v, want %s", tt.in, got, s)
				}
				return
			}
			if _, ok := got.([]bool); !ok {
				t.Errorf("ArrayValue(%v) = %T, want the slice back", tt.in, got)
			}
		})
	}
}
