package reload

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// DrainListener lets a server stop without dropping a request.
//
// http.Server.Shutdown drops a connection whose request it reads after
// the shutdown began, and a connection accepted just before the listener
// closed may not be tracked by Shutdown at all. During a reload the old
// process must therefore stop accepting first, let the connections it
// already accepted send their requests, and only then shut down; after
// Shutdown it waits for every accepted connection to close before the
// process exits.
//
// Use it as: ln := NewDrainListener(raw); ctx2, release :=
// ln.ServeContext(ctx); serve on ln until ctx2 is done (app.Serve);
// release(); ln.Wait(timeout).
type DrainListener struct {
	net.Listener
	stopping atomic.Bool
	released chan struct{}
	once     sync.Once
	open     sync.WaitGroup
	mu       sync.Mutex
	unread   map[*drainConn]bool
}

// NewDrainListener wraps ln.
func NewDrainListener(ln net.Listener) *DrainListener {
	return &DrainListener{Listener: ln, released: make(chan struct{}), unread: map[*drainConn]bool{}}
}

// Accept counts the accepted connection until it is closed. Once
// stopAccepting was called it blocks until Close, so that the server
// keeps serving the connections it has.
func (l *DrainListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		if l.stopping.Load() {
			<-l.released
			return nil, net.ErrClosed
		}
		return nil, err
	}
	dc := &drainConn{Conn: c, l: l}
	l.open.Add(1)
	l.mu.Lock()
	l.unread[dc] = true
	l.mu.Unlock()
	return dc, nil
}

// Close releases a blocked Accept and closes the socket.
func (l *DrainListener) Close() error {
	l.once.Do(func() { close(l.released) })
	err := l.Listener.Close()
	if l.stopping.Load() && errors.Is(err, net.ErrClosed) {
		return nil
	}
	return err
}

// stopAccepting closes the socket without ending the server.
func (l *DrainListener) stopAccepting() {
	l.stopping.Store(true)
	_ = l.Listener.Close()
}

// settled reports whether every open connection has sent something.
func (l *DrainListener) settled() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.unread) == 0
}

// quiesce stops accepting and waits, up to timeout, until the accepted
// connections have sent their requests.
func (l *DrainListener) quiesce(timeout time.Duration) {
	l.stopAccepting()
	deadline := time.Now().Add(timeout)
	for !l.settled() && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(50 * time.Millisecond) // let the server mark them active
}

// Wait waits until every accepted connection is closed, or timeout, and
// reports whether they all closed.
func (l *DrainListener) Wait(timeout time.Duration) bool {
	done := make(chan struct{})
	go func() { l.open.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(timeout):
		return false
	}
}

// ServeContext returns the context to serve with: it ends once ctx is
// done and the listener has stopped accepting and let the accepted
// connections send their requests (at most 2s). Call release when serving
// has ended.
func (l *DrainListener) ServeContext(ctx context.Context) (sctx context.Context, release func()) {
	sctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			l.quiesce(2 * time.Second)
		case <-done:
		}
		cancel()
	}()
	return sctx, func() { close(done) }
}

// drainConn reports its first read and its close.
type drainConn struct {
	net.Conn
	l      *DrainListener
	read   atomic.Bool
	closed sync.Once
}

// Read marks the connection as having sent data.
func (c *drainConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if (n > 0 || err != nil) && !c.read.Swap(true) {
		c.forget()
	}
	return n, err
}

// Close closes the connection and reports it.
func (c *drainConn) Close() error {
	err := c.Conn.Close()
	c.closed.Do(func() {
		c.forget()
		c.l.open.Done()
	})
	return err
}

func (c *drainConn) forget() {
	c.l.mu.Lock()
	delete(c.l.unread, c)
	c.l.mu.Unlock()
}

// ReadFrom keeps the sendfile path of *net.TCPConn for file responses.
func (c *drainConn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(c.Conn, r)
}
