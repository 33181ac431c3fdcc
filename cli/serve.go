package cli

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strings"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli/debugpage"
	"github.com/flagon-go/flagon/cli/reload"
	"github.com/spf13/cobra"
)

// run serves the app. The reloader's supervisor usually starts before
// the app exists (see supervisorRun); it starts here only when the
// factory, not FLAGON_DEBUG, turned debug mode on.
func (inv *invocation) run(cmd *cobra.Command, o *runOptions) error {
	app := inv.app
	useReload, useDebugger := o.resolve(app.Debug())
	if err := o.checkRemote(useDebugger && app.Debug()); err != nil {
		return err
	}
	if useReload && !reload.IsChild() {
		// DEBUG set by the factory rather than FLAGON_DEBUG: supervise now.
		return inv.supervise(cmd.Context(), o, app.Debug(), useDebugger)
	}
	return serveApp(cmd.Context(), app, o, useDebugger && app.Debug(), cmd.ErrOrStderr())
}

// supervise starts the reloader's supervisor, which owns the listening
// socket and runs the program as its child.
func (inv *invocation) supervise(ctx context.Context, o *runOptions, debug, debugger bool) error {
	ln, err := net.Listen("tcp", o.addr())
	if err != nil {
		return err
	}
	out := inv.stderr
	b := banner{debug: debug, url: serverURL(ln.Addr(), o.cert != ""), reloader: "fsnotify"}
	if debugger && debug {
		b.pin = debugpage.SharePIN()
	}
	b.remote = o.allowRemote && !isLoopback(o.host)
	return reload.Supervise(ctx, reload.Options{
		Listener:   ln,
		Args:       inv.args,
		Stdout:     inv.stdout,
		Stderr:     out,
		ExtraFiles: o.extraFiles,
		Exclude:    o.exclude,
		Started:    func(mode string) { b.reloader = mode; b.write(out) },
	})
}

// serveApp serves app until ctx is done: on the socket inherited from the
// reloader, or on a new one.
func serveApp(ctx context.Context, app *flagon.App, o *runOptions, debugger bool, out io.Writer) error {
	ln, inherited, err := listen(o.addr())
	if err != nil {
		return err
	}
	defer ln.Close()
	srv := app.NewServer(o.addr())
	if err := setupTLS(srv, o, o.host); err != nil {
		return err
	}
	b := banner{debug: app.Debug(), url: serverURL(ln.Addr(), srv.TLSConfig != nil)}
	if err := instrument(app, debugger, out, &b); err != nil {
		return err
	}
	b.remote = o.allowRemote && !isLoopback(o.host)
	if !inherited {
		b.write(out)
	}
	drain := reload.NewDrainListener(ln)
	ln = drain
	if srv.TLSConfig != nil {
		ln = tls.NewListener(ln, srv.TLSConfig)
	}
	app.Freeze()
	warnNoTemplates(app)
	reload.NotifyReady()
	sctx, release := drain.ServeContext(ctx)
	err = app.Serve(sctx, srv, ln)
	release()
	drain.Wait(app.Config.DurationOr("SHUTDOWN_TIMEOUT", 30*time.Second))
	return err
}

// listen returns the reloader's socket when there is one.
func listen(addr string) (ln net.Listener, inherited bool, err error) {
	ln, err = reload.Listener()
	if err != nil || ln != nil {
		return ln, ln != nil, err
	}
	ln, err = net.Listen("tcp", addr)
	return ln, false, err
}

// instrument adds the request log and, in debug mode, the debugger and
// the reloader's build-error page. It fails when the app was frozen.
func instrument(app *flagon.App, debugger bool, out io.Writer, b *banner) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("cannot set up the server: %v", p)
		}
	}()
	logger := requestLogger(app, out)
	app.Use(RequestLog(logger))
	if !debugger {
		return nil
	}
	d := debugpage.Install(app, debugpage.OptionsFromEnv())
	b.pin = d.PIN()
	if st := reload.StatusFromEnv(); st != nil {
		debugpage.ServeBuildErrors(app, st.Failure)
	}
	return nil
}

// warnNoTemplates reports at start-up, rather than at the first render,
// that the app has no template folder: usually the program runs from
// another folder than the app's (RootPath is the working directory).
func warnNoTemplates(app *flagon.App) {
	if app.HasTemplates() {
		return
	}
	app.Logger.Warn("no templates folder: " + filepath.Join(app.RootPath, "templates") +
		" does not exist, so rendering a template will fail; run from the app's folder, or use flagon.WithRootPath or flagon.WithTemplateFS")
}

// serverURL is the URL printed in the banner.
func serverURL(addr net.Addr, https bool) string {
	scheme := "http"
	if https {
		scheme = "https"
	}
	return scheme + "://" + addr.String()
}

// joinHostPort joins host and port, bracketing IPv6 addresses.
func joinHostPort(host, port string) string {
	return net.JoinHostPort(strings.Trim(host, "[]"), port)
}

// isLoopback reports whether host names only this machine.
func isLoopback(host string) bool {
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
