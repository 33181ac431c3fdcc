// Package cli is flagon's command line, Flask's `flask` command done the
// Go way: a program hands its app factory to Main and gets the `run` and
// `routes` commands plus every command the app, its blueprints and its
// extensions register.
//
//	func main() { cli.Main(createApp) }
//
// Before the factory is called, the global flags are read and the dotenv
// files are loaded: -e/--env-file, then .env and .flagonenv (the
// environment always wins; FLAGON_SKIP_DOTENV skips the default files).
// --debug/--no-debug (or FLAGON_DEBUG) sets DEBUG in the app's config.
//
// In debug mode `run` serves the debug error page (package
// cli/debugpage) and supervises the program with the reloader (package
// cli/reload): it rebuilds on source changes and restarts the server
// without closing the listening socket.
package cli
