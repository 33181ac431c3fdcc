package flagon

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// decodeAll splits body with mpDecoder, reading through wrap, and
// describes the parts (headers and content) and the error.
func decodeAll(body []byte, boundary string, wrap func(io.Reader) io.Reader) string {
	d := newMPDecoder(wrap(bytes.NewReader(body)), boundary)
	var out strings.Builder
	if err := d.skipPreamble(); err != nil {
		return "error: " + err.Error()
	}
	for n := 0; !d.done; n++ {
		if n > len(body) {
			return "error: more parts than bytes" // cannot happen: each part consumes input
		}
		h, err := d.readHeaders()
		if err != nil {
			return out.String() + "error: " + err.Error()
		}
		var data []byte
		err = d.readData(func(p []byte) error { data = append(data, p...); return nil })
		fmt.Fprintf(&out, "part %v %q\n", h, data)
		if err != nil {
			return out.String() + "error: " + err.Error()
		}
	}
	return out.String()
}

func identity(r io.Reader) io.Reader { return r }

// FuzzMultipartDecoder checks that the decoder never panics nor loops,
// and that how the body arrives (all at once, byte by byte, in halves)
// does not change the parts it finds.
func FuzzMultipartDecoder(f *testing.F) {
	f.Add([]byte("--foo\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--foo--"), "foo")
	f.Add([]byte("--foo\rContent-Disposition: form-data; name=a\r\rx\r--foo\nX: y\n\n\n--foo--"), "foo")
	f.Add([]byte("\r\n\r\n--b \t\r\nA: b\r\n\r\n\r\r\n--b\r\n\r\n\r\n--b--\r\n"), "b")
	f.Add([]byte("--foo\r\n\r\nHello World\r\n--foo"), "foo")
	f.Fuzz(func(t *testing.T, body []byte, boundary string) {
		if boundary == "" || len(boundary) > 70 {
			return
		}
		whole := decodeAll(body, boundary, identity)
		if bytewise := decodeAll(body, boundary, iotest.OneByteReader); bytewise != whole {
			t.Fatalf("byte by byte:\n%s\nwhole:\n%s", bytewise, whole)
		}
		if half := decodeAll(body, boundary, iotest.HalfReader); half != whole {
			t.Fatalf("in halves:\n%s\nwhole:\n%s", half, whole)
		}
	})
}

// FuzzMultipartRoundTrip checks that fields written by Go's
// multipart.Writer come back exactly.
func FuzzMultipartRoundTrip(f *testing.F) {
	f.Add("a", "hello", "b", "\r\n--x\r\n", "x")
	f.Add("", "", "k", "\r", "--")
	f.Fuzz(func(t *testing.T, k1, v1, k2, v2, boundary string) {
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		if w.SetBoundary(boundary) != nil || strings.Contains(k1+v1+"|"+k2+v2, "--"+boundary) {
			return // a content holding the delimiter is ambiguous
		}
		for _, kv := range [][2]string{{k1, v1}, {k2, v2}} {
			pw, err := w.CreatePart(map[string][]string{"X": {"1"}})
			if err != nil {
				return
			}
			pw.Write([]byte(kv[0] + kv[1]))
		}
		w.Close()
		got := decodeAll(buf.Bytes(), boundary, iotest.HalfReader)
		want := fmt.Sprintf("part map[X:[1]] %q\npart map[X:[1]] %q\n", k1+v1, k2+v2)
		if got != want {
			t.Fatalf("boundary %q:\n%s\nwant:\n%s", boundary, got, want)
		}
	})
}

// FuzzParseQuery checks that query and urlencoded parsing never panics
// and always gives valid UTF-8 keys and values.
func FuzzParseQuery(f *testing.F) {
	f.Add("a=1&b=%zz&c=%FF&d=+x;y")
	f.Add("%e2%82&=&&%")
	f.Fuzz(func(t *testing.T, s string) {
		for k, vs := range parseQuery(s) {
			if !utf8.ValidString(k) {
				t.Fatalf("key %q", k)
			}
			for _, v := range vs {
				if !utf8.ValidString(v) {
					t.Fatalf("value %q", v)
				}
			}
		}
	})
}

// FuzzParseOptionsHeader checks that header parameter parsing never
// panics and gives valid UTF-8.
func FuzzParseOptionsHeader(f *testing.F) {
	f.Add(`form-data; name="a\"b"; filename*0*=utf-8''a%20; filename*1="b"`)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		_, params := parseOptionsHeader(s)
		for k, v := range params {
			if !utf8.ValidString(k) || !utf8.ValidString(v) {
				t.Fatalf("%q=%q", k, v)
			}
		}
	})
}
