package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/internal/browser"
)

// server is the example built and started as a real process.
type server struct {
	base string
	cmd  *exec.Cmd
	log  *strings.Builder
}

// startServer builds the example and runs "inventory run" on a free port
// in a temporary working directory (so its instance folder is fresh).
func startServer(t *testing.T) *server {
	t.Helper()
	dir := t.TempDir()
	bin := filepath.Join(dir, "inventory")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	port := freePort(t)
	s := &server{base: fmt.Sprintf("http://127.0.0.1:%d", port), log: &strings.Builder{}}
	s.cmd = exec.Command(bin, "run", "--port", fmt.Sprint(port))
	s.cmd.Dir = dir
	s.cmd.Env = append(os.Environ(), "SECRET_KEY=e2e-secret", "FLAGON_DEBUG=0", "DATABASE_URL=")
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		s.cmd.Process.Signal(os.Interrupt)
		s.cmd.Wait()
	})
	s.waitReady(t)
	return s
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func (s *server) waitReady(t *testing.T) {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get(s.base + "/"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("the server did not start:\n%s", s.log)
}

// openBrowser starts Chromium; without it the test skips, unless
// FLAGON_REQUIRE_BROWSER is set (CI), where it fails.
func openBrowser(t *testing.T) *browser.Page {
	t.Helper()
	b, err := browser.Launch()
	if errors.Is(err, browser.ErrNoBrowser) && os.Getenv("FLAGON_REQUIRE_BROWSER") == "" {
		t.Skip("chromium is not installed")
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	p, err := b.NewPage(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := p.SetViewport(context.Background(), 1100, 800); err != nil {
		t.Fatal(err)
	}
	return p
}

// step is one browser action and what the page must then show.
type step struct {
	name   string
	do     func(ctx context.Context, p *browser.Page, base string) error
	expect []string
}

func visit(path string) func(context.Context, *browser.Page, string) error {
	return func(ctx context.Context, p *browser.Page, base string) error { return p.Navigate(ctx, base+path) }
}

// submit fills the form's fields and submits it like a user.
func submit(fields map[string]string) func(context.Context, *browser.Page, string) error {
	return func(ctx context.Context, p *browser.Page, _ string) error {
		var js strings.Builder
		for name, value := range fields {
			fmt.Fprintf(&js, "document.querySelector('[name=%q]').value = %q;", name, value)
		}
		js.WriteString("document.querySelector('main form button').click();")
		return p.AndWait(ctx, func() error { return p.Eval(ctx, js.String(), nil) })
	}
}

func TestEndToEndInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the example")
	}
	s := startServer(t)
	p := openBrowser(t)
	ctx := context.Background()
	steps := []step{
		{"empty list", visit("/"), []string{"Products", "No products yet"}},
		{"new product form", visit("/products/new"), []string{"New product", "Name", "Price"}},
		{"create through the form", submit(map[string]string{"name": "Chair", "price": "25"}), []string{"Product “Chair” created.", "Chair", "$25"}},
		{"flash shown once", visit("/"), []string{"Chair"}},
		{"validation error next to the field", func(ctx context.Context, p *browser.Page, base string) error {
			if err := p.Navigate(ctx, base+"/products/new"); err != nil {
				return err
			}
			return submit(map[string]string{"name": "", "price": "cheap"})(ctx, p, base)
		}, []string{"A name is required.", "The price must be a whole number."}},
		{"show", visit("/products/1"), []string{"Chair", "Price: $25"}},
		{"edit", func(ctx context.Context, p *browser.Page, base string) error {
			if err := p.Navigate(ctx, base+"/products/1/edit"); err != nil {
				return err
			}
			return submit(map[string]string{"name": "Armchair", "price": "30"})(ctx, p, base)
		}, []string{"Product “Armchair” saved.", "Price: $30"}},
		{"delete", func(ctx context.Context, p *browser.Page, base string) error {
			return p.AndWait(ctx, func() error {
				return p.Eval(ctx, "document.querySelector('form.inline button').click()", nil)
			})
		}, []string{"Product “Armchair” deleted.", "No products yet"}},
		{"404 page", visit("/products/1"), []string{"Not found", "There is no product with that number."}},
	}
	for _, st := range steps {
		if err := st.do(ctx, p, s.base); err != nil {
			t.Fatalf("%s: %v\nserver log:\n%s", st.name, err, s.log)
		}
		text, err := p.Text(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range st.expect {
			if !strings.Contains(text, want) {
				t.Fatalf("%s: the page does not show %q:\n%s", st.name, want, text)
			}
		}
	}
	if text, _ := p.Text(ctx); strings.Contains(text, "created.") {
		t.Error("a flashed message was shown twice")
	}
	screenshotList(t, ctx, p, s.base)
}

// screenshotList fills the list and writes its screenshot as a test
// artifact ($FLAGON_ARTIFACTS, or the test's temporary folder).
func screenshotList(t *testing.T, ctx context.Context, p *browser.Page, base string) {
	for _, name := range []string{"Chair", "Table", "Lamp"} {
		if err := p.Navigate(ctx, base+"/products/new"); err != nil {
			t.Fatal(err)
		}
		if err := submit(map[string]string{"name": name, "price": "12"})(ctx, p, base); err != nil {
			t.Fatal(err)
		}
	}
	png, err := p.Screenshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("FLAGON_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "inventory-list.png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// TestFormWithoutCSRFTokenIsRejected posts the form with a real HTTP
// client and no token: 400, and nothing is created.
func TestFormWithoutCSRFTokenIsRejected(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts the example")
	}
	s := startServer(t)
	res, err := http.PostForm(s.base+"/products/new", url.Values{"name": {"Sneaky"}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 400 || !strings.Contains(string(body), "The CSRF token is missing.") {
		t.Fatalf("got %d %s", res.StatusCode, body)
	}
	list, _ := http.Get(s.base + "/")
	page, _ := io.ReadAll(list.Body)
	list.Body.Close()
	if strings.Contains(string(page), "Sneaky") {
		t.Fatal("the product was created without a token")
	}
}
