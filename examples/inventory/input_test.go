package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// productNames returns the names stored, in id order.
func productNames(t *testing.T, dbURL string) []string {
	t.Helper()
	eng, err := orm.Open(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	ctx := context.Background()
	session := orm.NewSession(eng)
	defer func() { _ = session.Close(ctx) }()
	ps, err := orm.Select[Product](session).OrderBy("ID").All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
	}
	return names
}

// multipartForm is a multipart body with the fields given as raw bytes.
func multipartForm(fields ...string) flagontest.Option {
	var b strings.Builder
	for i := 0; i+1 < len(fields); i += 2 {
		b.WriteString("--BOUNDARY\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n" + fields[i+1] + "\r\n")
	}
	b.WriteString("--BOUNDARY--\r\n")
	return flagontest.Raw("multipart/form-data; boundary=BOUNDARY", []byte(b.String()))
}

// A NUL character in a text field is a 400 naming the field, on every
// database (PostgreSQL answered 500: text cannot hold NUL), in the HTML
// form, a multipart form and the JSON API; nothing is stored. Invalid
// UTF-8 is stored as Werkzeug would see it: an escape stays escaped, a
// multipart byte becomes U+FFFD.
func TestInventoryTextInput(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, d dbtest.DB) {
		cl := flagontest.NewClient(t, testApp(t, d.URL))
		tok := formToken(t, cl, "/products/new")
		tests := []struct {
			name, path string
			body       flagontest.Option
			code       int
			want       string
		}{
			{"form NUL", "/products/new", flagontest.Form(url.Values{"csrf_token": {tok}, "name": {"Ch\x00air"}}), 400, "name&#34; contains a NUL character"},
			{"multipart NUL", "/products/new", multipartForm("csrf_token", tok, "name", "Ch\x00air"), 400, "name&#34; contains a NUL character"},
			{"JSON NUL", "/api/products", flagontest.Raw("application/json", []byte(`{"name": "Ch\u0000air"}`)), 400, `\"name\" contains a NUL character`},
			{"form escaped invalid UTF-8", "/products/new", flagontest.Raw("application/x-www-form-urlencoded", []byte("csrf_token="+url.QueryEscape(tok)+"&name=Caf%E9")), 303, ""},
			{"form raw invalid UTF-8", "/products/new", flagontest.Raw("application/x-www-form-urlencoded", []byte("csrf_token="+url.QueryEscape(tok)+"&name=Caf\xe9")), 400, "not valid UTF-8"},
			{"multipart invalid UTF-8", "/products/new", multipartForm("csrf_token", tok, "name", "Caf\xe9"), 303, ""},
		}
		for _, tt := range tests {
			res := cl.Post(tt.path, tt.body)
			if res.StatusCode != tt.code || !strings.Contains(res.Text(), tt.want) {
				t.Errorf("%s: %d %s", tt.name, res.StatusCode, res.Text())
			}
		}
		names := productNames(t, d.URL)
		if strings.Join(names, "|") != "Caf%E9|Caf\ufffd" {
			t.Errorf("stored names %q", names)
		}
		for _, n := range names {
			if !utf8.ValidString(n) || strings.ContainsRune(n, 0) {
				t.Errorf("stored %q", n)
			}
		}
	})
}

// The example sets MAX_CONTENT_LENGTH (1 MiB): a JSON, urlencoded or
// multipart body past it is a 413, whether its length is declared or it
// is sent chunked.
func TestInventoryBodyLimit(t *testing.T) {
	app := testApp(t, dbtest.SQLite(t).URL)
	if v, _ := app.Config.Get("MAX_CONTENT_LENGTH"); v != maxBodySize {
		t.Fatalf("MAX_CONTENT_LENGTH = %v", v)
	}
	big := strings.Repeat("x", maxBodySize)
	tests := []struct {
		name, path, ctype, body string
	}{
		{"JSON", "/api/products", "application/json", `{"name": "` + big + `"}`},
		{"urlencoded", "/products/new", "application/x-www-form-urlencoded", "name=" + big},
		{"multipart", "/products/new", "multipart/form-data; boundary=B", "--B\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + big + "\r\n--B--\r\n"},
	}
	for _, tt := range tests {
		for _, chunked := range []bool{false, true} {
			req := httptest.NewRequest("POST", tt.path, bytes.NewReader([]byte(tt.body)))
			req.Header.Set("Content-Type", tt.ctype)
			if chunked {
				req.ContentLength = -1
			}
			rec := httptest.NewRecorder()
			app.ServeHTTP(rec, req)
			if rec.Code != http.StatusRequestEntityTooLarge {
				t.Errorf("%s (chunked %v): %d %.200s", tt.name, chunked, rec.Code, rec.Body.String())
			}
		}
	}
}

// FLAGON_MAX_CONTENT_LENGTH replaces the example's limit.
func TestInventoryBodyLimitFromEnv(t *testing.T) {
	t.Setenv("FLAGON_MAX_CONTENT_LENGTH", "100")
	app := testApp(t, dbtest.SQLite(t).URL)
	if v, _ := app.Config.Get("MAX_CONTENT_LENGTH"); v != 100 {
		t.Fatalf("MAX_CONTENT_LENGTH = %v", v)
	}
}

// A JSON 400 of the API names the JSON field and type, not Go's.
func TestInventoryJSONErrorNamesField(t *testing.T) {
	cl := flagontest.NewClient(t, testApp(t, dbtest.SQLite(t).URL))
	res := cl.Post("/api/products", flagontest.Raw("application/json", []byte(`{"name": "Lamp", "price": "12"}`)))
	want := `the field \"price\" must be an integer`
	if res.StatusCode != 400 || !strings.Contains(res.Text(), want) || strings.Contains(res.Text(), "Go struct") {
		t.Errorf("%d %s", res.StatusCode, res.Text())
	}
}
