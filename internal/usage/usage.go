// Package usage gives cobra command trees Click's answers to command lines
// they cannot run: "No such command 'x'." for an unknown subcommand of a
// group (which cobra answers with the group's help and status 0), "No
// such option: --x", "Missing argument 'REVISION'." and "Got unexpected
// extra argument (x)", as *Error values whose ExitCode is 2.
package usage

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// ExitCode is the exit status of a usage error, Click's.
const ExitCode = 2

// Error is a command line a command cannot run, Click's UsageError.
type Error struct {
	// Msg is Click's message, without "Error: ".
	Msg string
}

// Error returns the message.
func (e *Error) Error() string { return e.Msg }

// ExitCode returns 2, the status of a usage error.
func (e *Error) ExitCode() int { return ExitCode }

func errorf(format string, args ...any) error {
	return &Error{Msg: fmt.Sprintf(format, args...)}
}

// applied marks the commands Apply has already changed.
const applied = "flagon/usage"

// Apply gives cmd and its children Click's usage errors: a group (a
// command with subcommands and no Run) refuses unknown subcommands and
// shows its help without one; a command's positional arguments, named by
// its Use line ("show revision", "upgrade [revision]", "merge
// revisions..."), and its flags are checked with Click's messages.
// Applying twice changes nothing more.
func Apply(cmd *cobra.Command) {
	if cmd.Annotations[applied] == "" {
		if cmd.Annotations == nil {
			cmd.Annotations = map[string]string{}
		}
		cmd.Annotations[applied] = "1"
		cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return FlagError(err) })
		if cmd.HasSubCommands() && !cmd.Runnable() {
			group(cmd)
		} else {
			cmd.Args = args(cmd.Use, cmd.Args)
		}
	}
	for _, c := range cmd.Commands() {
		Apply(c)
	}
}

// Groups makes the groups among cmd and its descendants refuse unknown
// subcommands with Click's "No such command 'x'." (cobra shows the help
// and succeeds), leaving the other commands' messages alone.
func Groups(cmd *cobra.Command) {
	if cmd.HasSubCommands() && !cmd.Runnable() {
		group(cmd)
	}
	for _, c := range cmd.Commands() {
		Groups(c)
	}
}

// group makes an unknown subcommand a usage error and shows the help when
// no subcommand is given, as Click's groups do.
func group(cmd *cobra.Command) {
	cmd.Args = func(_ *cobra.Command, a []string) error {
		if len(a) > 0 {
			return errorf("No such command '%s'.", a[0])
		}
		return nil
	}
	cmd.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
}

// args wraps a command's argument check so that its failures name the
// missing argument or the extra ones; a check that returns an *Error
// (about its options, say) keeps that message.
func args(use string, check cobra.PositionalArgs) cobra.PositionalArgs {
	names, variadic := argNames(use)
	return func(c *cobra.Command, a []string) error {
		if check == nil {
			check = cobra.ArbitraryArgs
		}
		err := check(c, a)
		var own *Error
		if err == nil || errors.As(err, &own) {
			return err // a check's own usage error keeps its message
		}
		for i, n := range names {
			if i >= len(a) && !n.optional {
				return errorf("Missing argument '%s'.", n.hint)
			}
		}
		if variadic || len(a) <= len(names) {
			return errorf("Invalid arguments: %s", strings.Join(a, " "))
		}
		extra := a[len(names):]
		if len(extra) == 1 {
			return errorf("Got unexpected extra argument (%s)", extra[0])
		}
		return errorf("Got unexpected extra arguments (%s)", strings.Join(extra, " "))
	}
}

// An argName is a positional argument from a Use line.
type argName struct {
	hint     string // Click's hint: the name in capitals, "..." when variadic
	optional bool
}

// argNames reads the arguments after the command's name in its Use line.
func argNames(use string) (names []argName, variadic bool) {
	fields := strings.Fields(use)
	for _, f := range fields[min(1, len(fields)):] {
		optional := strings.HasPrefix(f, "[")
		f = strings.Trim(f, "[]")
		if strings.HasSuffix(f, "...") {
			variadic = true
		}
		names = append(names, argName{hint: strings.ToUpper(f), optional: optional})
	}
	return names, variadic
}

// FlagError turns pflag's parse errors into Click's wording, as *Error.
func FlagError(err error) error {
	var notExist *pflag.NotExistError
	var required *pflag.ValueRequiredError
	var invalid *pflag.InvalidValueError
	switch {
	case errors.As(err, &notExist):
		return errorf("No such option: %s", dashed(notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames()))
	case errors.As(err, &required):
		return errorf("Option '%s' requires an argument.", dashed(required.GetSpecifiedName(), required.GetSpecifiedShortnames()))
	case errors.As(err, &invalid):
		return errorf("Invalid value for '--%s': %v", invalid.GetFlag().Name, errors.Unwrap(invalid))
	}
	return &Error{Msg: err.Error()}
}

// dashed returns an option as the user typed it: -x or --name.
func dashed(name, shorthands string) string {
	if shorthands != "" {
		return "-" + name
	}
	return "--" + name
}
