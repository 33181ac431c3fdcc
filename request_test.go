package flagon_test

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

type item struct {
	Name  string `json:"name"`
	Price int    `json:"price"`
}

func requestApp(config map[string]any) *flagon.App {
	app := flagon.New(flagon.WithConfig(config))
	app.Get("/args", func(c *flagon.Ctx) error {
		a := c.Args()
		return c.Textf("q=%s page=%d tags=%v has=%v", a.Get("q"), a.IntOr("page", 1), a.GetAll("tag"), a.Has("flag"))
	})
	app.Post("/form", func(c *flagon.Ctx) error {
		f, err := c.Form()
		if err != nil {
			return err
		}
		return c.Textf("name=%s colors=%v", f.Get("name"), f.GetAll("color"))
	})
	app.Post("/json", func(c *flagon.Ctx) error {
		it, err := flagon.BindJSON[item](c)
		if err != nil {
			return err
		}
		return c.Status(201).JSON(it)
	})
	app.Post("/upload", func(c *flagon.Ctx) error {
		f, err := c.File("doc")
		if err != nil {
			return err
		}
		r, err := f.Open()
		if err != nil {
			return err
		}
		defer r.Close()
		b, _ := io.ReadAll(r)
		return c.Textf("%s %d %s title=%s", f.Filename, f.Size, b[:5], c.FormValue("title"))
	})
	app.Post("/body", func(c *flagon.Ctx) error {
		b, err := c.Body()
		if err != nil {
			return err
		}
		return c.Textf("%d bytes", len(b))
	})
	app.Get("/cookie", func(c *flagon.Ctx) error {
		v, ok := c.Cookie("flavour")
		return c.Textf("%s %v", v, ok)
	})
	return app
}

func TestRequestInput(t *testing.T) {
	big := bytes.Repeat([]byte("x"), 600*1024)
	tests := []struct {
		name   string
		config map[string]any
		method string
		path   string
		opts   []flagontest.Option
		code   int
		body   string
	}{
		{"args typed getters", nil, "GET", "/args?q=go&page=3&tag=a&tag=b&flag", nil, 200, "q=go page=3 tags=[a b] has=true"},
		{"args bad int falls back", nil, "GET", "/args?page=x", nil, 200, "q= page=1 tags=[] has=false"},
		{"urlencoded form", nil, "POST", "/form", []flagontest.Option{flagontest.Form(url.Values{"name": {"Chair"}, "color": {"red", "blue"}})}, 200, "name=Chair colors=[red blue]"},
		{"malformed escape kept as Werkzeug does", nil, "POST", "/form", []flagontest.Option{flagontest.Raw("application/x-www-form-urlencoded", []byte("name=%zz"))}, 200, "name=%zz colors=[]"},
		{"form over MAX_FORM_MEMORY_SIZE", map[string]any{"MAX_FORM_MEMORY_SIZE": 10}, "POST", "/form", []flagontest.Option{flagontest.Form(url.Values{"name": {strings.Repeat("x", 50)}})}, 413, "MAX_FORM_MEMORY_SIZE"},
		{"body over MAX_CONTENT_LENGTH", map[string]any{"MAX_CONTENT_LENGTH": 100}, "POST", "/body", []flagontest.Option{flagontest.Raw("text/plain", bytes.Repeat([]byte("a"), 200))}, 413, "MAX_CONTENT_LENGTH"},
		{"body within MAX_CONTENT_LENGTH", map[string]any{"MAX_CONTENT_LENGTH": 100}, "POST", "/body", []flagontest.Option{flagontest.Raw("text/plain", []byte("hello"))}, 200, "5 bytes"},
		{"json body", nil, "POST", "/json", []flagontest.Option{flagontest.JSON(item{"Lamp", 12})}, 201, `{"name":"Lamp","price":12}`},
		{"malformed json", nil, "POST", "/json", []flagontest.Option{flagontest.Raw("application/json", []byte(`{"name": `))}, 400, "Failed to decode JSON object"},
		{"json wrong type", nil, "POST", "/json", []flagontest.Option{flagontest.Raw("application/json", []byte(`{"price": "high"}`))}, 400, "Failed to decode JSON object"},
		{"json trailing data", nil, "POST", "/json", []flagontest.Option{flagontest.Raw("application/json", []byte(`{} {}`))}, 400, "unexpected data"},
		{"json without content type", nil, "POST", "/json", []flagontest.Option{flagontest.Raw("text/plain", []byte(`{}`))}, 415, "Content-Type was not"},
		{"json over MAX_CONTENT_LENGTH", map[string]any{"MAX_CONTENT_LENGTH": 10}, "POST", "/json", []flagontest.Option{flagontest.JSON(item{strings.Repeat("n", 40), 1})}, 413, "MAX_CONTENT_LENGTH"},
		{"multipart file and field", nil, "POST", "/upload", []flagontest.Option{flagontest.Files(url.Values{"title": {"T"}}, flagontest.File{Field: "doc", Name: "a.txt", Content: []byte("hello world")})}, 200, "a.txt 11 hello title=T"},
		{"large file spooled to disk", nil, "POST", "/upload", []flagontest.Option{flagontest.Files(nil, flagontest.File{Field: "doc", Name: "big.bin", Content: big})}, 200, fmt.Sprintf("big.bin %d xxxxx", len(big))},
		{"missing file field", nil, "POST", "/upload", []flagontest.Option{flagontest.Files(url.Values{"title": {"T"}})}, 400, "doc&#34; is missing"},
		{"too many parts", map[string]any{"MAX_FORM_PARTS": 2}, "POST", "/upload", []flagontest.Option{flagontest.Files(url.Values{"a": {"1"}, "b": {"2"}, "c": {"3"}})}, 413, "MAX_FORM_PARTS"},
		{"multipart fields over memory limit", map[string]any{"MAX_FORM_MEMORY_SIZE": 8}, "POST", "/upload", []flagontest.Option{flagontest.Files(url.Values{"title": {"0123456789"}})}, 413, "MAX_FORM_MEMORY_SIZE"},
		{"multipart without boundary", nil, "POST", "/upload", []flagontest.Option{flagontest.Raw("multipart/form-data", []byte("x"))}, 400, "boundary"},
		{"truncated multipart", nil, "POST", "/upload", []flagontest.Option{flagontest.Raw("multipart/form-data; boundary=XX", []byte("--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nabc"))}, 400, "malformed"},
		{"cookie", nil, "GET", "/cookie", []flagontest.Option{flagontest.Header("Cookie", "flavour=oat")}, 200, "oat true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := flagontest.NewClient(t, requestApp(tt.config)).Do(tt.method, tt.path, tt.opts...)
			if res.StatusCode != tt.code {
				t.Fatalf("status = %d, want %d; body %q", res.StatusCode, tt.code, res.Text())
			}
			if !strings.Contains(res.Text(), tt.body) {
				t.Errorf("body %q does not contain %q", res.Text(), tt.body)
			}
		})
	}
}
