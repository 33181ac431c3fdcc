package debugpage_test

import (
	"context"
	"image/png"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/cli/debugpage"
)

// chromium returns the browser's path, skipping the test when it is
// absent unless FLAGON_REQUIRE_BROWSER=1.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("FLAGON_REQUIRE_BROWSER") == "1" {
		t.Fatal("FLAGON_REQUIRE_BROWSER=1 but no chromium found")
	}
	t.Skip("chromium is not installed")
	return ""
}

// artifactsDir is $FLAGON_ARTIFACTS, or a test temporary directory.
func artifactsDir(t *testing.T) string {
	if dir := os.Getenv("FLAGON_ARTIFACTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

// headless runs chromium headless with extra arguments on url.
func headless(t *testing.T, browser, url string, extra ...string) []byte {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir(), "--window-size=1280,900"}
	args = append(append(args, extra...), url)
	cmd := exec.CommandContext(ctx, browser, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	return out
}

func TestDebugPageInBrowser(t *testing.T) {
	browser := chromium(t)
	app, _ := newApp(true, debugpage.Options{PIN: testPIN})
	srv := httptest.NewServer(app)
	defer srv.Close()
	url := srv.URL + "/panic/77?color=red"

	dom := string(headless(t, browser, url, "--dump-dom"))
	for _, want := range []string{
		"panic: cannot explode item 77", "Error chain", "library frame", "Captured values",
		"Enter the PIN", "<th>color</th><td>red</td>", "cart=3 items", "<th>SECRET_KEY</th><td>***</td>",
		"goroutine ",
	} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered DOM lacks %q", want)
		}
	}
	if strings.Contains(dom, secretKey) || strings.Contains(dom, dbPassword) {
		t.Error("rendered DOM shows a secret")
	}

	shot := filepath.Join(artifactsDir(t), "debugpage.png")
	headless(t, browser, url, "--screenshot="+shot, "--hide-scrollbars")
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 900 {
		t.Errorf("screenshot size %v", b)
	}
	// The header band is the page's dark red (#8a1c2b).
	r, g, b, _ := img.At(640, 20).RGBA()
	if r>>8 < 0x70 || r>>8 > 0xa0 || g>>8 > 0x40 || b>>8 > 0x50 {
		t.Errorf("header pixel is rgb(%d,%d,%d), not the header's red", r>>8, g>>8, b>>8)
	}
	t.Logf("screenshot: %s", shot)
}

func TestBuildPageInBrowser(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte("package main\n\nvar total = price * qty\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	app, _ := newApp(true, debugpage.Options{})
	debugpage.ServeBuildErrors(app, func() (string, string, bool) {
		return dir, "# example.com/shop\n./main.go:3:13: undefined: price\n", true
	})
	srv := httptest.NewServer(app)
	defer srv.Close()
	dom := string(headless(t, browser, srv.URL+"/ok", "--dump-dom"))
	for _, want := range []string{"Build failed", "undefined: price", "main.go:3:13", "var total = price * qty"} {
		if !strings.Contains(dom, want) {
			t.Errorf("rendered build page lacks %q", want)
		}
	}
	headless(t, browser, srv.URL+"/ok", "--screenshot="+filepath.Join(artifactsDir(t), "buildpage.png"), "--hide-scrollbars")
}
