package verify

import (
	"bytes"
	"encoding/json"
	htmltemplate "html/template"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	texttemplate "text/template"
	"time"

	"github.com/flagon-go/flagon/bench/internal/tfb"
)

// fake is a correct in-memory implementation of the test types whose
// flags each break one rule.
type fake struct {
	mu    sync.Mutex
	world map[int]int

	noServer, cachedDate, noSize, plainAsHTML  bool
	wrongMessage, dbAsList, stringID, noClamp  bool
	fooIs500, notPersisted, answerOld          bool
	unescaped, noAdditional, unsorted, chunked bool
}

func newFake() *fake {
	f := &fake{world: map[int]int{}}
	for id := 1; id <= tfb.WorldRows; id++ {
		f.world[id] = rand.IntN(10000) + 1
	}
	return f
}

// snapshot is the Checker.World reader of the fake.
func (f *fake) snapshot() map[int]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make(map[int]int, len(f.world))
	for k, v := range f.world {
		out[k] = v
	}
	return out
}

func (f *fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/json":
		msg := tfb.HelloWorld
		if f.wrongMessage {
			msg = "Hello World"
		}
		f.writeJSON(w, map[string]string{"message": msg})
	case "/plaintext":
		ct := "text/plain"
		if f.plainAsHTML {
			ct = "text/html; charset=utf-8"
		}
		f.write(w, ct, []byte(tfb.HelloWorld))
	case "/db":
		f.db(w)
	case "/queries", "/updates":
		f.queries(w, r)
	case "/fortunes":
		f.fortunes(w)
	default:
		http.NotFound(w, r)
	}
}

func (f *fake) row(id int) map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.stringID {
		return map[string]any{"id": strconv.Itoa(id), "randomNumber": f.world[id]}
	}
	return map[string]any{"id": id, "randomNumber": f.world[id]}
}

func (f *fake) db(w http.ResponseWriter) {
	row := f.row(tfb.RandomID())
	if f.dbAsList {
		f.writeJSON(w, []any{row})
		return
	}
	f.writeJSON(w, row)
}

func (f *fake) queries(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("queries")
	n := tfb.QueryCount(q)
	if f.noClamp {
		n, _ = strconv.Atoi(q)
	}
	if f.fooIs500 && q == "foo" {
		http.Error(w, "bad queries", http.StatusInternalServerError)
		return
	}
	rows := make([]map[string]any, max(n, 0))
	for i := range rows {
		rows[i] = f.row(tfb.RandomID())
	}
	if r.URL.Path == "/updates" {
		f.update(rows)
	}
	f.writeJSON(w, rows)
}

// update gives each row a new number, written to the table unless
// notPersisted, and answered unless answerOld.
func (f *fake) update(rows []map[string]any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, row := range rows {
		id := row["id"].(int)
		n := f.world[id]%10000 + 1 // always a different number
		if !f.notPersisted {
			f.world[id] = n
		}
		if !f.answerOld {
			row["randomNumber"] = n
		}
	}
}

var (
	goodPage = htmltemplate.Must(htmltemplate.New("f").Parse(`<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table><tr><th>id</th><th>message</th></tr>{{range .}}<tr><td>{{.ID}}</td><td>{{.Message}}</td></tr>{{end}}</table></body></html>`))
	rawPage  = texttemplate.Must(texttemplate.New("f").Parse(`<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table><tr><th>id</th><th>message</th></tr>{{range .}}<tr><td>{{.ID}}</td><td>{{.Message}}</td></tr>{{end}}</table></body></html>`))
)

func (f *fake) fortunes(w http.ResponseWriter) {
	fs := slices.Clone(tfb.Fortunes)
	if !f.noAdditional {
		fs = append(fs, tfb.Fortune{ID: 0, Message: tfb.AdditionalFortune})
	}
	if !f.unsorted {
		slices.SortFunc(fs, func(a, b tfb.Fortune) int { return strings.Compare(a.Message, b.Message) })
	}
	var buf bytes.Buffer
	if f.unescaped {
		rawPage.Execute(&buf, fs)
	} else {
		goodPage.Execute(&buf, fs)
	}
	f.write(w, "text/html; charset=utf-8", buf.Bytes())
}

func (f *fake) writeJSON(w http.ResponseWriter, v any) {
	b, _ := json.Marshal(v)
	f.write(w, "application/json", b)
}

// write sends body with the headers the flags leave in.
func (f *fake) write(w http.ResponseWriter, contentType string, body []byte) {
	if f.noSize {
		f.writeUnsized(w, contentType, body)
		return
	}
	h := w.Header()
	if !f.noServer {
		h.Set("Server", "fake")
	}
	if f.cachedDate {
		h.Set("Date", "Mon, 02 Jan 2006 15:04:05 GMT")
	}
	h.Set("Content-Type", contentType)
	if f.chunked {
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
	}
	w.Write(body)
}

// writeUnsized answers with neither Content-Length nor Transfer-Encoding,
// ending the body by closing the connection.
func (f *fake) writeUnsized(w http.ResponseWriter, contentType string, body []byte) {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(err)
	}
	defer conn.Close()
	buf.WriteString("HTTP/1.1 200 OK\r\nServer: fake\r\nDate: " + time.Now().UTC().Format(http.TimeFormat) + "\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n\r\n")
	buf.Write(body)
	buf.Flush()
}
