package cli_test

import (
	"slices"
	"testing"

	"github.com/flagon-go/flagon/cli/debugpage"
	"github.com/flagon-go/flagon/cli/reload"
	"github.com/flagon-go/flagon/config"
)

// TestInternalVariablesAreReserved: every variable the reloader or the
// debugger exports to a child is one config.FromEnv never loads, so that
// FromEnv("FLAGON") cannot put the PIN into the config (issue 15).
func TestInternalVariablesAreReserved(t *testing.T) {
	for _, name := range []string{
		debugpage.EnvPIN, debugpage.EnvSecret,
		reload.EnvListenFD, reload.EnvReadyFD, reload.EnvStatus,
	} {
		if !slices.Contains(config.ReservedEnv, name) {
			t.Errorf("%s is not in config.ReservedEnv", name)
		}
	}
}
