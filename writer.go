package flagon

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"

	"github.com/flagon-go/flagon/internal/entityhdr"
)

// responseWriter wraps the server's ResponseWriter so that after-request
// hooks and finalizers (the session) run just before the headers are
// written, whoever writes them: a response helper, a streaming handler or a
// mounted http.Handler.
type responseWriter struct {
	http.ResponseWriter
	c           *Ctx
	status      int
	size        int64
	wroteHeader bool
	sent        bool
	replaced    bool
	recovering  bool // an error handler answers a failed after-request hook
	// holding is set while the response is held in body for the
	// AfterRequestResponse hooks, which run when the handler is done.
	holding bool
	body    []byte
}

// errResponseReplaced is returned to writes after an after-request hook
// failed and its error page replaced the response.
var errResponseReplaced = errors.New("flagon: the response was replaced by an error page")

func (w *responseWriter) reset(rw http.ResponseWriter, c *Ctx) {
	body := w.body[:0]
	if cap(body) > maxPooledRender {
		body = nil
	}
	*w = responseWriter{ResponseWriter: rw, c: c, body: body}
}

// WriteHeader runs the after-request hooks once, then writes the header.
func (w *responseWriter) WriteHeader(code int) {
	if w.wroteHeader {
		return
	}
	if code >= 100 && code < 200 && code != http.StatusSwitchingProtocols {
		w.ResponseWriter.WriteHeader(code)
		return
	}
	w.wroteHeader = true
	w.status = code
	if w.c.ep.holdResponse {
		w.holding = true
		return
	}
	if w.c.runAfterHooks() {
		return
	}
	w.sent = true
	// Werkzeug's get_wsgi_headers drops Content-Length from 1xx and 204
	// responses, and every entity header but Expires and Content-Location
	// (remove_entity_headers) from a 304.
	entityhdr.ForStatus(w.Header(), w.status)
	if w.c.sendLocationError(w.Header()) {
		return
	}
	w.ResponseWriter.WriteHeader(w.status)
}

// Write writes body bytes, writing a 200 header first if none was written.
// The body of a 1xx, 204 or 304 response is dropped without an error, as
// Werkzeug sends none (net/http would fail the write).
func (w *responseWriter) Write(p []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	if w.replaced {
		return 0, errResponseReplaced
	}
	if w.holding {
		w.body = append(w.body, p...)
		return len(p), nil
	}
	if !bodyAllowed(w.status) {
		return len(p), nil // dropped, as Werkzeug's get_app_iter does
	}
	n, err := w.ResponseWriter.Write(p)
	w.size += int64(n)
	return n, err
}

// WriteString avoids a copy when the server's writer supports it.
func (w *responseWriter) WriteString(s string) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	if w.replaced {
		return 0, errResponseReplaced
	}
	if w.holding {
		w.body = append(w.body, s...)
		return len(s), nil
	}
	if !bodyAllowed(w.status) {
		return len(s), nil
	}
	n, err := io.WriteString(w.ResponseWriter, s)
	w.size += int64(n)
	return n, err
}

// ReadFrom keeps sendfile(2) for file responses.
func (w *responseWriter) ReadFrom(r io.Reader) (int64, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	if w.replaced {
		return 0, errResponseReplaced
	}
	if w.holding {
		return io.Copy(heldWriter{w}, r)
	}
	if !bodyAllowed(w.status) {
		return io.Copy(io.Discard, r)
	}
	n, err := io.Copy(w.ResponseWriter, r)
	w.size += n
	return n, err
}

// Flush sends buffered data to the client, for streaming responses.
func (w *responseWriter) Flush() {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	if f, ok := w.ResponseWriter.(http.Flusher); ok && !w.replaced && !w.holding {
		f.Flush()
	}
}

// Hijack lets websocket libraries take over the connection.
func (w *responseWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return http.NewResponseController(w.ResponseWriter).Hijack()
}

// Unwrap returns the server's writer, for http.ResponseController.
func (w *responseWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
