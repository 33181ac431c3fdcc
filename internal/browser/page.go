package browser

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"time"
)

// Page is one browser tab.
type Page struct {
	b       *Browser
	session string
}

// NewPage opens a blank tab.
func (b *Browser) NewPage(ctx context.Context) (*Page, error) {
	var target struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		return nil, err
	}
	var att struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att); err != nil {
		return nil, err
	}
	p := &Page{b: b, session: att.SessionID}
	if err := b.call(ctx, p.session, "Page.enable", map[string]any{}, nil); err != nil {
		return nil, err
	}
	return p, nil
}

// SetViewport sets the window size for screenshots.
func (p *Page) SetViewport(ctx context.Context, width, height int) error {
	return p.b.call(ctx, p.session, "Emulation.setDeviceMetricsOverride",
		map[string]any{"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}, nil)
}

// Navigate loads url and waits for its load event.
func (p *Page) Navigate(ctx context.Context, url string) error {
	return p.AndWait(ctx, func() error {
		var res struct {
			ErrorText string `json:"errorText"`
		}
		if err := p.b.call(ctx, p.session, "Page.navigate", map[string]any{"url": url}, &res); err != nil {
			return err
		}
		if res.ErrorText != "" {
			return fmt.Errorf("browser: navigating to %s: %s", url, res.ErrorText)
		}
		return nil
	})
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
// JSON value into out (which may be nil).
func (p *Page) Eval(ctx context.Context, expr string, out any) error {
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		Exception *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	params := map[string]any{"expression": expr, "awaitPromise": true, "returnByValue": true}
	if err := p.b.call(ctx, p.session, "Runtime.evaluate", params, &res); err != nil {
		return err
	}
	if res.Exception != nil {
		return fmt.Errorf("browser: %s: %s %s", expr, res.Exception.Text, res.Exception.Exception.Description)
	}
	if out == nil || len(res.Result.Value) == 0 {
		return nil
	}
	return json.Unmarshal(res.Result.Value, out)
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
	var res struct {
		Data string `json:"data"`
	}
	if err := p.b.call(ctx, p.session, "Page.captureScreenshot", map[string]any{"format": "png"}, &res); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(res.Data)
}
