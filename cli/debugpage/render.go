package debugpage

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
	"runtime"
	"strconv"
)

//go:embed assets/*
var templateFS embed.FS

var pages = template.Must(template.ParseFS(templateFS, "assets/*"))

// pageState is what the interactive part shows.
type pageState struct {
	Message string
	Locked  bool
	Console *consoleResult
}

// consoleResult is the outcome of a console query.
type consoleResult struct {
	Name    string
	SQL     string
	Columns []string
	Rows    [][]string
	Err     string
}

// pageData is the page template's data.
type pageData struct {
	F           *failure
	S           pageState
	Status      int
	Unlocked    bool
	Prefix      string
	MaxAttempts int
	GoVersion   string
}

// render writes the debug page for f.
func (d *Debugger) render(w http.ResponseWriter, r *http.Request, f *failure, status int, st pageState) {
	d.mu.Lock()
	st.Locked = st.Locked || d.failures >= MaxPINAttempts
	d.mu.Unlock()
	data := pageData{F: f, S: st, Status: status, Unlocked: d.unlocked(r), Prefix: Prefix, MaxAttempts: MaxPINAttempts,
		GoVersion: runtime.Version()}
	writePage(w, "page", data, status)
}

// writePage executes a page template and writes it with status.
func writePage(w http.ResponseWriter, name string, data any, status int) {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, data); err != nil {
		http.Error(w, "debugpage: rendering failed: "+err.Error(), http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
