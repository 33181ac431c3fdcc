package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// Page is one browser tab.
type Page struct {
	ctx context.Context // chromedp tab context
}

// NewPage opens a blank tab. The tab lives until the browser is closed.
func (b *Browser) NewPage(ctx context.Context) (*Page, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// The tab's context is cancelled with the browser's, in Close.
	tab, _ := chromedp.NewContext(b.ctx)
	// The first Run opens the tab; it must run on the tab's own context.
	if err := chromedp.Do(tab); err != nil {
		return nil, fmt.Errorf("browser: opening a tab: %w", err)
	}
	return &Page{ctx: tab}, nil
}

// run runs action on the tab, stopping it when ctx is done.
func run[T any](ctx context.Context, p *Page, action chromedp.Action[T]) (T, error) {
	runCtx, cancel := context.WithCancel(p.ctx)
	defer cancel()
	stop := context.AfterFunc(ctx, cancel)
	defer stop()
	v, err := chromedp.Run(runCtx, action)
	if err != nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	return v, err
}

// SetViewport sets the window size for screenshots.
func (p *Page) SetViewport(ctx context.Context, width, height int) error {
	_, err := run(ctx, p, chromedp.EmulateViewport(int64(width), int64(height)))
	return err
}

// Navigate loads url and waits for its load event.
func (p *Page) Navigate(ctx context.Context, url string) error {
	if _, err := run(ctx, p, chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("browser: navigating to %s: %w", url, err)
	}
	return nil
}

// AndWait runs action (which makes the page navigate: a click, a form
// submission) and waits until a new document has loaded. The old document
// is marked first, so a late event of the old page cannot be mistaken for
// the new one.
func (p *Page) AndWait(ctx context.Context, action func() error) error {
	_ = p.Eval(ctx, "window.__flagonOld = true", nil)
	if err := action(); err != nil {
		return err
	}
	ctx, stop := context.WithTimeout(ctx, 30*time.Second)
	defer stop()
	for {
		var loaded bool
		err := p.Eval(ctx, "window.__flagonOld === undefined && document.readyState === 'complete'", &loaded)
		if err == nil && loaded {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("browser: waiting for the page to load: %w", ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// Eval runs a JavaScript expression (promises are awaited) and decodes its
// JSON value into out (which may be nil). A thrown exception is an error.
func (p *Page) Eval(ctx context.Context, expr string, out any) error {
	raw, err := run(ctx, p, chromedp.Evaluate[[]byte](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		return fmt.Errorf("browser: %s: %w", expr, err)
	}
	if out == nil || len(raw) == 0 {
		return nil
	}
	return json.Unmarshal(raw, out)
}

// Text returns the page's visible text (document.body.innerText).
func (p *Page) Text(ctx context.Context) (string, error) {
	var s string
	err := p.Eval(ctx, "document.body ? document.body.innerText : ''", &s)
	return s, err
}

// HTML returns the page's serialized DOM.
func (p *Page) HTML(ctx context.Context) (string, error) {
	var s string
	err := p.Eval(ctx, "document.documentElement.outerHTML", &s)
	return s, err
}

// URL returns the page's current address.
func (p *Page) URL(ctx context.Context) (string, error) {
	var s string
	err := p.Eval(ctx, "location.href", &s)
	return s, err
}

// Screenshot returns a PNG of the page.
func (p *Page) Screenshot(ctx context.Context) ([]byte, error) {
	png, err := run(ctx, p, chromedp.CaptureScreenshot())
	if err != nil {
		return nil, fmt.Errorf("browser: screenshot: %w", err)
	}
	return png, nil
}
