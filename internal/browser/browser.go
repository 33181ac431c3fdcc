package browser

import (
	"context"
	"errors"
	"fmt"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// ErrNoBrowser is returned by Launch when no Chromium is installed.
var ErrNoBrowser = errors.New("browser: chromium is not installed")

// candidates are the executables Launch looks for, in order.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "chrome"}

// Browser is a running headless Chromium.
type Browser struct {
	ctx         context.Context // chromedp browser context
	cancel      context.CancelFunc
	allocCancel context.CancelFunc
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

// Launch starts a headless Chromium with a fresh profile (a temporary
// --user-data-dir that chromedp removes when the browser stops); Close
// stops it.
func Launch() (*Browser, error) {
	path, err := Find()
	if err != nil {
		return nil, err
	}
	allocCtx, allocCancel := chromedp.NewExecAllocator(context.Background(), options(path)...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	b := &Browser{ctx: ctx, cancel: cancel, allocCancel: allocCancel}
	// The first Run starts the browser; its context must be the browser's
	// own, long-lived one.
	if err := chromedp.Do(ctx); err != nil {
		b.stop()
		return nil, fmt.Errorf("browser: starting %s: %w", path, err)
	}
	return b, nil
}

// options are the headless flags this machine's Chromium needs (no
// network besides loopback, running as root). chromedp connects over
// --remote-debugging-pipe and adds a fresh --user-data-dir.
func options(path string) []chromedp.ExecAllocatorOption {
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path)}
	for _, flag := range []string{"headless", "no-sandbox", "disable-gpu", "disable-quic", "no-first-run",
		"disable-background-networking", "disable-component-update", "disable-sync", "disable-dev-shm-usage"} {
		opts = append(opts, chromedp.Flag(flag, true))
	}
	return opts
}

// Close stops Chromium gracefully and removes its profile.
func (b *Browser) Close() error {
	err := chromedp.Cancel(b.ctx)
	b.stop()
	return err
}

// stop frees the contexts and waits until the profile is removed.
func (b *Browser) stop() {
	b.cancel()
	b.allocCancel()
}
