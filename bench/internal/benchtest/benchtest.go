// Package benchtest runs the verifier against an implementation's handler
// on a freshly loaded SQLite database, for the implementations' tests.
package benchtest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/flagon-go/flagon/bench/internal/tfb"
	"github.com/flagon-go/flagon/bench/verify"
)

// SQLite loads the bench tables into a new SQLite file and returns its URL.
func SQLite(t testing.TB) string {
	t.Helper()
	url := "sqlite:///" + filepath.Join(t.TempDir(), "bench.db")
	if err := tfb.Load(context.Background(), url); err != nil {
		t.Fatal(err)
	}
	return url
}

// Verify serves h and fails t for every problem the verifier reports,
// warnings included.
func Verify(t *testing.T, url string, h http.Handler) {
	t.Helper()
	srv := httptest.NewServer(h)
	defer srv.Close()
	db, err := tfb.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c := &verify.Checker{Base: srv.URL, World: func(ctx context.Context) (map[int]int, error) { return tfb.WorldTable(ctx, db) }}
	for _, p := range c.Run(context.Background()) {
		t.Errorf("%s", p)
	}
}
