package cli_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli"
	"github.com/flagon-go/flagon/flagontest"
)

func TestCommands(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		env      map[string]string
		wantCode int
		wantOut  string
		wantErr  string
	}{
		{"app command with typed flags", []string{"greet", "-n", "2", "--loud", "ann"}, nil, 0,
			"HELLO ANN (DEBUG=FALSE)\nHELLO ANN (DEBUG=FALSE)\n", ""},
		{"typed argument", []string{"double", "21"}, nil, 0, "42\n", ""},
		{"malformed typed argument", []string{"double", "x"}, nil, 2, "", `Error: invalid value for 'N': "x" is not a valid integer`},
		{"blueprint command", []string{"create-admin", "root"}, nil, 0, "created admin root\n", ""},
		{"--debug sets DEBUG", []string{"--debug", "greet", "x"}, nil, 0, "hello x (debug=true)\n", ""},
		{"--debug after the command", []string{"greet", "x", "--debug"}, nil, 0, "hello x (debug=true)\n", ""},
		{"FLAGON_DEBUG sets DEBUG", []string{"greet", "x"}, map[string]string{"FLAGON_DEBUG": "1"}, 0, "hello x (debug=true)\n", ""},
		{"FLAGON_DEBUG=false", []string{"greet", "x"}, map[string]string{"FLAGON_DEBUG": "false"}, 0, "hello x (debug=false)\n", ""},
		{"--no-debug beats FLAGON_DEBUG", []string{"--no-debug", "greet", "x"}, map[string]string{"FLAGON_DEBUG": "1"}, 0, "hello x (debug=false)\n", ""},
		{"command error is one line, exit 1", []string{"fail"}, nil, 1, "", "Error: the database is unreachable\n"},
		{"bad flag value", []string{"greet", "-n", "many", "x"}, nil, 2, "", `Error: invalid argument "many" for "-n, --times" flag`},
		{"unknown flag", []string{"greet", "--colour", "x"}, nil, 2, "", "Error: unknown flag: --colour"},
		{"missing argument", []string{"greet"}, nil, 2, "", "Error: accepts 1 arg(s), received 0"},
		{"unknown command", []string{"serve"}, nil, 2, "", `Error: unknown command "serve"`},
		{"both debug flags", []string{"--debug", "--no-debug", "routes"}, nil, 2, "", "Error: --debug and --no-debug are mutually exclusive"},
		{"missing env file is a usage error", []string{"-e", "nowhere.env", "routes"}, nil, 2, "", "nowhere.env"},
		{"routes takes no argument", []string{"routes", "extra"}, nil, 2, "", `Error: unknown command "extra" for "cli.test routes"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			out, errOut, code := flagontest.RunCLI(t, newApp, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.wantCode, errOut)
			}
			if out != tt.wantOut && !(tt.wantOut == "" && tt.wantCode != 0) {
				t.Errorf("stdout %q, want %q", out, tt.wantOut)
			}
			if !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("stderr %q, want it to contain %q", errOut, tt.wantErr)
			}
			if tt.wantCode == 2 && !strings.Contains(errOut, "--help' for help.") {
				t.Errorf("usage error without a hint: %q", errOut)
			}
			if tt.wantCode == 1 && strings.Count(errOut, "\n") != 1 {
				t.Errorf("error message is not one line: %q", errOut)
			}
		})
	}
}

func TestFactoryFailures(t *testing.T) {
	tests := []struct {
		name    string
		factory cli.Factory
		want    string
	}{
		{"error", func() (*flagon.App, error) { return nil, errors.New("no DATABASE_URL") }, "Error: creating the app: no DATABASE_URL\n"},
		{"panic", func() (*flagon.App, error) { panic("bad config") }, "Error: creating the app: panic: bad config\n"},
		{"nil app", func() (*flagon.App, error) { return nil, nil }, "Error: creating the app: the factory returned no app\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := flagontest.RunCLI(t, tt.factory, "routes")
			if code != cli.ExitError || errOut != tt.want {
				t.Errorf("exit %d, stderr %q; want 1, %q", code, errOut, tt.want)
			}
		})
	}
}

func TestFactorySeesDebugFlag(t *testing.T) {
	var seen string
	factory := func() (*flagon.App, error) {
		seen = os.Getenv("FLAGON_DEBUG")
		return newApp()
	}
	flagontest.RunCLI(t, factory, "--debug", "routes")
	if seen != "1" {
		t.Errorf("FLAGON_DEBUG in the factory = %q, want 1", seen)
	}
}

func TestHelpListsEveryCommand(t *testing.T) {
	out, _, code := flagontest.RunCLI(t, newApp, "--help")
	for _, want := range []string{"run", "routes", "greet", "create-admin", "fail", "--debug", "--env-file"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q:\n%s", want, out)
		}
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}
}
