package routing

import "testing"

// Werkzeug matches "/" + path_info.lstrip("/"), so a path without its
// leading slash matches the rule for "/" + path; expected results from
// Werkzeug 3.1 (MapAdapter.match("foo")).
func TestMatchPathWithoutLeadingSlash(t *testing.T) {
	m := newMap(t, "- /foo foo", "- /p/<int:id> p", "- /dir/ dir")
	tests := []struct{ name, path, want string }{
		{"static", "foo", "foo"},
		{"variable", "p/3", "p id=3"},
		{"strict_slashes_redirect", "dir", "308 /dir/"},
		{"unknown", "bar", "404"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p Params
			r, err := m.Match("GET", tt.path, &p)
			if got := matchResult(r, &p, err); got != tt.want {
				t.Errorf("Match(%q) = %s, want %s", tt.path, got, tt.want)
			}
		})
	}
}

// Werkzeug's NumberConverter.to_url is str(int(value)) or str(float(value)):
// Python's bool is an int, int() truncates floats and strips whitespace
// and a '+' sign. Expected paths from Werkzeug 3.1's MapAdapter.build.
func TestBuildNumbersAsPython(t *testing.T) {
	m := newMap(t, "- /p/<int:id> p", "- /d/<int(fixed_digits=3):id> d", "- /f/<float:x> f")
	tests := []struct {
		name, endpoint string
		value          any
		want           string
	}{
		{"int_true", "p", true, "/p/1"},
		{"int_false", "p", false, "/p/0"},
		{"int_float_truncated", "p", 1.5, "/p/1"},
		{"int_string_spaces", "p", " 12 ", "/p/12"},
		{"int_string_plus", "p", "+5", "/p/5"},
		{"fixed_digits_true", "d", true, "/d/001"},
		{"float_true", "f", true, "/f/1.0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key := map[string]string{"p": "id", "d": "id", "f": "x"}[tt.endpoint]
			got, _, err := m.Build(tt.endpoint, map[string]any{key: tt.value}, "")
			if err != nil || got != tt.want {
				t.Fatalf("Build(%v) = %q, %v; want %q", tt.value, got, err, tt.want)
			}
		})
	}
}
