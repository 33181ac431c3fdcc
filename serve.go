package flagon

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os/signal"
	"syscall"
	"time"
)

// NewServer returns an *http.Server for the app with production timeouts
// from the config: SERVER_READ_HEADER_TIMEOUT (10s), SERVER_READ_TIMEOUT
// (60s), SERVER_IDLE_TIMEOUT (120s) and SERVER_WRITE_TIMEOUT (off by
// default: a write deadline cuts off streamed responses and large
// downloads without an error the handler can see, and costs a timer
// operation per request; set it to bound slow readers).
func (a *App) NewServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           a,
		ReadHeaderTimeout: a.Config.DurationOr("SERVER_READ_HEADER_TIMEOUT", 10*time.Second),
		ReadTimeout:       a.Config.DurationOr("SERVER_READ_TIMEOUT", 60*time.Second),
		WriteTimeout:      a.Config.DurationOr("SERVER_WRITE_TIMEOUT", 0),
		IdleTimeout:       a.Config.DurationOr("SERVER_IDLE_TIMEOUT", 120*time.Second),
		ErrorLog:          slog.NewLogLogger(a.Logger.Handler(), slog.LevelWarn),
	}
}

// Serve serves the app on ln until ctx is done, then shuts down
// gracefully (an invalid session setting such as SESSION_COOKIE_SAMESITE
// is an error before serving): in-flight requests finish within SHUTDOWN_TIMEOUT (30s),
// after which their connections are closed.
func (a *App) Serve(ctx context.Context, srv *http.Server, ln net.Listener) error {
	a.Freeze()
	if err := checkSessionConfig(a.Config); err != nil {
		ln.Close()
		return err
	}
	for _, f := range a.beforeServe {
		if err := f(ctx); err != nil {
			ln.Close()
			return err
		}
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	timeout := a.Config.DurationOr("SHUTDOWN_TIMEOUT", 30*time.Second)
	sctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if errors.Is(err, context.DeadlineExceeded) {
		_ = srv.Close()
	}
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// BeforeServe registers f to run when Serve starts, before the first
// connection is accepted; an error stops Serve. Use it for work that only
// a server needs, such as upgrading the database at start-up, so that
// other commands of the program do not do it.
func (a *App) BeforeServe(f func(ctx context.Context) error) {
	a.checkOpen("BeforeServe")
	a.beforeServe = append(a.beforeServe, f)
}

// ListenAndServe listens on addr and serves until ctx is done; see Serve.
func (a *App) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return a.Serve(ctx, a.NewServer(addr), ln)
}

// Run serves the app on addr until SIGINT or SIGTERM, then shuts down
// gracefully. It is the simplest production entry point; the cli package
// adds the `run` command with debug mode and the reloader.
func (a *App) Run(addr string) error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	a.Logger.Info("serving", "addr", "http://"+addr)
	return a.ListenAndServe(ctx, addr)
}
