package routing

import (
	"errors"
	"fmt"
	"testing"
)

// hostMap builds a host-matching map of Werkzeug's TestHostMatching.
func hostMap(t *testing.T) *Map {
	t.Helper()
	m := NewMap()
	m.HostMatching = true
	for _, r := range []*Rule{
		{Pattern: "/", Endpoint: "index", Host: "app.test", StrictSlashes: true},
		{Pattern: "/", Endpoint: "lang", Host: "<lang>.app.test", StrictSlashes: true},
		{Pattern: "/page/", Endpoint: "page", Host: "app.<domain>", Defaults: map[string]any{"page": 1}, StrictSlashes: true},
		{Pattern: "/page/<int:page>/", Endpoint: "page", Host: "pages.<domain>", StrictSlashes: true},
	} {
		if err := m.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// Werkzeug's test_routing.py::TestHostMatching.
func TestWerkzeugHostMatching(t *testing.T) {
	m := hostMap(t)
	tests := []struct {
		name, host, path string
		want             string // endpoint and values, or the error
	}{
		{"test_match_host", "app.test", "/", "index map[]"},
		{"test_no_match_other_host", "somewhere.test", "/", "not found"},
		{"test_match_host_prefix", "en.app.test", "/", "lang map[lang:en]"},
		{"test_match_host_suffix", "app.personal.test", "/page/", "page map[domain:personal.test page:1]"},
		{"test_match_redirect_trailing_slash", "app.other.test", "/page", "redirect /page/ same host"},
		{"test_match_redirect_other_host", "pages.personal.test", "/page/1/", "redirect /page/ to app.personal.test"},
		{"other page on its host", "pages.personal.test", "/page/2/", "page map[domain:personal.test page:2]"},
		{"no host rule for an empty host", "", "/", "not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p Params
			r, err := m.MatchHost("GET", tt.host, tt.path, &p)
			if got := describeHostMatch(r, err, &p); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func describeHostMatch(r *Rule, err error, p *Params) string {
	var redirect *RedirectError
	switch {
	case errors.As(err, &redirect) && redirect.OtherDomain:
		return "redirect " + redirect.Location + " to " + redirect.Domain
	case errors.As(err, &redirect):
		return "redirect " + redirect.Location + " same host"
	case errors.Is(err, ErrNotFound):
		return "not found"
	case err != nil:
		return err.Error()
	}
	v, verr := p.Values()
	if verr != nil {
		return verr.Error()
	}
	return fmt.Sprintf("%s %v", r.Endpoint, v)
}

// Werkzeug's TestHostMatching.test_build_same_host and
// test_build_other_host, and test_build_url_same_endpoint_multiple_hosts:
// BuildHost gives the rule's host, the caller compares it with the
// request's.
func TestWerkzeugHostBuilding(t *testing.T) {
	m := hostMap(t)
	multi := NewMap()
	multi.HostMatching = true
	for _, r := range []*Rule{
		{Pattern: "/", Endpoint: "index", Host: "alpha.example.com"},
		{Pattern: "/", Endpoint: "index", Host: "beta.example.com"},
		{Pattern: "/", Endpoint: "gamma", Host: "Gamma.Example.com"},
	} {
		if err := multi.Add(r); err != nil {
			t.Fatalf("test_no_duplicates_host: %v", err)
		}
	}
	tests := []struct {
		name     string
		m        *Map
		endpoint string
		values   map[string]any
		host     string
		path     string
	}{
		{"test_build_same_host", m, "index", nil, "app.test", "/"},
		{"test_build_same_host with a variable", m, "page", map[string]any{"domain": "personal.test"}, "app.personal.test", "/page/"},
		{"test_build_other_host", m, "page", map[string]any{"domain": "personal.test", "page": 2}, "pages.personal.test", "/page/2/"},
		{"test_build_url_same_endpoint_multiple_hosts", multi, "index", nil, "alpha.example.com", "/"},
		{"lower-cased host", multi, "gamma", nil, "gamma.example.com", "/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			host, path, _, err := tt.m.BuildHost(tt.endpoint, tt.values, "")
			if err != nil || host != tt.host || path != tt.path {
				t.Errorf("got %q %q %v, want %q %q", host, path, err, tt.host, tt.path)
			}
		})
	}
	var p Params
	if r, err := multi.MatchHost("GET", "beta.example.com", "/", &p); err != nil || r.Host != "beta.example.com" {
		t.Errorf("beta: %v %v", r, err)
	}
}

// Werkzeug's test_no_duplicates_host: with host matching, the same path
// on two hosts is no conflict; without it, Host is ignored.
func TestWerkzeugNoDuplicatesHost(t *testing.T) {
	m := NewMap()
	m.HostMatching = true
	if err := m.Add(&Rule{Pattern: "/", Endpoint: "index", Host: "a"}); err != nil {
		t.Fatal(err)
	}
	if err := m.Add(&Rule{Pattern: "/", Endpoint: "host", Host: "b"}); err != nil {
		t.Fatalf("test_no_duplicates_host: %v", err)
	}
	plain := NewMap()
	_ = plain.Add(&Rule{Pattern: "/", Endpoint: "index", Host: "a"})
	var conflict *ConflictError
	if err := plain.Add(&Rule{Pattern: "/", Endpoint: "host", Host: "b"}); !errors.As(err, &conflict) {
		t.Errorf("without host matching: err = %v, want a conflict", err)
	}
}
