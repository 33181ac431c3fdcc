package flagon_test

import (
	"encoding/json"
	"fmt"
	"html/template"
	"reflect"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// Ports of the Flask tests/test_json.py cases not ported elsewhere.
// Dates are RFC 3339 (a documented difference), Decimal and custom
// providers' object hooks have no Go equivalent (use types with
// MarshalJSON/UnmarshalJSON).

func TestJSONBadRequests(t *testing.T) {
	app := quietApp()
	app.Post("/json", func(c *flagon.Ctx) error {
		var v any
		if err := c.BindJSON(&v); err != nil {
			return err
		}
		return c.JSON(map[string]any{"foo": fmt.Sprint(v)})
	})
	res := flagontest.NewClient(t, app).Post("/json", flagontest.Raw("application/json", []byte("malformed")))
	if res.StatusCode != 400 {
		t.Errorf("status %d", res.StatusCode)
	}
}

// jsonRoundTrip serves v with c.JSON and returns the decoded response
// after checking its mimetype.
func jsonRoundTrip(t *testing.T, v any) any {
	t.Helper()
	app := quietApp()
	app.Get("/", func(c *flagon.Ctx) error { return c.JSON(v) })
	res := flagontest.NewClient(t, app).Get("/")
	if ct := res.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	var got any
	if err := json.Unmarshal([]byte(res.Text()), &got); err != nil {
		t.Fatalf("body %q: %v", res.Text(), err)
	}
	return got
}

func TestJSONifyBasicTypes(t *testing.T) {
	for _, v := range []any{0.0, -1.0, 1.0, 23.0, 3.14, "s", "longer string", true, false, nil} {
		if got := jsonRoundTrip(t, v); !reflect.DeepEqual(got, v) {
			t.Errorf("%#v came back as %#v", v, got)
		}
	}
}

func TestJSONifyDictsAndArrays(t *testing.T) {
	d := map[string]any{
		"a": 0.0, "b": 23.0, "c": 3.14, "d": "t", "e": "Hi", "f": true, "g": false,
		"h": []any{"test list", 10.0, false}, "i": map[string]any{"test": "dict"},
	}
	list := []any{0.0, 42.0, 3.14, "t", "hello", true, false, []any{"test list", 2.0, false}, map[string]any{"test": "dict"}}
	for name, v := range map[string]any{"test_jsonify_dicts": d, "test_jsonify_arrays": list} {
		if got := jsonRoundTrip(t, v); !reflect.DeepEqual(got, v) {
			t.Errorf("%s: %#v", name, got)
		}
	}
}

func TestJSONAttr(t *testing.T) {
	app := quietApp()
	app.Post("/add", func(c *flagon.Ctx) error {
		var v struct{ A, B int }
		if err := c.BindJSON(&v); err != nil {
			return err
		}
		return c.Text(fmt.Sprint(v.A + v.B))
	})
	res := flagontest.NewClient(t, app).Post("/add", flagontest.JSON(map[string]int{"a": 1, "b": 2}))
	if res.Text() != "3" {
		t.Errorf("body %q", res.Text())
	}
}

// test_html_method: markup (Flask's __html__) is dumped as its HTML text.
func TestHTMLMethod(t *testing.T) {
	b, err := flagon.StdJSON{}.Marshal(template.HTML("<p>test</p>"))
	var got string
	if err != nil || json.Unmarshal(b, &got) != nil || got != "<p>test</p>" {
		t.Errorf("Marshal = %s, %v", b, err)
	}
}
