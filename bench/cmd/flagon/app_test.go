package main

import (
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/flagon-go/flagon/bench/internal/benchtest"
	"github.com/flagon-go/flagon/orm"
)

func TestFlagonPassesVerification(t *testing.T) {
	url := benchtest.SQLite(t)
	db, err := orm.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tmpl, err := fs.Sub(templates, "templates")
	if err != nil {
		t.Fatal(err)
	}
	benchtest.Verify(t, url, newApp(db, tmpl))
}

func TestFlagonJinjaPassesVerification(t *testing.T) {
	url := benchtest.SQLite(t)
	db, err := orm.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tmpl, err := fs.Sub(jinjaTemplates, "jinja")
	if err != nil {
		t.Fatal(err)
	}
	benchtest.Verify(t, url, newJinjaApp(db, tmpl))
}

// TestOneQueryPerRow counts the statements each request sends, through
// the ORM's statement events: the benchmark's rule is one query per row.
func TestOneQueryPerRow(t *testing.T) {
	url := benchtest.SQLite(t)
	db, err := orm.Open(url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tmpl, _ := fs.Sub(templates, "templates")
	srv := httptest.NewServer(newApp(db, tmpl))
	defer srv.Close()
	var mu sync.Mutex
	counts := map[string]int{}
	db.OnStatement(func(ev orm.StatementEvent) {
		mu.Lock()
		defer mu.Unlock()
		verb, _, _ := strings.Cut(ev.SQL, " ")
		counts[strings.ToUpper(verb)]++
	})
	tests := []struct {
		path string
		want map[string]int
	}{
		{"/db", map[string]int{"SELECT": 1}},
		{"/queries?queries=7", map[string]int{"SELECT": 7}},
		{"/queries?queries=900", map[string]int{"SELECT": 500}},
		{"/updates?queries=3", map[string]int{"SELECT": 3, "UPDATE": 3, "BEGIN": 1, "COMMIT": 1}},
		{"/fortunes", map[string]int{"SELECT": 1}},
		{"/json", map[string]int{}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			mu.Lock()
			clear(counts)
			mu.Unlock()
			resp, err := http.Get(srv.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			mu.Lock()
			defer mu.Unlock()
			if !maps.Equal(counts, tt.want) {
				t.Errorf("statements = %v, want %v", counts, tt.want)
			}
		})
	}
}
