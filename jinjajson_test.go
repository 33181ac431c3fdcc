package flagon_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/jinja"
)

// tojsonPost is gen.py's Post dataclass as a Go struct.
type tojsonPost struct {
	ID       int    `json:"id"`
	Title    string `json:"title"`
	AuthorID int    `json:"author_id"`
}

// tojsonData reads testdata/jinja_tojson/data.json as gen.py does:
// {"$datetime": ISO} is a time.Time, {"$post": {...}} a tojsonPost.
func tojsonData(t *testing.T) map[string]any {
	raw, err := os.ReadFile(filepath.Join("testdata", "jinja_tojson", "data.json"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := jinja.DecodeJSON(raw)
	if err != nil {
		t.Fatal(err)
	}
	var convert func(v any) any
	convert = func(v any) any {
		switch x := v.(type) {
		case *jinja.Dict:
			if s, ok := x.Get("$datetime"); ok {
				tm, err := time.Parse("2006-01-02T15:04:05", s.(string))
				if err != nil {
					t.Fatal(err)
				}
				return tm
			}
			if p, ok := x.Get("$post"); ok {
				d := p.(*jinja.Dict)
				id, _ := d.Get("id")
				title, _ := d.Get("title")
				author, _ := d.Get("author_id")
				return tojsonPost{ID: id.(int), Title: title.(string), AuthorID: author.(int)}
			}
			out := jinja.NewDict()
			for _, k := range x.Keys() {
				val, _ := x.Get(k)
				out.Set(k, convert(val))
			}
			return out
		case []any:
			out := make([]any, len(x))
			for i, it := range x {
				out[i] = convert(it)
			}
			return out
		}
		return v
	}
	data := map[string]any{}
	top := v.(*jinja.Dict)
	for _, k := range top.Keys() {
		val, _ := top.Get(k)
		data[k.(string)] = convert(val)
	}
	return data
}

// TestJinjaTojsonMatchesFlask renders testdata/jinja_tojson's templates
// through a flagon app and compares them with what Flask rendered
// (gen.py): |tojson goes through the app's JSON provider as Flask's
// app.json.dumps, dates as HTTP dates, structs as Flask's dataclasses.
func TestJinjaTojsonMatchesFlask(t *testing.T) {
	dir := filepath.Join("testdata", "jinja_tojson")
	names, err := os.ReadDir(filepath.Join(dir, "templates"))
	if err != nil {
		t.Fatal(err)
	}
	data := tojsonData(t)
	for _, e := range names {
		name := e.Name()
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(dir, "expected", name+".out"))
			if err != nil {
				t.Fatal(err)
			}
			app := flagon.New(flagon.WithTemplateFS(os.DirFS(filepath.Join(dir, "templates"))))
			if strings.HasSuffix(name, "_utf8.html") {
				app.JSON = flagon.StdJSON{UTF8: true}
			}
			app.UseJinja()
			app.Get("/", func(c *flagon.Ctx) error { return c.Render(name, data) })
			res := flagontest.NewClient(t, app).Get("/")
			if got := res.Text(); got != string(want) {
				t.Fatalf("got  %s\nwant %s", got, want)
			}
		})
	}
}
