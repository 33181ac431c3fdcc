package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/flagon-go/flagon/bench/internal/tfb"
)

// rawMux answers /json and /plaintext as the raw server does.
func rawMux() http.Handler {
	m := http.NewServeMux()
	m.HandleFunc("GET /json", func(w http.ResponseWriter, r *http.Request) {
		b, _ := json.Marshal(struct {
			Message string `json:"message"`
		}{tfb.HelloWorld})
		w.Header().Set("Server", "raw")
		w.Header().Set("Content-Type", "application/json")
		w.Write(b)
	})
	m.HandleFunc("GET /plaintext", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Server", "raw")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte(tfb.HelloWorld))
	})
	return m
}

// BenchmarkHandlers serves /json and /plaintext in process through the
// flagon app of this command and through a bare ServeMux.
func BenchmarkHandlers(b *testing.B) {
	servers := []struct {
		name string
		h    http.Handler
	}{{"raw", rawMux()}, {"flagon", newApp(nil, nil)}}
	for _, path := range []string{"/json", "/plaintext"} {
		for _, s := range servers {
			b.Run(path[1:]+"/"+s.name, func(b *testing.B) {
				req := httptest.NewRequest("GET", path, nil)
				b.ReportAllocs()
				for b.Loop() {
					w := httptest.NewRecorder()
					s.h.ServeHTTP(w, req)
					if w.Code != 200 {
						b.Fatal(w.Code)
					}
				}
			})
		}
	}
}
