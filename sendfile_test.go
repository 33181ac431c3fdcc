package flagon_test

import (
	"bytes"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

const sendTxt = "testdata/static/css/app.css"

// sendApp answers /send with handler.
func sendApp(t *testing.T, handler flagon.HandlerFunc, opts ...flagon.Option) *flagontest.Client {
	app := flagon.New(append([]flagon.Option{flagon.WithLogger(quietApp().Logger)}, opts...)...)
	app.Get("/send", handler)
	return flagontest.NewClient(t, app)
}

func dur(d time.Duration) *time.Duration { return &d }

// Werkzeug's test_send_file.py through SendFileWith and SendReader.
func TestSendFileOptions(t *testing.T) {
	lastMod := time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string // the Werkzeug test
		send    flagon.HandlerFunc
		headers map[string]string // "" means absent
		body    string
	}{
		{"test_last_modified", func(c *flagon.Ctx) error {
			return c.SendFileWith(sendTxt, flagon.SendFileOptions{LastModified: lastMod})
		}, map[string]string{"Last-Modified": "Fri, 01 Jan 1999 00:00:00 GMT"}, ""},
		{"test_object", func(c *flagon.Ctx) error {
			return c.SendReader(bytes.NewReader([]byte("test")), flagon.SendFileOptions{Mimetype: "text/plain"})
		}, map[string]string{"Content-Type": "text/plain", "ETag": "", "Content-Disposition": ""}, "test"},
		{"test_object_mimetype_from_name", func(c *flagon.Ctx) error {
			return c.SendReader(bytes.NewReader([]byte("test")), flagon.SendFileOptions{DownloadName: "test.txt"})
		}, map[string]string{"Content-Type": "text/plain; charset=utf-8"}, "test"},
		{"test_disposition_name inline", func(c *flagon.Ctx) error {
			return c.SendFileWith(sendTxt, flagon.SendFileOptions{})
		}, map[string]string{"Content-Disposition": "inline; filename=app.css"}, ""},
		{"test_disposition_name attachment", func(c *flagon.Ctx) error {
			return c.SendFileWith(sendTxt, flagon.SendFileOptions{AsAttachment: true})
		}, map[string]string{"Content-Disposition": "attachment; filename=app.css"}, ""},
		{"test_object_attachment_requires_name", func(c *flagon.Ctx) error {
			return c.SendReader(bytes.NewReader([]byte("test")), flagon.SendFileOptions{AsAttachment: true, DownloadName: "test.txt"})
		}, map[string]string{"Content-Disposition": "attachment; filename=test.txt"}, "test"},
		{"test_max_age 0", func(c *flagon.Ctx) error {
			return c.SendFileWith(sendTxt, flagon.SendFileOptions{MaxAge: dur(0)})
		}, map[string]string{"Cache-Control": "no-cache, max-age=0"}, ""},
		{"test_max_age 60", func(c *flagon.Ctx) error {
			return c.SendFileWith(sendTxt, flagon.SendFileOptions{MaxAge: dur(time.Minute)})
		}, map[string]string{"Cache-Control": "public, max-age=60"}, ""},
		{"test_etag false", func(c *flagon.Ctx) error {
			return c.SendFileWith(sendTxt, flagon.SendFileOptions{NoETag: true})
		}, map[string]string{"ETag": ""}, ""},
		{"test_etag unique", func(c *flagon.Ctx) error {
			return c.SendFileWith(sendTxt, flagon.SendFileOptions{ETag: "unique"})
		}, map[string]string{"ETag": `"unique"`}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := sendApp(t, tt.send).Get("/send")
			if res.StatusCode != 200 {
				t.Fatalf("status %d: %s", res.StatusCode, res.Text())
			}
			for k, want := range tt.headers {
				if got := res.Header.Get(k); got != want {
					t.Errorf("%s = %q, want %q", k, got, want)
				}
			}
			if tt.body != "" && res.Text() != tt.body {
				t.Errorf("body %q", res.Text())
			}
		})
	}
}

