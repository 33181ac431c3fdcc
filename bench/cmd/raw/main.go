// Command raw is the floor of the benchmark: the TechEmpower test types
// with nothing but net/http, database/sql (pgx or modernc SQLite) and
// html/template.
//
//	raw -addr 127.0.0.1:8080 -db postgresql://postgres@127.0.0.1:5432/flagon_bench
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"log"
	"net/http"
	"strconv"

	"github.com/flagon-go/flagon/bench/internal/rawdb"
	"github.com/flagon-go/flagon/bench/internal/tfb"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	dbURL := flag.String("db", "", "database URL (postgresql://... or sqlite:///...); empty serves only /json and /plaintext")
	pool := flag.Int("pool", 16, "maximum database connections")
	flag.Parse()
	h := &handlers{}
	if *dbURL != "" {
		s, err := rawdb.Open(context.Background(), *dbURL, *pool)
		if err != nil {
			log.Fatal(err)
		}
		h.store = s
	}
	log.Fatal(http.ListenAndServe(*addr, h.mux()))
}

// handlers serve the test types from a store.
type handlers struct{ store *rawdb.Store }

func (h *handlers) mux() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("GET /json", h.json)
	m.HandleFunc("GET /plaintext", h.plaintext)
	m.HandleFunc("GET /db", h.db)
	m.HandleFunc("GET /queries", h.queries)
	m.HandleFunc("GET /updates", h.updates)
	m.HandleFunc("GET /fortunes", h.fortunes)
	return m
}

// write sends body with the benchmark's headers.
func write(w http.ResponseWriter, contentType string, body []byte) {
	hdr := w.Header()
	hdr["Server"] = []string{"raw"}
	hdr["Content-Type"] = []string{contentType}
	hdr["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.Write(body)
}

func writeJSON(w http.ResponseWriter, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	write(w, "application/json", b)
}

func (h *handlers) json(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, struct {
		Message string `json:"message"`
	}{tfb.HelloWorld})
}

func (h *handlers) plaintext(w http.ResponseWriter, r *http.Request) {
	write(w, "text/plain; charset=utf-8", []byte(tfb.HelloWorld))
}

func (h *handlers) db(w http.ResponseWriter, r *http.Request) {
	world, err := h.store.World(r.Context(), tfb.RandomID())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, world)
}

func (h *handlers) queries(w http.ResponseWriter, r *http.Request) {
	worlds, err := h.store.RandomWorlds(r.Context(), tfb.QueryCount(r.URL.Query().Get("queries")))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, worlds)
}

func (h *handlers) updates(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	worlds, err := h.store.RandomWorlds(ctx, tfb.QueryCount(r.URL.Query().Get("queries")))
	if err == nil {
		err = h.store.UpdateWorlds(ctx, worlds)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeJSON(w, worlds)
}

func (h *handlers) fortunes(w http.ResponseWriter, r *http.Request) {
	fortunes, err := h.store.Fortunes(r.Context())
	var buf bytes.Buffer
	if err == nil {
		err = rawdb.RenderFortunes(&buf, fortunes)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	write(w, "text/html; charset=utf-8", buf.Bytes())
}
