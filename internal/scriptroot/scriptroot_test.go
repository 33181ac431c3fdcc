package scriptroot

import (
	"context"
	"testing"
)

func TestWith(t *testing.T) {
	tests := []struct{ name, prefix, want string }{
		{"root", "/", ""},
		{"empty", "", ""},
		{"plain", "/app", "/app"},
		{"no leading slash", "app/", "/app"},
		{"extra slashes cannot make //host", "//evil.com//", "/evil.com"},
		{"nested", "/a/b/", "/a/b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := From(With(context.Background(), tt.prefix)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if got := From(context.Background()); got != "" {
		t.Errorf("bare context: %q", got)
	}
}
