package browser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

// launch starts Chromium, skipping when it is absent unless
// FLAGON_REQUIRE_BROWSER is set (as in CI).
func launch(t *testing.T) *Browser {
	t.Helper()
	b := start(t)
	t.Cleanup(func() { b.Close() })
	return b
}

// start is launch without the cleanup, for tests that close the browser
// themselves.
func start(t *testing.T) *Browser {
	t.Helper()
	b, err := Launch()
	if errors.Is(err, ErrNoBrowser) && os.Getenv("FLAGON_REQUIRE_BROWSER") == "" {
		t.Skip("chromium is not installed")
	}
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestPageNavigateEvalSubmitScreenshot(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.Method == http.MethodPost {
			r.ParseForm()
			fmt.Fprintf(w, "<p id=out>hello %s</p>", r.Form.Get("name"))
			return
		}
		fmt.Fprint(w, `<form method=post><input name=name id=name><button>go</button></form>`)
	}))
	defer srv.Close()
	b := launch(t)
	ctx := context.Background()
	p, err := b.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Navigate(ctx, srv.URL); err != nil {
		t.Fatal(err)
	}
	err = p.AndWait(ctx, func() error {
		return p.Eval(ctx, `document.getElementById('name').value = 'gopher'; document.forms[0].submit()`, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	text, err := p.Text(ctx)
	if err != nil || !strings.Contains(text, "hello gopher") {
		t.Fatalf("text %q, %v", text, err)
	}
	png, err := p.Screenshot(ctx)
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Fatalf("screenshot: %d bytes, %v", len(png), err)
	}
	if err := p.Eval(ctx, "nosuchfunction()", nil); err == nil {
		t.Fatal("a JavaScript exception should be an error")
	}
}
