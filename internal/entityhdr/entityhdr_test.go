package entityhdr

import (
	"net/http"
	"reflect"
	"testing"
)

// test_remove_entity_headers and test_is_entity_header (Werkzeug's
// test_http.py), and the per-status stripping of get_wsgi_headers
// (test_response_304_no_content_length in test_wrappers.py).
func TestForStatus(t *testing.T) {
	full := func() http.Header {
		return http.Header{
			"Date": {"now"}, "Content-Type": {"text/html"}, "Content-Length": {"4"},
			"Expires": {"later"}, "Content-Location": {"/x"}, "Last-Modified": {"then"},
			"Content-Encoding": {"gzip"}, "Allow": {"GET"}, "Etag": {`"a"`}, "Vary": {"Cookie"},
		}
	}
	without := func(keys ...string) http.Header {
		h := full()
		for _, k := range keys {
			delete(h, k)
		}
		return h
	}
	tests := []struct {
		name   string
		status int
		want   http.Header
	}{
		{"test_response_304_no_content_length", 304, http.Header{
			"Date": {"now"}, "Expires": {"later"}, "Content-Location": {"/x"}, "Etag": {`"a"`}, "Vary": {"Cookie"}}},
		{"204 drops Content-Length", 204, without("Content-Length")},
		{"103 drops Content-Length", 103, without("Content-Length")},
		{"200 keeps all", 200, full()},
		{"404 keeps all", 404, full()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := full()
			ForStatus(h, tt.status)
			if !reflect.DeepEqual(h, tt.want) {
				t.Fatalf("got %v, want %v", h, tt.want)
			}
		})
	}
}

func TestRemove(t *testing.T) {
	tests := []struct {
		name    string
		allowed []string
		want    http.Header
	}{
		{"test_remove_entity_headers", nil, http.Header{"Date": {"now"}}},
		{"allowed kept", []string{"content-type"}, http.Header{"Date": {"now"}, "Content-Type": {"text/html"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{"Date": {"now"}, "Content-Type": {"text/html"}, "Content-Length": {"0"}}
			Remove(h, tt.allowed...)
			if !reflect.DeepEqual(h, tt.want) {
				t.Fatalf("got %v, want %v", h, tt.want)
			}
		})
	}
}

func TestIsEntityHeader(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"Content-Type", true}, {"content-md5", true}, {"EXPIRES", true}, {"Last-Modified", true},
		{"ETag", false}, {"Date", false}, {"Vary", false}, {"Cache-Control", false},
	}
	for _, tt := range tests {
		if got := IsEntityHeader(tt.name); got != tt.want {
			t.Errorf("IsEntityHeader(%q) = %v", tt.name, got)
		}
	}
}
