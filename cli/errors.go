package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
)

// Exit statuses, as click's: 1 when a command fails, 2 on a usage error.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

// UsageError is a command line the program cannot run: an unknown command
// or flag, a missing or extra argument. It exits with ExitUsage.
type UsageError struct {
	// Err is the problem found.
	Err error
}

// Error implements error.
func (e *UsageError) Error() string { return e.Err.Error() }

// Unwrap returns the problem found.
func (e *UsageError) Unwrap() error { return e.Err }

func usageErrorf(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// exitCode maps a command's error to the exit status.
func exitCode(err error) int {
	var ue *UsageError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ue), isCobraUsage(err):
		return ExitUsage
	}
	return ExitError
}

// isCobraUsage recognizes the usage errors cobra makes itself.
func isCobraUsage(err error) bool {
	msg := err.Error()
	return strings.HasPrefix(msg, "unknown command ") ||
		strings.HasPrefix(msg, "required flag(s) ") ||
		strings.HasPrefix(msg, "if any flags in the group ")
}

// report prints err as one line, "Error: ...", with a hint for usage
// errors, and returns the exit status.
func report(w io.Writer, cmdPath string, err error) int {
	code := exitCode(err)
	msg := strings.ReplaceAll(strings.TrimSpace(err.Error()), "\n", " ")
	fmt.Fprintf(w, "Error: %s\n", msg)
	if code == ExitUsage {
		fmt.Fprintf(w, "Try '%s --help' for help.\n", cmdPath)
	}
	return code
}

// markUsageErrors makes flag and argument errors of cmd and its children
// UsageErrors, keeping the message of a command's own flag error function.
func markUsageErrors(cmd *cobra.Command) {
	own := cmd.FlagErrorFunc()
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &UsageError{Err: own(c, err)}
	})
	if args := cmd.Args; args != nil {
		cmd.Args = func(c *cobra.Command, a []string) error {
			if err := args(c, a); err != nil {
				return &UsageError{Err: err}
			}
			return nil
		}
	}
	for _, child := range cmd.Commands() {
		markUsageErrors(child)
	}
}
