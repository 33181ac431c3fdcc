package browser

import (
	"context"
	"errors"
	"net"
	"path/filepath"
	"strings"
	"testing"
)

// TestLaunchFlagsAndFreshProfile checks the command line Chromium runs
// with (read from chrome://version) and that Close removes the fresh
// profile directory.
func TestLaunchFlagsAndFreshProfile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	b := start(t)
	closed := false
	t.Cleanup(func() {
		if !closed {
			b.Close()
		}
	})
	ctx := context.Background()
	p, err := b.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Navigate(ctx, "chrome://version"); err != nil {
		t.Fatal(err)
	}
	text, err := p.Text(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, flag := range []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--remote-debugging-pipe", "--user-data-dir=" + tmp} {
		if !strings.Contains(text, flag) {
			t.Errorf("command line lacks %s:\n%s", flag, text)
		}
	}
	profiles, _ := filepath.Glob(filepath.Join(tmp, "chromedp-runner*"))
	if len(profiles) != 1 {
		t.Fatalf("want one fresh profile in %s, have %v", tmp, profiles)
	}
	closed = true
	if err := b.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "chromedp-runner*")); len(left) != 0 {
		t.Errorf("Close left %v", left)
	}
}

func TestPageErrors(t *testing.T) {
	b := launch(t)
	p, err := b.NewPage(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedURL := "http://" + l.Addr().String() + "/"
	l.Close()
	tests := []struct {
		name string
		do   func() error
		want error // nil: any error
	}{
		{"JavaScript exception", func() error { return p.Eval(context.Background(), "nosuchfunction()", nil) }, nil},
		{"rejected promise", func() error { return p.Eval(context.Background(), "Promise.reject(new Error('no'))", nil) }, nil},
		{"cancelled context", func() error { return p.Eval(cancelled, "1", nil) }, context.Canceled},
		{"unreachable address", func() error { return p.Navigate(context.Background(), closedURL) }, nil},
		{"new page on cancelled context", func() error { _, err := b.NewPage(cancelled); return err }, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.do()
			if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
		})
	}
}

func TestEvalDecodes(t *testing.T) {
	b := launch(t)
	ctx := context.Background()
	p, err := b.NewPage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := p.Eval(ctx, "Promise.resolve(40 + 2)", &n); err != nil || n != 42 {
		t.Fatalf("awaited promise: %d, %v", n, err)
	}
	s := "kept"
	if err := p.Eval(ctx, "undefined", &s); err != nil || s != "kept" {
		t.Fatalf("undefined: %q, %v", s, err)
	}
}
