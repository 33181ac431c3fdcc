package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/flagontest"
)

// writeFiles writes name -> content under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDotenvPrecedence(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".env":       "FLAGON_A=dotenv\nFLAGON_B=dotenv\nFLAGON_C=dotenv\nFLAGON_E=dotenv\n",
		".flagonenv": "FLAGON_A=flagonenv\nFLAGON_B=flagonenv\nFLAGON_D=flagonenv\n",
		"custom.env": "FLAGON_A=custom\n",
		"sub/x.txt":  "",
	})
	tests := []struct {
		name string
		cwd  string
		env  map[string]string
		args []string
		want map[string]string
	}{
		{"env file, .env, .flagonenv, real env", "", map[string]string{"FLAGON_E": "real"},
			[]string{"-e", "custom.env"},
			map[string]string{"A": "custom", "B": "dotenv", "C": "dotenv", "D": "flagonenv", "E": "real"}},
		{".env over .flagonenv", "", nil, nil,
			map[string]string{"A": "dotenv", "B": "dotenv", "D": "flagonenv", "E": "dotenv"}},
		{"found in a parent directory", "sub", nil, nil,
			map[string]string{"A": "dotenv", "D": "flagonenv"}},
		{"skip dotenv still loads -e", "", map[string]string{"FLAGON_SKIP_DOTENV": "1"},
			[]string{"--env-file", "custom.env"},
			map[string]string{"A": "custom", "B": "", "D": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Chdir(filepath.Join(dir, tt.cwd))
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			args := append(append([]string{}, tt.args...), "show", "A", "B", "C", "D", "E")
			out, errOut, code := flagontest.RunCLI(t, newApp, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			for key, want := range tt.want {
				line := key + ` env="` + want + `"`
				if !strings.Contains(out, line) {
					t.Errorf("want %s in\n%s", line, out)
				}
				if want != "" && !strings.Contains(out, key+` env="`+want+`" config=`+want) {
					t.Errorf("config %s is not %q (the factory ran before dotenv?)\n%s", key, want, out)
				}
			}
			if os.Getenv("FLAGON_A") != "" {
				t.Error("RunCLI left FLAGON_A in the environment")
			}
		})
	}
}

func TestDotenvDebug(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{".flagonenv": "FLAGON_DEBUG=1\n"})
	t.Chdir(dir)
	out, _, _ := flagontest.RunCLI(t, newApp, "greet", "x")
	if out != "hello x (debug=true)\n" {
		t.Errorf(".flagonenv FLAGON_DEBUG=1: %q", out)
	}
	out, _, _ = flagontest.RunCLI(t, newApp, "--no-debug", "greet", "x")
	if out != "hello x (debug=false)\n" {
		t.Errorf("--no-debug over .flagonenv: %q", out)
	}
}
