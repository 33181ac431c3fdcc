package flagon_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

func echoApp() *flagon.App {
	app := flagon.New()
	app.Route("/echo", func(c *flagon.Ctx) error {
		f, err := c.Form()
		if err != nil {
			return err
		}
		return c.Textf("arg=%q form=%q keys=%q", c.Args().Get("q"), f.Get("f"), strings.Join(keysOf(f), ","))
	}, flagon.Methods("GET", "POST"))
	app.Post("/text", func(c *flagon.Ctx) error {
		f, err := c.Form()
		if err != nil {
			return err
		}
		name, err := f.Text("name")
		if err != nil {
			return err
		}
		return c.Textf("name=%q", name)
	})
	return app
}

func keysOf(v flagon.Values) []string {
	var ks []string
	for k := range v {
		if k != "f" {
			ks = append(ks, k)
		}
	}
	return ks
}

// multipartField is a multipart body with one field f holding value.
func multipartField(value string) flagontest.Option {
	body := "--XX\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n" + value + "\r\n--XX--\r\n"
	return flagontest.Raw("multipart/form-data; boundary=XX", []byte(body))
}

// Invalid UTF-8 as Werkzeug 3.1 handles it: escapes in the query and in
// a urlencoded body stay escaped (errors="werkzeug.url_quote"), multipart
// values get U+FFFD per maximal subpart (errors="replace"). The expected
// values are what Werkzeug 3.1.8 and Python's bytes.decode return.
func TestInvalidUTF8InForms(t *testing.T) {
	tests := []struct {
		name string
		path string
		opt  flagontest.Option
		code int
		want string
	}{
		{"query escape kept", "/echo?q=%FFa", nil, 200, `arg="%FFa"`},
		{"query truncated sequence kept", "/echo?q=%E2%82x", nil, 200, `arg="%E2%82x"`},
		{"query valid escape decoded", "/echo?q=%E2%82%AC", nil, 200, `arg="€"`},
		{"form escape kept", "/echo", flagontest.Raw("application/x-www-form-urlencoded", []byte("f=%FF%E2%82x")), 200, `form="%FF%E2%82x"`},
		{"form key escape kept", "/echo", flagontest.Raw("application/x-www-form-urlencoded", []byte("n%FFk=v")), 200, `keys="n%FFk"`},
		{"form raw invalid bytes", "/echo", flagontest.Raw("application/x-www-form-urlencoded", []byte("f=\xff")), 400, "not valid UTF-8"},
		{"multipart lone byte", "/echo", multipartField("a\xffb"), 200, "form=\"a\ufffdb\""},
		{"multipart truncated sequence", "/echo", multipartField("v\xe2\x82"), 200, "form=\"v\ufffd\""},
		{"multipart surrogate", "/echo", multipartField("\xed\xa0\x80"), 200, "form=\"\ufffd\ufffd\ufffd\""},
		{"multipart overlong", "/echo", multipartField("\xc0\xaf"), 200, "form=\"\ufffd\ufffd\""},
		{"multipart past U+10FFFF", "/echo", multipartField("\xf4\x90\x80\x80"), 200, "form=\"\ufffd\ufffd\ufffd\ufffd\""},
		{"multipart cut before a valid char", "/echo", multipartField("\xf1\x80\x80\xe2\x82\xac"), 200, "form=\"\ufffd€\""},
		{"multipart replacement char kept", "/echo", multipartField("\xef\xbf\xbd"), 200, "form=\"\ufffd\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method, opts := "GET", []flagontest.Option{}
			if tt.opt != nil {
				method, opts = "POST", append(opts, tt.opt)
			}
			res := flagontest.NewClient(t, echoApp()).Do(method, tt.path, opts...)
			if res.StatusCode != tt.code || !strings.Contains(res.Text(), tt.want) {
				t.Errorf("%d %s, want %d %s", res.StatusCode, res.Text(), tt.code, tt.want)
			}
		})
	}
}

func TestValuesTextRefusesNUL(t *testing.T) {
	tests := []struct {
		name, value string
		code        int
		want        string
	}{
		{"plain", "Chair", 200, `name="Chair"`},
		{"nul", "Ch\x00air", 400, `The field &#34;name&#34; contains a NUL character.`},
		{"escaped nul", "", 400, "NUL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := flagontest.Form(url.Values{"name": {tt.value}})
			if tt.name == "escaped nul" {
				opt = flagontest.Raw("application/x-www-form-urlencoded", []byte("name=a%00b"))
			}
			res := flagontest.NewClient(t, echoApp()).Post("/text", opt)
			if res.StatusCode != tt.code || !strings.Contains(res.Text(), tt.want) {
				t.Errorf("%d %s", res.StatusCode, res.Text())
			}
		})
	}
}
