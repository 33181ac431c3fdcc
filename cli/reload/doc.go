// Package reload is the reloader of `run` in debug mode, for a compiled
// program: a supervisor process owns the listening socket, watches the
// module's sources, rebuilds the program with `go build` and restarts it,
// passing the socket to each new child as an inherited file descriptor.
// The new child starts accepting before the old one is told to drain and
// exit, so no connection is refused during a restart.
//
// When a build fails the last good child keeps serving; the supervisor
// records the compiler output in a status file whose path the children
// get in FLAGON_BUILD_STATUS, and the child shows it on the debug page.
//
// The package has two sides: Supervise runs in the parent; Listener,
// NotifyReady and StatusFromEnv run in the child.
package reload
