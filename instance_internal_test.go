package flagon

import "testing"

func TestIsGoBuildTemp(t *testing.T) {
	tests := []struct {
		exe  string
		want bool
	}{
		{"/tmp/go-build2718281828/b001/exe/shop", true},
		{"/tmp/go-build123/b001/flagon.test", true},
		{"/srv/shop/shop", false},
		{"/home/ann/go-builder/shop", false},
		{"/home/ann/go-build/shop", false},
	}
	for _, tt := range tests {
		if got := isGoBuildTemp(tt.exe); got != tt.want {
			t.Errorf("isGoBuildTemp(%q) = %v, want %v", tt.exe, got, tt.want)
		}
	}
}

func TestInGoBuildCache(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("GOCACHE", cache)
	tests := []struct {
		exe  string
		want bool
	}{
		{cache + "/38/3854ace62bf0-d/shop", true}, // a cached "go run" program
		{cache + "-other/shop", false},
		{"/srv/shop/shop", false},
	}
	for _, tt := range tests {
		if got := inGoBuildCache(tt.exe); got != tt.want {
			t.Errorf("inGoBuildCache(%q) = %v, want %v", tt.exe, got, tt.want)
		}
	}
}
