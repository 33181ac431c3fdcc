package routing

import (
	"errors"
	"testing"
)

// Werkzeug's Rule(redirect_to=...) (rules.py): a match reports the target
// with the converted values, both forms.
func TestRedirectTo(t *testing.T) {
	m := NewMap()
	for _, r := range []*Rule{
		{Pattern: "/foo/<slug>", Endpoint: "foo"},
		{Pattern: "/some/old/url/<slug>", Endpoint: "old", RedirectTo: "foo/<slug>"},
		{Pattern: "/other/old/url/<int:id>", Endpoint: "other", RedirectFunc: func(v map[string]any) (string, error) {
			if v["id"] == 13 {
				return "", errors.New("unlucky")
			}
			return "foo/by-id", nil
		}},
	} {
		if err := m.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, path, want string
	}{
		{"string", "/some/old/url/a b", "foo/a%20b"},
		{"function", "/other/old/url/7", "foo/by-id"},
		{"function error", "/other/old/url/13", "unlucky"},
		{"plain rule unaffected", "/foo/x", "match foo"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p Params
			r, err := m.Match("GET", tt.path, &p)
			var redirect *RedirectError
			got := ""
			switch {
			case errors.As(err, &redirect) && redirect.Target && redirect.Code == 308:
				got = redirect.Location
			case err != nil:
				got = err.Error()
			default:
				got = "match " + r.Endpoint
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	bad := []*Rule{
		{Pattern: "/a/<x>", Endpoint: "a", RedirectTo: "b/<y>"},
		{Pattern: "/b", Endpoint: "b", RedirectTo: "c", RedirectFunc: func(map[string]any) (string, error) { return "", nil }},
	}
	for _, r := range bad {
		var pe *ParseError
		if err := NewMap().Add(r); !errors.As(err, &pe) {
			t.Errorf("Add(%s): err = %v, want a *ParseError", r.Pattern, err)
		}
	}
}
