package verify

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// serve starts the fake with one rule broken by brk.
func serve(t *testing.T, brk func(*fake)) (*Checker, *fake) {
	t.Helper()
	f := newFake()
	if brk != nil {
		brk(f)
	}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	c := &Checker{Base: srv.URL, DateWait: 1100 * time.Millisecond}
	c.World = func(context.Context) (map[int]int, error) { return f.snapshot(), nil }
	return c, f
}

func TestCorrectServerPasses(t *testing.T) {
	c, _ := serve(t, nil)
	for _, p := range c.Run(context.Background()) {
		t.Errorf("unexpected problem: %s", p)
	}
}

func TestChunkedBodyPasses(t *testing.T) {
	c, _ := serve(t, func(f *fake) { f.chunked = true })
	if ps := c.Run(context.Background(), "json", "fortunes"); Failed(ps, "") {
		t.Errorf("chunked answers should pass, got %v", ps)
	}
}

func TestWrongResponsesFail(t *testing.T) {
	tests := []struct {
		name string
		brk  func(*fake)
		test string
		want string // part of the failure message
	}{
		{"no Server header", func(f *fake) { f.noServer = true }, "json", "header missing: Server"},
		{"no size header", func(f *fake) { f.noSize = true }, "plaintext", "size header missing"},
		{"plaintext as HTML", func(f *fake) { f.plainAsHTML = true }, "plaintext", "invalid Content-Type"},
		{"wrong JSON message", func(f *fake) { f.wrongMessage = true }, "json", "want \"Hello, World!\""},
		{"db answers a list", func(f *fake) { f.dbAsList = true }, "db", "is an array"},
		{"id as a string", func(f *fake) { f.stringID = true }, "db", "want an integer"},
		{"queries not clamped", func(f *fake) { f.noClamp = true }, "queries", "length 501, want 500"},
		{"queries=foo fails", func(f *fake) { f.fooIs500 = true }, "queries", "status 500"},
		{"updates not written", func(f *fake) { f.notPersisted = true }, "updates", "no items were updated"},
		{"updates answer old numbers", func(f *fake) { f.answerOld = true }, "updates", "differ from the database"},
		{"fortunes unescaped", func(f *fake) { f.unescaped = true }, "fortunes", "page differs"},
		{"fortunes without the added one", func(f *fake) { f.noAdditional = true }, "fortunes", "page differs"},
		{"fortunes unsorted", func(f *fake) { f.unsorted = true }, "fortunes", "page differs"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := serve(t, tt.brk)
			ps := c.checks()[tt.test](context.Background())
			if !Failed(ps, tt.test) {
				t.Fatalf("%s passed, want a failure containing %q", tt.test, tt.want)
			}
			if !containsMessage(ps, tt.want) {
				t.Errorf("problems %v do not mention %q", ps, tt.want)
			}
		})
	}
}

func TestCachedDateFails(t *testing.T) {
	c, _ := serve(t, func(f *fake) { f.cachedDate = true })
	ps := c.DateAdvances(context.Background(), "plaintext")
	if !Failed(ps, "plaintext") || !containsMessage(ps, "cached Date") {
		t.Errorf("a fixed Date should fail, got %v", ps)
	}
}

func TestUnknownTestFails(t *testing.T) {
	c, _ := serve(t, nil)
	if ps := c.Run(context.Background(), "cached-queries"); !Failed(ps, "cached-queries") {
		t.Errorf("unknown test type should fail, got %v", ps)
	}
}

func TestNoWorldReaderWarns(t *testing.T) {
	c, _ := serve(t, nil)
	c.World = nil
	ps := c.Updates(context.Background())
	if Failed(ps, "") || !containsMessage(ps, "no World reader") {
		t.Errorf("want only a warning without a World reader, got %v", ps)
	}
}

func TestServerDownFails(t *testing.T) {
	c, _ := serve(t, nil)
	c.Base = "http://127.0.0.1:1"
	if ps := c.JSON(context.Background()); !Failed(ps, "json") || !containsMessage(ps, "no response") {
		t.Errorf("want a no-response failure, got %v", ps)
	}
}

func containsMessage(ps []Problem, s string) bool {
	for _, p := range ps {
		if strings.Contains(p.Message, s) {
			return true
		}
	}
	return false
}
