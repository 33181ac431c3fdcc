package cli

import (
	"io"
	"testing"
)

func TestSupervisorRun(t *testing.T) {
	tests := []struct {
		name  string
		debug string
		args  []string
		want  bool
	}{
		{"debug mode reloads", "1", []string{"run", "-p", "0"}, true},
		{"global flag before run", "1", []string{"-e", "x.env", "run"}, true},
		{"--no-reload", "1", []string{"run", "--no-reload"}, false},
		{"no debug mode", "", []string{"run"}, false},
		{"--reload without debug", "", []string{"run", "--reload"}, true},
		{"help", "1", []string{"run", "--help"}, false},
		{"other command", "1", []string{"routes"}, false},
		{"bad flag", "1", []string{"run", "--nope"}, false},
		{"bad combination", "1", []string{"run", "--key", "k.pem"}, false},
		{"remote debugger refused", "1", []string{"run", "-h", "0.0.0.0"}, false},
		{"remote debugger allowed", "1", []string{"run", "-h", "0.0.0.0", "--allow-remote-debug"}, true},
		{"remote without debugger", "1", []string{"run", "-h", "0.0.0.0", "--no-debugger"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(DebugEnv, tt.debug)
			t.Setenv("FLAGON_LISTEN_FD", "")
			unsetenv(t, "FLAGON_LISTEN_FD")
			inv := &invocation{args: tt.args, stdout: io.Discard, stderr: io.Discard, name: "prog"}
			if _, got := inv.supervisorRun(); got != tt.want {
				t.Errorf("supervisorRun(%q) = %v, want %v", tt.args, got, tt.want)
			}
		})
	}
}

func TestSupervisorRunInChild(t *testing.T) {
	t.Setenv(DebugEnv, "1")
	t.Setenv("FLAGON_LISTEN_FD", "3")
	inv := &invocation{args: []string{"run"}, name: "prog"}
	if _, got := inv.supervisorRun(); got {
		t.Error("a child started another supervisor")
	}
}
