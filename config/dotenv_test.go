package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const dotenvVar = "FLAGON_DOTENV_TEST_V"

// dotenvTree writes files (relative path to content) under a new temporary
// directory and returns that directory. It skips the test when a stray
// dotenv file above the temporary directory would take part in the search.
func dotenvTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for _, name := range defaultDotenvFiles {
		if p, ok := findUp(filepath.Dir(root), name); ok {
			t.Skipf("stray %s above the temporary directory", p)
		}
	}
	for name, content := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// unsetForTest unsets name for the test and restores it afterwards.
func unsetForTest(t *testing.T, name string) {
	t.Helper()
	t.Setenv(name, "")
	os.Unsetenv(name)
}

func TestLoadDotenvPrecedence(t *testing.T) {
	line := func(v string) string { return dotenvVar + "=" + v + "\n" }
	tests := []struct {
		name      string
		files     map[string]string
		real      *string
		explicit  []string
		want      string
		wantSet   bool
		wantPaths []string
	}{
		{name: "nothing", wantPaths: []string{}},
		{name: "flagonenv only", files: map[string]string{"app/.flagonenv": line("flagonenv")},
			want: "flagonenv", wantSet: true, wantPaths: []string{"app/.flagonenv"}},
		{name: "env over flagonenv",
			files: map[string]string{"app/.env": line("env"), "app/.flagonenv": line("flagonenv")},
			want:  "env", wantSet: true, wantPaths: []string{"app/.env", "app/.flagonenv"}},
		{name: "explicit over env",
			files:    map[string]string{"app/.env": line("env"), "app/.flagonenv": line("flagonenv"), "app/custom.env": line("custom")},
			explicit: []string{"custom.env"},
			want:     "custom", wantSet: true, wantPaths: []string{"app/custom.env", "app/.env", "app/.flagonenv"}},
		{name: "real env over everything",
			files:    map[string]string{"app/.env": line("env"), "app/.flagonenv": line("flagonenv"), "app/custom.env": line("custom")},
			real:     new("real"),
			explicit: []string{"custom.env"},
			want:     "real", wantSet: true, wantPaths: []string{"app/custom.env", "app/.env", "app/.flagonenv"}},
		{name: "real empty value is kept",
			files: map[string]string{"app/.env": line("env")},
			real:  new(""), want: "", wantSet: true, wantPaths: []string{"app/.env"}},
		{name: "explicit without the variable",
			files:    map[string]string{"app/.env": line("env"), "app/other.env": "OTHER_UNUSED_X=1\n"},
			explicit: []string{"other.env"},
			want:     "env", wantSet: true, wantPaths: []string{"app/other.env", "app/.env"}},
		{name: "first explicit wins",
			files:    map[string]string{"app/a.env": line("a"), "app/b.env": line("b")},
			explicit: []string{"a.env", "b.env"},
			want:     "a", wantSet: true, wantPaths: []string{"app/a.env", "app/b.env"}},
		{name: "env in parent",
			files: map[string]string{".env": line("parent")},
			want:  "parent", wantSet: true, wantPaths: []string{".env"}},
		{name: "parent env over child flagonenv",
			files: map[string]string{".env": line("parent"), "app/.flagonenv": line("child")},
			want:  "parent", wantSet: true, wantPaths: []string{".env", "app/.flagonenv"}},
		{name: "nearest env wins",
			files: map[string]string{".env": line("parent"), "app/.env": line("child")},
			want:  "child", wantSet: true, wantPaths: []string{"app/.env"}},
		{name: "directory named .env is skipped",
			files: map[string]string{"app/.env/x": "", ".env": line("parent")},
			want:  "parent", wantSet: true, wantPaths: []string{".env"}},
		{name: "explicit same as env is loaded once",
			files:    map[string]string{"app/.env": line("env")},
			explicit: []string{".env"},
			want:     "env", wantSet: true, wantPaths: []string{"app/.env"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := dotenvTree(t, tc.files)
			unsetForTest(t, dotenvVar)
			if tc.real != nil {
				t.Setenv(dotenvVar, *tc.real)
			}
			paths, err := LoadDotenv(filepath.Join(root, "app"), tc.explicit...)
			if err != nil {
				t.Fatal(err)
			}
			got, set := os.LookupEnv(dotenvVar)
			if got != tc.want || set != tc.wantSet {
				t.Errorf("%s = %q (set %v), want %q (set %v)", dotenvVar, got, set, tc.want, tc.wantSet)
			}
			if rel := relPaths(t, root, paths); !slices.Equal(rel, tc.wantPaths) {
				t.Errorf("paths = %v, want %v", rel, tc.wantPaths)
			}
		})
	}
}

// relPaths makes paths relative to root, with forward slashes.
func relPaths(t *testing.T, root string, paths []string) []string {
	out := []string{}
	for _, p := range paths {
		r, err := filepath.Rel(root, p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, filepath.ToSlash(r))
	}
	return out
}

