package cli

import (
	"os"
	"strings"

	"github.com/flagon-go/flagon/config"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// DebugEnv is the environment variable that turns debug mode on, as
// FLASK_DEBUG does: any value but "", "0", "false" and "no".
const DebugEnv = "FLAGON_DEBUG"

// globals holds the global flags, read before the app exists.
type globals struct {
	debug    bool
	noDebug  bool
	envFiles []string
}

// addGlobalFlags declares the global flags on fs, the root command's
// persistent flags or the early parse.
func addGlobalFlags(fs *pflag.FlagSet, g *globals) {
	fs.BoolVar(&g.debug, "debug", false, "turn debug mode on (sets "+DebugEnv+")")
	fs.BoolVar(&g.noDebug, "no-debug", false, "turn debug mode off")
	fs.StringArrayVarP(&g.envFiles, "env-file", "e", nil,
		"load environment variables from this file, before .env and .flagonenv")
}

// parseGlobals reads the global flags from args, ignoring every other
// flag: they belong to commands that do not exist before the app does.
func parseGlobals(args []string) (globals, error) {
	var g globals
	fs := pflag.NewFlagSet("globals", pflag.ContinueOnError)
	fs.ParseErrorsAllowlist.UnknownFlags = true
	fs.SetOutput(discard{})
	addGlobalFlags(fs, &g)
	fs.BoolP("help", "h", false, "")
	if err := fs.Parse(args); err != nil {
		return g, usageErrorf("%v", err)
	}
	if g.debug && g.noDebug {
		return g, usageErrorf("--debug and --no-debug are mutually exclusive")
	}
	return g, checkEnvFiles(g.envFiles)
}

// checkEnvFiles rejects -e files that do not exist or are directories
// with a usage error, as click.Path(exists=True, dir_okay=False) does.
func checkEnvFiles(files []string) error {
	for _, f := range files {
		st, err := os.Stat(f)
		switch {
		case err != nil:
			return usageErrorf("invalid value for '-e' / '--env-file': file %q does not exist", f)
		case st.IsDir():
			return usageErrorf("invalid value for '-e' / '--env-file': file %q is a directory", f)
		}
	}
	return nil
}

// loadDotenv loads -e files, then .env and .flagonenv unless
// FLAGON_SKIP_DOTENV is set. The environment is never overridden.
func loadDotenv(g globals) error {
	var err error
	if config.SkipDotenv() {
		_, err = config.LoadDotenvFiles(g.envFiles...)
	} else {
		_, err = config.LoadDotenv("", g.envFiles...)
	}
	return err
}

// applyDebugFlag exports the flag to DebugEnv, so the factory and the
// reloader's children see it: the flag wins over the environment.
func applyDebugFlag(g globals) {
	switch {
	case g.debug:
		_ = os.Setenv(DebugEnv, "1")
	case g.noDebug:
		_ = os.Setenv(DebugEnv, "0")
	}
}

// debugFromEnv reports DebugEnv's value and whether it is set.
func debugFromEnv() (on, set bool) {
	v, ok := os.LookupEnv(DebugEnv)
	if !ok {
		return false, false
	}
	return truthy(v), true
}

// truthy follows Flask's get_debug_flag.
func truthy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "", "0", "false", "no", "off":
		return false
	}
	return true
}

// declareGlobals puts the global flags on the root command for help and
// parsing; their values were already applied.
func declareGlobals(root *cobra.Command) {
	var ignored globals
	addGlobalFlags(root.PersistentFlags(), &ignored)
}

type discard struct{}

// Write discards p.
func (discard) Write(p []byte) (int, error) { return len(p), nil }
