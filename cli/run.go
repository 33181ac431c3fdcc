package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

// runOptions are the flags of `run`.
type runOptions struct {
	host        string
	port        int
	cert        string
	key         string
	reload      bool
	noReload    bool
	debugger    bool
	noDebugger  bool
	allowRemote bool
	extraFiles  []string
	exclude     []string
}

// runCommand is `run`, Flask's `flask run`: a production server, or in
// debug mode the debugger and the reloader.
func (inv *invocation) runCommand() *cobra.Command {
	var o runOptions
	cmd := newRunCommand(&o)
	cmd.RunE = func(cmd *cobra.Command, _ []string) error {
		if err := o.validate(); err != nil {
			return err
		}
		return inv.run(cmd, &o)
	}
	return cmd
}

// newRunCommand declares `run` and its flags, bound to o.
func newRunCommand(o *runOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run the server.",
		Long: "Run the app's server. In debug mode the debug error page and the reloader\n" +
			"are on, unless --no-debugger and --no-reload say otherwise.",
		Args: cobra.NoArgs,
	}
	f := cmd.Flags()
	f.Bool("help", false, "help for run") // frees -h for --host, as Flask does
	f.StringVarP(&o.host, "host", "h", "127.0.0.1", "the interface to bind to")
	f.IntVarP(&o.port, "port", "p", 5000, "the port to bind to (0 picks a free one)")
	f.StringVar(&o.cert, "cert", "", `a TLS certificate file, or "adhoc" for a self-signed one`)
	f.StringVar(&o.key, "key", "", "the private key file of --cert")
	f.BoolVar(&o.reload, "reload", false, "rebuild and restart on source changes (default: debug mode)")
	f.BoolVar(&o.noReload, "no-reload", false, "do not rebuild and restart on changes")
	f.BoolVar(&o.debugger, "debugger", false, "serve the debug error page (default: debug mode)")
	f.BoolVar(&o.noDebugger, "no-debugger", false, "do not serve the debug error page")
	f.BoolVar(&o.allowRemote, "allow-remote-debug", false, "allow the debugger on a non-loopback address")
	f.StringArrayVar(&o.extraFiles, "extra-files", nil,
		"more files that restart the server when they change (separated by '"+string(os.PathListSeparator)+"')")
	f.StringArrayVar(&o.exclude, "exclude-patterns", nil,
		"glob patterns of files the reloader ignores (separated by '"+string(os.PathListSeparator)+"')")
	return cmd
}

// validate checks the flag values and combinations, with Flask's
// messages.
func (o *runOptions) validate() error {
	if err := o.checkCertFiles(); err != nil {
		return err
	}
	switch {
	case o.reload && o.noReload:
		return usageErrorf("--reload and --no-reload are mutually exclusive")
	case o.debugger && o.noDebugger:
		return usageErrorf("--debugger and --no-debugger are mutually exclusive")
	case o.port < 0 || o.port > 65535:
		return usageErrorf("invalid value for '--port' / '-p': %d is not a port number", o.port)
	case o.key != "" && o.cert == "":
		return usageErrorf(`invalid value for '--key': "--cert" must also be specified`)
	case o.cert == "adhoc" && o.key != "":
		return usageErrorf(`invalid value for '--key': when "--cert" is "adhoc", "--key" is not used`)
	case o.cert != "" && o.cert != "adhoc" && o.key == "":
		return usageErrorf(`invalid value for '--key': required when using "--cert"`)
	}
	o.extraFiles = splitPathLists(o.extraFiles)
	o.exclude = splitPathLists(o.exclude)
	return nil
}

// checkCertFiles checks --cert and --key as Flask's CertParamType and
// click.Path(exists=True, dir_okay=False) do: --cert is an existing file,
// else "adhoc" in any case, else a usage error; --key is an existing file.
func (o *runOptions) checkCertFiles() error {
	if o.cert != "" {
		if err := checkFile("--cert", o.cert); err != nil {
			if !strings.EqualFold(o.cert, "adhoc") {
				return err
			}
			o.cert = "adhoc"
		}
	}
	if o.key != "" {
		return checkFile("--key", o.key)
	}
	return nil
}

// checkFile reports a usage error unless path is an existing file.
func checkFile(flag, path string) error {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return usageErrorf("invalid value for '%s': file %q does not exist", flag, path)
	case st.IsDir():
		return usageErrorf("invalid value for '%s': file %q is a directory", flag, path)
	}
	return nil
}

// resolve fills the defaults that follow debug mode.
func (o *runOptions) resolve(debug bool) (reload, debugger bool) {
	reload, debugger = debug, debug
	if o.reload || o.noReload {
		reload = o.reload
	}
	if o.debugger || o.noDebugger {
		debugger = o.debugger
	}
	return reload, debugger
}

// checkRemote refuses the debugger on a non-loopback address without
// --allow-remote-debug.
func (o *runOptions) checkRemote(debugger bool) error {
	if !debugger || isLoopback(o.host) || o.allowRemote {
		return nil
	}
	return errors.New("the debugger lets anyone who can reach " + o.host +
		" read the app's data; bind to 127.0.0.1, or pass --allow-remote-debug to do it anyway")
}

// addr is the host:port to listen on.
func (o *runOptions) addr() string {
	return joinHostPort(o.host, strconv.Itoa(o.port))
}

// splitPathLists splits each value at the path list separator, as click's
// multiple path options do.
func splitPathLists(values []string) []string {
	var out []string
	for _, v := range values {
		for _, p := range filepath.SplitList(v) {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}
