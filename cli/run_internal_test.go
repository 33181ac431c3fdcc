package cli

import (
	"os"
	"slices"
	"testing"
)

func TestSplitPathLists(t *testing.T) {
	got := splitPathLists([]string{"a.toml:conf/b.yaml", " c.json ", "", "d::e"})
	want := []string{"a.toml", "conf/b.yaml", "c.json", "d", "e"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestIsLoopback(t *testing.T) {
	tests := map[string]bool{
		"127.0.0.1": true, "127.0.0.2": true, "localhost": true, "LOCALHOST": true,
		"::1": true, "[::1]": true, "0.0.0.0": false, "::": false, "192.168.1.2": false,
		"example.com": false, "": false,
	}
	for host, want := range tests {
		if got := isLoopback(host); got != want {
			t.Errorf("isLoopback(%q) = %v, want %v", host, got, want)
		}
	}
}

func TestJoinHostPort(t *testing.T) {
	tests := map[string]string{"127.0.0.1": "127.0.0.1:80", "::1": "[::1]:80", "[::1]": "[::1]:80", "localhost": "localhost:80"}
	for host, want := range tests {
		if got := joinHostPort(host, "80"); got != want {
			t.Errorf("joinHostPort(%q) = %q, want %q", host, got, want)
		}
	}
}

func TestTruthy(t *testing.T) {
	for v, want := range map[string]bool{"1": true, "true": true, "yes": true, "on": true,
		"": false, "0": false, "false": false, "No": false, "off": false} {
		if truthy(v) != want {
			t.Errorf("truthy(%q) != %v", v, want)
		}
	}
}

// unsetenv removes key for the test; t.Setenv restores it afterwards.
func unsetenv(t *testing.T, key string) {
	t.Helper()
	if err := os.Unsetenv(key); err != nil {
		t.Fatal(err)
	}
}

// test_run_exclude_patterns (Flask tests/test_cli.py): the value is
// split at the path list separator only; commas stay.
func TestRunExcludePatterns(t *testing.T) {
	var o runOptions
	cmd := newRunCommand(&o)
	if err := cmd.ParseFlags([]string{"--exclude-patterns", "/src/a,b.py", "--extra-files", "x.toml" + string(os.PathListSeparator) + "y,z.json"}); err != nil {
		t.Fatal(err)
	}
	if err := o.validate(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(o.exclude, []string{"/src/a,b.py"}) || !slices.Equal(o.extraFiles, []string{"x.toml", "y,z.json"}) {
		t.Errorf("exclude %q, extra files %q", o.exclude, o.extraFiles)
	}
}
