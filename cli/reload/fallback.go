package reload

import (
	"context"
	"fmt"
	"html"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/flagon-go/flagon"
)

// localHosts are the Host values that see the child's output.
var localHosts = []string{".localhost", "127.0.0.1", "::1", "[::1]"}

// fallback answers on the socket while no child serves, so requests get
// an explanation instead of hanging.
type fallback struct {
	srv    *http.Server
	ln     *DrainListener
	cancel context.CancelFunc
	done   chan struct{}
}

func startFallback(lnFile *os.File, msg string) (*fallback, error) {
	ln, err := net.FileListener(lnFile) // a duplicate: closing it keeps the socket
	if err != nil {
		return nil, fmt.Errorf("reload: fallback listener: %w", err)
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		detail := "The details are shown on this machine only."
		if flagon.HostTrusted(r.Host, localHosts) {
			detail = msg
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte("<!doctype html>\n<title>Server stopped</title>\n<h1>The server is not running</h1>\n<pre>" +
			html.EscapeString(detail) + "</pre>\n<p>Save a source file to rebuild and restart it.</p>\n"))
	})
	fb := &fallback{srv: &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second},
		ln: NewDrainListener(ln), done: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	fb.cancel = cancel
	go fb.serve(ctx)
	return fb, nil
}

// serve serves until ctx is done, then drains like a child does.
func (fb *fallback) serve(ctx context.Context) {
	defer close(fb.done)
	sctx, release := fb.ln.ServeContext(ctx)
	defer release()
	errc := make(chan error, 1)
	go func() { errc <- fb.srv.Serve(fb.ln) }()
	select {
	case <-errc:
		return
	case <-sctx.Done():
	}
	shctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = fb.srv.Shutdown(shctx)
	<-errc
	fb.ln.Wait(5 * time.Second)
}

func (fb *fallback) stop() {
	fb.cancel()
	<-fb.done
}
