package flagon_test

import (
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
	"github.com/flagon-go/flagon/routing"
)

// Ports of Flask tests/test_converters.py and tests/test_request.py.
// test_limit_config and test_max_content_length are ported in
// werkzeug_formparser_port_test.go with the form parser's limits.

// listConverter is test_custom_converters' ListConverter.
type listConverter struct{}

func (listConverter) Match(s string) bool        { return s != "" }
func (listConverter) ToGo(s string) (any, error) { return strings.Split(s, ","), nil }
func (listConverter) ToURL(v any) (string, error) {
	items, ok := v.([]int)
	if !ok {
		return "", fmt.Errorf("not a list of ints: %T", v)
	}
	parts := make([]string, len(items))
	for i, x := range items {
		parts[i] = url.PathEscape(fmt.Sprint(x))
	}
	return strings.Join(parts, ","), nil
}

func TestCustomConverters(t *testing.T) {
	app := quietApp()
	app.URLMap().AddConverter("list", func([]any, map[string]any) (routing.Converter, error) { return listConverter{}, nil })
	app.Get("/<list:args>", func(c *flagon.Ctx) error {
		v, err := c.ParamValue("args")
		if err != nil {
			return err
		}
		return c.Text(strings.Join(v.([]string), "|"))
	}, flagon.Endpoint("index"))
	if body := flagontest.NewClient(t, app).Get("/1,2,3").Text(); body != "1|2|3" {
		t.Errorf("body %q", body)
	}
	if u, err := app.URLFor("index", "args", []int{4, 5, 6}); err != nil || u != "/4,5,6" {
		t.Errorf("URLFor = %q, %v", u, err)
	}
}

// test_context_available: a converter runs while the request is handled,
// so its value is what the handler reads.
func TestContextAvailable(t *testing.T) {
	app := quietApp()
	app.Get("/<name>", func(c *flagon.Ctx) error { return c.Text(c.Param("name")) })
	if body := flagontest.NewClient(t, app).Get("/admin").Text(); body != "admin" {
		t.Errorf("body %q", body)
	}
}

func TestMaxContentLength(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"MAX_CONTENT_LENGTH": 50}))
	app.ErrorHandler(413, func(c *flagon.Ctx, err error) error { return c.Text("42") })
	app.Post("/", func(c *flagon.Ctx) error {
		if _, err := c.Form(); err != nil {
			return err
		}
		return c.Text("read")
	})
	res := flagontest.NewClient(t, app).Post("/", flagontest.Form(url.Values{"myfile": {strings.Repeat("foo", 50)}}))
	if res.Text() != "42" {
		t.Errorf("status %d, body %q", res.StatusCode, res.Text())
	}
}

func TestTrustedHostsConfig(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"TRUSTED_HOSTS": []string{"example.test", ".other.test"}}))
	app.Get("/", func(c *flagon.Ctx) error { return nil })
	for host, want := range map[string]int{"example.test": 200, "a.other.test": 200, "bad.test": 400} {
		cl := flagontest.NewClient(t, app)
		cl.BaseURL, _ = url.Parse("http://" + host)
		if code := cl.Get("/").StatusCode; code != want {
			t.Errorf("%s: status %d, want %d", host, code, want)
		}
	}
}
