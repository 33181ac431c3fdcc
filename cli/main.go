package cli

import (
	"context"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli/reload"
)

// Factory creates and configures the app, Flask's create_app. The CLI calls
// it after loading the dotenv files and reading the global flags, so the
// factory sees the final environment.
type Factory func() (*flagon.App, error)

// Main runs the command line with the program's arguments and exits with
// its status: 0 on success, 1 when a command fails, 2 on a usage error.
// SIGINT and SIGTERM cancel the command's context (the server shuts down
// gracefully); a second one kills the program.
func Main(factory Factory) {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	if !reload.IsChild() { // the supervisor stops its children itself
		go func() {
			<-ctx.Done()
			stop() // the next signal has its default effect
		}()
	}
	code := Execute(ctx, factory, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Execute runs the command line with args, writing to stdout and stderr,
// and returns the exit status. Commands stop when ctx is done. Tests call
// it through flagontest.RunCLI.
func Execute(ctx context.Context, factory Factory, args []string, stdout, stderr io.Writer) int {
	inv := &invocation{args: args, stdout: stdout, stderr: stderr, name: programName()}
	return inv.execute(ctx, factory)
}

// programName is the name help and usage messages show.
func programName() string {
	return filepath.Base(os.Args[0])
}