// test_non_ascii_name (Werkzeug): non-ASCII download names get an ASCII
// filename and a UTF-8 filename*.
func TestSendFileNonASCIIName(t *testing.T) {
	tests := []struct{ name, ascii, utf8 string }{
		{"index.html", "index.html", ""},
		{"Ñandú／pingüino.txt", `"Nandu/pinguino.txt"`, "%C3%91and%C3%BA%EF%BC%8Fping%C3%BCino.txt"},
		{"Vögel.txt", "Vogel.txt", "V%C3%B6gel.txt"},
		{"те:/ст", `":/"`, "%D1%82%D0%B5%3A%2F%D1%81%D1%82"},
		{"(тест.txt", `"(.txt"`, "%28%D1%82%D0%B5%D1%81%D1%82.txt"},
		{"(test.txt", `"(test.txt"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cl := sendApp(t, func(c *flagon.Ctx) error {
				return c.SendFileWith(sendTxt, flagon.SendFileOptions{AsAttachment: true, DownloadName: tt.name})
			})
			cd := cl.Get("/send").Header.Get("Content-Disposition")
			if !strings.Contains(cd, "filename="+tt.ascii) {
				t.Errorf("%q lacks filename=%s", cd, tt.ascii)
			}
			if hasUTF8 := strings.Contains(cd, "filename*=UTF-8''"); hasUTF8 != (tt.utf8 != "") ||
				tt.utf8 != "" && !strings.Contains(cd, "filename*=UTF-8''"+tt.utf8) {
				t.Errorf("%q, want filename* %q", cd, tt.utf8)
			}
		})
	}
}

// test_no_cache_conditional_default (Werkzeug): a conditional request for
// an unchanged file is a 304 with no-cache; NoConditional sends it all.
func TestSendFileConditional(t *testing.T) {
	for _, noCond := range []bool{false, true} {
		cl := sendApp(t, func(c *flagon.Ctx) error {
			return c.SendFileWith(sendTxt, flagon.SendFileOptions{
				LastModified: time.Date(2020, 7, 11, 0, 0, 0, 0, time.UTC), NoConditional: noCond})
		})
		res := cl.Get("/send", flagontest.Header("If-Modified-Since", "Sun, 12 Jul 2020 00:00:00 GMT"))
		want := http.StatusNotModified
		if noCond {
			want = http.StatusOK
		}
		if res.StatusCode != want || !strings.Contains(res.Header.Get("Cache-Control"), "no-cache") {
			t.Errorf("NoConditional=%v: %d %q", noCond, res.StatusCode, res.Header.Get("Cache-Control"))
		}
	}
}

// test_object_without_mimetype and test_object_attachment_requires_name
// (Werkzeug): a reader needs a name or a type.
func TestSendReaderNeedsName(t *testing.T) {
	for name, o := range map[string]flagon.SendFileOptions{
		"no mimetype":             {},
		"attachment without name": {Mimetype: "text/plain", AsAttachment: true},
	} {
		var got error
		cl := sendApp(t, func(c *flagon.Ctx) error {
			got = c.SendReader(bytes.NewReader([]byte("x")), o)
			return got
		})
		cl.Get("/send")
		if !errors.Is(got, flagon.ErrSendFileName) {
			t.Errorf("%s: %v", name, got)
		}
	}
}

// test_static_file (Flask): App.SendFileMaxAge overrides the config, as a
// get_send_file_max_age override does.
func TestSendFileMaxAgeOverride(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"SEND_FILE_MAX_AGE_DEFAULT": 3600}))
	app.Get("/send", func(c *flagon.Ctx) error { return c.SendFileWith(sendTxt, flagon.SendFileOptions{}) })
	cl := flagontest.NewClient(t, app)
	if got := cl.Get("/send").Header.Get("Cache-Control"); got != "public, max-age=3600" {
		t.Fatalf("config: %q", got)
	}
	app2 := flagon.New()
	app2.SendFileMaxAge = func(string) (time.Duration, bool) { return 10 * time.Second, true }
	app2.Get("/send", func(c *flagon.Ctx) error { return c.SendFileWith(sendTxt, flagon.SendFileOptions{}) })
	if got := flagontest.NewClient(t, app2).Get("/send").Header.Get("Cache-Control"); got != "public, max-age=10" {
		t.Fatalf("override: %q", got)
	}
}
