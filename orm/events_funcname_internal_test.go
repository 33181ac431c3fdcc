package orm

import "testing"

// TestFuncName checks the function part of runtime frame names, the
// location statement events report.
func TestFuncName(t *testing.T) {
	tests := []struct {
		name, fn, want string
	}{
		{"plain function", "example.com/app.Handler", "Handler"},
		{"closure", "example.com/app.Handler.func1", "Handler.func1"},
		{"pointer method", "example.com/app/store.(*Store).Save", "(*Store).Save"},
		{"escaped dot in the last element", "gopkg.in/yaml%2ev3.Func", "Func"},
		{"unescaped gopkg.in version", "gopkg.in/yaml.v3.Func", "Func"},
		{"unescaped version, method", "gopkg.in/yaml.v3.(*Node).Decode", "(*Node).Decode"},
		{"generic function", "example.com/m/a%2ev3.G[...]", "G[...]"},
		{"slash in type arguments", "example.com/app.G[example.com/x.T]", "G[example.com/x.T]"},
		{"method named like a version", "example.com/app.T.v2", "T.v2"},
		{"main package", "main.main", "main"},
		{"no package", "func1", "func1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := funcName(tc.fn); got != tc.want {
				t.Errorf("funcName(%q) = %q, want %q", tc.fn, got, tc.want)
			}
		})
	}
}