func TestLoadDotenvErrors(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		explicit []string
		wantErr  string
		wantLine int
		notExist bool
	}{
		{name: "missing explicit file", explicit: []string{"nope.env"}, wantErr: "nope.env", notExist: true},
		{name: "space in variable name",
			files:   map[string]string{"app/.env": "A=1\n# note\nBAD NAME=2\nC=3\n"},
			wantErr: `.env:3: could not parse statement`, wantLine: 3},
		{name: "colon instead of equals after blank lines",
			files:   map[string]string{"app/.flagonenv": "A=1\r\n\r\n\r\nJUST: A WORD\r\nB=2\r\n"},
			wantErr: `.flagonenv:4: could not parse statement`, wantLine: 4},
		{name: "unterminated quote",
			files:    map[string]string{"app/bad.env": "A=1\nB=2\nTOKEN=\"abc\nD=4\n"},
			explicit: []string{"bad.env"},
			wantErr:  "bad.env:3: could not parse statement", wantLine: 3},
		{name: "text after a quoted value",
			files:   map[string]string{"app/.env": "A=1\nB='abc' x\n"},
			wantErr: ".env:2: could not parse statement", wantLine: 2},
		{name: "invalid UTF-8",
			files:   map[string]string{"app/.env": "A=1\nB=\xff\n"},
			wantErr: ".env:2: invalid UTF-8", wantLine: 2},
		{name: "value doubling past 1 MiB",
			files:   map[string]string{"app/.env": "A=1\nV0=0123456789abcdef\n" + doublingChain(17)}, // V16 is 1 MiB,
			wantErr: ".env:19: value expands to more than 1048576 bytes", wantLine: 19},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := dotenvTree(t, tc.files)
			unsetForTest(t, "A")
			paths, err := LoadDotenv(filepath.Join(root, "app"), tc.explicit...)
			var de *DotenvError
			if !errors.As(err, &de) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err = %v, want a DotenvError containing %q", err, tc.wantErr)
			}
			if de.Line != tc.wantLine || errors.Is(err, fs.ErrNotExist) != tc.notExist {
				t.Errorf("Line = %d, not-exist = %v", de.Line, errors.Is(err, fs.ErrNotExist))
			}
			if paths != nil || os.Getenv("A") != "" {
				t.Errorf("paths = %v, A = %q: nothing should load on error", paths, os.Getenv("A"))
			}
			if strings.Contains(err.Error(), "abc") {
				t.Errorf("error quotes the file's content: %v", err)
			}
		})
	}
}

func TestLoadDotenvFiles(t *testing.T) {
	root := dotenvTree(t, map[string]string{"a.env": dotenvVar + "=a\n", ".env": dotenvVar + "=env\n"})
	unsetForTest(t, dotenvVar)
	paths, err := LoadDotenvFiles(filepath.Join(root, "a.env"))
	if err != nil {
		t.Fatal(err)
	}
	if got := os.Getenv(dotenvVar); got != "a" || len(paths) != 1 {
		t.Errorf("%s = %q, paths = %v; want only a.env loaded", dotenvVar, got, paths)
	}
}

func TestSkipDotenv(t *testing.T) {
	tests := []struct {
		value string
		want  bool
	}{{"", false}, {"0", false}, {"False", false}, {"no", false}, {"1", true}, {"true", true}, {"yes", true}}
	for _, tc := range tests {
		t.Run(tc.value, func(t *testing.T) {
			t.Setenv("FLAGON_SKIP_DOTENV", tc.value)
			if got := SkipDotenv(); got != tc.want {
				t.Errorf("SkipDotenv() = %v", got)
			}
		})
	}
}

func TestLoadDotenvWorkingDirectory(t *testing.T) {
	root := dotenvTree(t, map[string]string{
		".flagonenv": dotenvVar + "=cwd\n",
		"abs.env":    "FLAGON_DOTENV_TEST_ABS=1\n",
	})
	unsetForTest(t, dotenvVar)
	unsetForTest(t, "FLAGON_DOTENV_TEST_ABS")
	t.Chdir(filepath.Join(root))
	abs := filepath.Join(root, "abs.env")
	paths, err := LoadDotenv("", abs)
	if err != nil {
		t.Fatal(err)
	}
	if rel := relPaths(t, root, paths); !slices.Equal(rel, []string{"abs.env", ".flagonenv"}) {
		t.Errorf("paths = %v", rel)
	}
	if os.Getenv(dotenvVar) != "cwd" || os.Getenv("FLAGON_DOTENV_TEST_ABS") != "1" {
		t.Errorf("variables not loaded from the working directory and the absolute file")
	}
}

// doublingChain is n lines V1=${V0}${V0} ... each doubling the previous.
func doublingChain(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "V%d=${V%d}${V%d}\n", i, i-1, i-1)
	}
	return b.String()
}
