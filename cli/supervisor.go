package cli

import (
	"github.com/flagon-go/flagon/cli/reload"
	"github.com/spf13/cobra"
)

// supervisorRun reports whether the command line is `run` with the
// reloader on, read before the app exists: the supervisor never creates
// the app (its factory may open databases; only the children serve), so
// it keeps running when the factory fails and a later change fixes it.
// As in Flask, the reloader and debugger defaults follow FLAGON_DEBUG.
// Anything unusual (help, bad flags) is left to the normal path, which
// reports it.
func (inv *invocation) supervisorRun() (*runOptions, bool) {
	if reload.IsChild() {
		return nil, false
	}
	var o runOptions
	root := &cobra.Command{Use: inv.name}
	declareGlobals(root)
	run := newRunCommand(&o)
	root.AddCommand(run)
	cmd, rest, err := root.Find(inv.args)
	if err != nil || cmd != run || run.ParseFlags(rest) != nil {
		return nil, false
	}
	if help, _ := run.Flags().GetBool("help"); help || len(run.Flags().Args()) > 0 || o.validate() != nil {
		return nil, false
	}
	debug, _ := debugFromEnv()
	useReload, debugger := o.resolve(debug)
	if !useReload || o.checkRemote(debugger && debug) != nil {
		return nil, false
	}
	return &o, true
}
