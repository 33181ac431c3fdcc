package browser

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
)

// ErrNoBrowser is returned by Launch when no Chromium is installed.
var ErrNoBrowser = errors.New("browser: chromium is not installed")

// candidates are the executables Launch looks for, in order.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "chrome"}

// Browser is a running headless Chromium.
type Browser struct {
	cmd     *exec.Cmd
	w       io.WriteCloser
	mu      sync.Mutex
	nextID  int
	pending map[int]chan message
	done    chan struct{}
	dataDir string
}

// message is a DevTools protocol message: a reply (ID set) or an event
// (ignored).
type message struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *protocolError  `json:"error,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
}

type protocolError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

// Find returns the path of the installed Chromium.
func Find() (string, error) {
	for _, name := range candidates {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// Launch starts a headless Chromium with a fresh profile; Close stops it.
func Launch() (*Browser, error) {
	path, err := Find()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "flagon-chromium-*")
	if err != nil {
		return nil, err
	}
	b := &Browser{pending: map[int]chan message{}, done: make(chan struct{}), dataDir: dir}
	if err := b.start(path); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return b, nil
}

// flags are the headless flags this machine's Chromium needs (no network
// besides loopback, running as root).
func (b *Browser) flags() []string {
	return []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--remote-debugging-pipe", "--user-data-dir=" + b.dataDir, "about:blank"}
}

// start runs Chromium with the protocol on file descriptors 3 (commands)
// and 4 (replies and events).
func (b *Browser) start(path string) error {
	cmdR, cmdW, err := os.Pipe()
	if err != nil {
		return err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		return err
	}
	b.cmd = exec.Command(path, b.flags()...)
	b.cmd.ExtraFiles = []*os.File{cmdR, outW}
	if err := b.cmd.Start(); err != nil {
		return fmt.Errorf("browser: starting %s: %w", path, err)
	}
	cmdR.Close()
	outW.Close()
	b.w = cmdW
	go b.read(outR)
	return nil
}

// read dispatches replies to their callers and events to subscribers.
func (b *Browser) read(r io.ReadCloser) {
	defer close(b.done)
	defer r.Close()
	br := bufio.NewReader(r)
	for {
		raw, err := br.ReadBytes(0)
		if err != nil {
			return
		}
		var m message
		if json.Unmarshal(raw[:len(raw)-1], &m) != nil {
			continue
		}
		b.dispatch(m)
	}
}

func (b *Browser) dispatch(m message) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if ch, ok := b.pending[m.ID]; ok && m.ID != 0 {
		delete(b.pending, m.ID)
		ch <- m
	}
}

// call sends a command (to a page session when sessionID is set) and
// decodes its result into out.
func (b *Browser) call(ctx context.Context, sessionID, method string, params, out any) error {
	ch := make(chan message, 1)
	b.mu.Lock()
	b.nextID++
	id := b.nextID
	b.pending[id] = ch
	b.mu.Unlock()
	req := map[string]any{"id": id, "method": method, "params": params}
	if sessionID != "" {
		req["sessionId"] = sessionID
	}
	if err := b.send(req); err != nil {
		return err
	}
	select {
	case m := <-ch:
		return decodeReply(method, m, out)
	case <-b.done:
		return fmt.Errorf("browser: %s: chromium exited", method)
	case <-ctx.Done():
		return fmt.Errorf("browser: %s: %w", method, ctx.Err())
	}
}

func (b *Browser) send(req map[string]any) error {
	data, err := json.Marshal(req)
	if err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	_, err = b.w.Write(append(data, 0))
	return err
}

func decodeReply(method string, m message, out any) error {
	if m.Error != nil {
		return fmt.Errorf("browser: %s: %s (%d)", method, m.Error.Message, m.Error.Code)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(m.Result, out)
}

// Close stops Chromium and removes its profile.
func (b *Browser) Close() error {
	_ = b.send(map[string]any{"id": -1, "method": "Browser.close"})
	b.w.Close()
	err := b.cmd.Wait()
	os.RemoveAll(b.dataDir)
	return err
}
