package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/internal/usage"
	"github.com/spf13/cobra"
)

// invocation is one run of the command line.
type invocation struct {
	args   []string
	stdout io.Writer
	stderr io.Writer
	name   string
	app    *flagon.App
}

// execute reads the global flags, loads the dotenv files, creates the app
// and runs the command.
func (inv *invocation) execute(ctx context.Context, factory Factory) int {
	g, err := parseGlobals(inv.args)
	if err != nil {
		return report(inv.stderr, inv.name, err)
	}
	if err := loadDotenv(g); err != nil {
		return report(inv.stderr, inv.name, err)
	}
	applyDebugFlag(g)
	if o, ok := inv.supervisorRun(); ok {
		debug, _ := debugFromEnv()
		_, debugger := o.resolve(debug)
		if err := inv.supervise(ctx, o, debug, debugger); err != nil {
			return report(inv.stderr, inv.name+" run", err)
		}
		return ExitOK
	}
	if inv.app, err = build(factory); err != nil {
		return inv.withoutApp(ctx, err)
	}
	configureDebug(inv.app)
	root := inv.rootCommand()
	cmd, err := root.ExecuteContextC(withApp(ctx, inv.app))
	if err != nil {
		return report(inv.stderr, cmd.CommandPath(), err)
	}
	return ExitOK
}

// errNoApp stops a command that needs the app when the factory failed.
var errNoApp = errors.New("no app")

// withoutApp answers when the factory failed, as Flask's FlaskGroup does
// when the app cannot be loaded: the error goes to stderr, then --help
// still shows the built-in commands (exit 0), as do the help command and
// shell-completion requests, and an unknown command is a usage error (exit 2);
// any command that would run fails with exit 1.
func (inv *invocation) withoutApp(ctx context.Context, loadErr error) int {
	report(inv.stderr, inv.name, loadErr)
	root := inv.rootCommand()
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if needsNoApp(cmd) {
			return nil
		}
		return errNoApp
	}
	cmd, err := root.ExecuteContextC(ctx)
	switch {
	case errors.Is(err, errNoApp):
		return ExitError
	case err != nil:
		return report(inv.stderr, cmd.CommandPath(), err)
	}
	return ExitOK
}

// needsNoApp reports whether cmd runs without the app: cobra's help
// command and its hidden shell-completion requests (__complete), which
// Flask's FlaskGroup also answers when the app cannot be loaded.
func needsNoApp(cmd *cobra.Command) bool {
	for c := cmd; c != nil && c.HasParent(); c = c.Parent() {
		switch c.Name() {
		case "help", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
			return !c.Parent().HasParent()
		}
	}
	return false
}

// build calls the factory, turning a panic or a nil app into an error.
func build(factory Factory) (app *flagon.App, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("creating the app: panic: %v", p)
		}
	}()
	app, err = factory()
	switch {
	case err != nil:
		return nil, fmt.Errorf("creating the app: %w", err)
	case app == nil:
		return nil, fmt.Errorf("creating the app: the factory returned no app")
	}
	return app, nil
}

// configureDebug sets DEBUG from the flag or FLAGON_DEBUG, when given, and
// turns template auto-reload on in debug mode, as Flask does.
func configureDebug(app *flagon.App) {
	if on, set := debugFromEnv(); set {
		app.Config.Set("DEBUG", on)
	}
	if v, _ := app.Config.Get("TEMPLATES_AUTO_RELOAD"); v == nil && app.Debug() {
		app.Config.Set("TEMPLATES_AUTO_RELOAD", true)
	}
}

// rootCommand assembles the built-in commands and the app's commands.
func (inv *invocation) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:           inv.name,
		Short:         "A flagon application.",
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetArgs(inv.args)
	root.SetOut(inv.stdout)
	root.SetErr(inv.stderr)
	declareGlobals(root)
	builtins := []*cobra.Command{inv.runCommand(), routesCommand(inv.app)}
	root.AddCommand(builtins...)
	var commands []*cobra.Command
	if inv.app != nil {
		commands = inv.app.Commands()
	}
	for _, c := range commands {
		if clash, _, _ := root.Find([]string{c.Name()}); clash != root && clash != nil {
			fmt.Fprintf(inv.stderr, "Warning: the app's command %q is hidden by a built-in command\n", c.Name())
			continue
		}
		usage.Groups(c) // an unknown subcommand of a group is a usage error, as in Click
		root.AddCommand(c)
	}
	markUsageErrors(root)
	return root
}
