package flagon_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/flagontest"
)

// formDumpApp answers POST/PUT/GET / with the parsed form and files,
// one line per value, sorted by key: `form name="value"` and
// `file name="filename" "content type" "content"`. The query arguments
// mcl, mfms and mfp set the request's MaxContentLength,
// MaxFormMemorySize and MaxFormParts (Werkzeug's req.max_* setters); a
// parse error is returned, so the client sees its status and description.
func formDumpApp(config map[string]any) *flagon.App {
	app := flagon.New(flagon.WithConfig(config))
	h := func(c *flagon.Ctx) error {
		setLimits(c)
		form, err := c.Form()
		if err != nil {
			return err
		}
		files, err := c.Files()
		if err != nil {
			return err
		}
		return c.Text(dumpFormFiles(form, files))
	}
	app.Route("/", h, flagon.Methods("GET", "POST", "PUT"))
	return app
}

func setLimits(c *flagon.Ctx) {
	a := c.Args()
	if a.Has("mcl") {
		c.SetMaxContentLength(int64(a.IntOr("mcl", 0)))
	}
	if a.Has("mfms") {
		c.SetMaxFormMemorySize(int64(a.IntOr("mfms", 0)))
	}
	if a.Has("mfp") {
		c.SetMaxFormParts(int64(a.IntOr("mfp", 0)))
	}
}

func dumpFormFiles(form flagon.Values, files map[string][]*flagon.FileStorage) string {
	var lines []string
	for _, k := range sortedKeys(form) {
		for _, v := range form[k] {
			lines = append(lines, fmt.Sprintf("form %q=%q", k, v))
		}
	}
	for _, k := range sortedKeys(files) {
		for _, f := range files[k] {
			r, err := f.Open()
			if err != nil {
				return err.Error()
			}
			b, _ := io.ReadAll(r)
			r.Close()
			lines = append(lines, fmt.Sprintf("file %q=%q %q %q", k, f.Filename, f.ContentType, b))
		}
	}
	return strings.Join(lines, "\n")
}

// sortedKeys returns m's keys sorted; the values of a key keep their
// order in the dump.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// formCase is one request to formDumpApp and what it must answer.
type formCase struct {
	name   string
	query  string // limits: mcl=, mfms=, mfp=
	ctype  string
	body   string
	status int    // 0: 200
	want   string // the dump, or a substring of the error page
	// difference names the deliberate difference from Werkzeug the
	// case shows (docs/web.md); the case is checked, then skipped.
	difference string
}

func runFormCases(t *testing.T, app *flagon.App, tests []formCase) {
	t.Helper()
	cl := flagontest.NewClient(t, app)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := "/"
			if tt.query != "" {
				path += "?" + tt.query
			}
			res := cl.Post(path, flagontest.Raw(tt.ctype, []byte(tt.body)))
			status := tt.status
			if status == 0 {
				status = 200
			}
			got := res.Text()
			ok := res.StatusCode == status && (status == 200 && got == tt.want || status != 200 && strings.Contains(got, tt.want))
			if !ok {
				t.Errorf("got %d %q\nwant %d %q", res.StatusCode, got, status, tt.want)
			}
			if tt.difference != "" {
				t.Skip("difference: " + tt.difference)
			}
		})
	}
}

const mpFoo = "multipart/form-data; boundary=foo"

// The form-field disposition of Werkzeug's test data is accepted as
// form-data is.
const limitingMultipart = "--foo\r\nContent-Disposition: form-field; name=foo\r\n\r\n" +
	"Hello World\r\n" +
	"--foo\r\nContent-Disposition: form-field; name=bar\r\n\r\n" +
	"bar=baz\r\n--foo--"

// Cases ported from Werkzeug's tests/test_formparser.py (TestFormParser,
// TestMultiPart, TestMultiPartParser and the module's tests), through
// c.Form and c.Files.
func TestWerkzeugFormParser(t *testing.T) {
	const urlenc = "application/x-www-form-urlencoded"
	const limitURL = "foo=Hello+World&bar=baz"
	trailingCR := func(k int) string {
		return strings.Repeat("\x00", 65535) + strings.Repeat("\r", k)
	}
	fileBody := func(content string) string {
		return "--foo\r\nContent-Disposition: form-data; name=\"foo\"; filename=\"test.txt\"\r\n" +
			"Content-Type: text/plain\r\n\r\n" + content + "\r\n--foo--\r\n"
	}
	lines := func(sep string) string {
		return strings.Join([]string{"--foo", "Content-Disposition: form-data; name=foo", "",
			"this is just bar", "--foo", "Content-Disposition: form-data; name=bar", "", "blafasel", "--foo--"}, sep)
	}
	tests := []formCase{
		{name: "test_limiting urlencoded max_content_length=400", query: "mcl=400", ctype: urlenc, body: limitURL,
			want: `form "bar"="baz"` + "\n" + `form "foo"="Hello World"`},
		{name: "test_limiting urlencoded max_form_memory_size=7", query: "mfms=7", ctype: urlenc, body: limitURL,
			status: 413, want: "MAX_FORM_MEMORY_SIZE (7 bytes)"},
		{name: "test_limiting urlencoded max_form_memory_size=400", query: "mfms=400", ctype: urlenc, body: limitURL,
			want: `form "bar"="baz"` + "\n" + `form "foo"="Hello World"`},
		{name: "test_limiting urlencoded max_content_length=4", query: "mcl=4", ctype: urlenc, body: "foo=123456",
			status: 413, want: "MAX_CONTENT_LENGTH (4 bytes)"},
		{name: "test_limiting multipart max_content_length=400", query: "mcl=400", ctype: mpFoo, body: limitingMultipart,
			want: `form "bar"="bar=baz"` + "\n" + `form "foo"="Hello World"`},
		{name: "test_limiting multipart max_form_memory_size=7", query: "mfms=7", ctype: mpFoo, body: limitingMultipart,
			status: 413, want: "MAX_FORM_MEMORY_SIZE (7 bytes)"},
		{name: "test_limiting multipart max_form_memory_size=400", query: "mfms=400", ctype: mpFoo, body: limitingMultipart,
			want: `form "bar"="bar=baz"` + "\n" + `form "foo"="Hello World"`},
		{name: "test_limiting multipart max_form_parts=1", query: "mfp=1", ctype: mpFoo, body: limitingMultipart,
			status: 413, want: "MAX_FORM_PARTS (1)"},
		{name: "test_urlencoded_no_max", query: "mfp=1", ctype: urlenc, body: "a=1&b=2",
			want: `form "a"="1"` + "\n" + `form "b"="2"`},
		{name: "test_urlencoded_silent_decode", ctype: urlenc, body: "\x80",
			status: 400, want: "not valid UTF-8",
			difference: "raw invalid UTF-8 in a urlencoded body is a 400, not an empty form"},
		{name: "test_missing_multipart_boundary", ctype: "multipart/form-data", body: limitingMultipart,
			status: 400, want: "no boundary",
			difference: "a multipart body without boundary is a 400, not an empty form"},
		{name: "test_parse_form_post_data_trailing_CR k=1", ctype: mpFoo, body: fileBody(trailingCR(1)),
			want: fmt.Sprintf(`file "foo"="test.txt" "text/plain" %q`, trailingCR(1))},
		{name: "test_parse_form_post_data_trailing_CR k=2", ctype: mpFoo, body: fileBody(trailingCR(2)),
			want: fmt.Sprintf(`file "foo"="test.txt" "text/plain" %q`, trailingCR(2))},
		{name: "test_parse_bad_content_type", ctype: "bad-mime-type", body: "a=1", want: ""},
		{name: "test_form_parsing_failed bad boundary", ctype: mpFoo, body: "--blah\r\n",
			status: 400, want: "boundary does not occur",
			difference: "a body without its boundary is a 400, not an empty form"},
		{name: "test_form_parsing_failed bad Content-Type", ctype: ", ", body: "test", want: ""},
		{name: "test_premature_end_of_file", ctype: mpFoo,
			body: "--foo\r\nContent-Disposition: form-data; name=\"test\"; filename=\"test.txt\"\r\n" +
				"Content-Type: text/plain\r\n\r\nfile contents and no end",
			status: 400, want: "ended before the closing boundary",
			difference: "a truncated multipart body is a 400, not an empty form"},
		{name: "test_file_no_content_type", ctype: mpFoo,
			body: "--foo\r\nContent-Disposition: form-data; name=\"test\"; filename=\"test.txt\"\r\n\r\nfile contents\r\n--foo--",
			want: `file "test"="test.txt" "" "file contents"`},
		{name: "test_extra_newline", ctype: mpFoo,
			body: "\r\n\r\n--foo\r\nContent-Disposition: form-data; name=\"foo\"\r\n\r\na string\r\n--foo--",
			want: `form "foo"="a string"`},
		{name: "test_nonstandard_line_endings LF", ctype: mpFoo, body: lines("\n"),
			want: `form "bar"="blafasel"` + "\n" + `form "foo"="this is just bar"`},
		{name: "test_nonstandard_line_endings CR", ctype: mpFoo, body: lines("\r"),
			want: `form "bar"="blafasel"` + "\n" + `form "foo"="this is just bar"`},
		{name: "test_nonstandard_line_endings CRLF", ctype: mpFoo, body: lines("\r\n"),
			want: `form "bar"="blafasel"` + "\n" + `form "foo"="this is just bar"`},
		{name: "test_failures no Content-Disposition", ctype: mpFoo, body: "--foo\r\n\r\nHello World\r\n--foo--",
			status: 400, want: "no Content-Disposition header",
			difference: "Werkzeug's ValueError (an empty form for request.form) is a 400"},
		{name: "test_failures no closing boundary", ctype: mpFoo,
			body:   "--foo\r\nContent-Disposition: form-field; name=foo\r\n\r\nHello World\r\n",
			status: 400, want: "ended before the closing boundary",
			difference: "Werkzeug's ValueError (an empty form for request.form) is a 400"},
		{name: "test_empty_multipart", ctype: "multipart/form-data; boundary=boundary", body: "--boundary--", want: ""},
		{name: "test_file_rfc2231_filename_continuations", ctype: mpFoo,
			body: "--foo\r\nContent-Type: text/plain; charset=utf-8\r\n" +
				"Content-Disposition: form-data; name=rfc2231;\r\n" +
				"\tfilename*0*=ascii''a%20b%20;\r\n\tfilename*1*=c%20d%20;\r\n\tfilename*2=\"e f.txt\"\r\n\r\n" +
				"file contents\r\n--foo--",
			want: `file "rfc2231"="a b c d e f.txt" "text/plain; charset=utf-8" "file contents"`},
		{name: "test_multipart_max_form_memory_size", query: "mfms=10", ctype: "multipart/form-data; boundary=bound",
			body:   "--bound\r\nContent-Disposition: form-field; name=a\r\n\r\n" + strings.Repeat("a", 15) + "\r\n--bound--",
			status: 413, want: "MAX_FORM_MEMORY_SIZE (10 bytes)"},
	}
	runFormCases(t, formDumpApp(nil), tests)
}

// urlencoded bodies as Werkzeug 3.1 parses them (parse_qsl with
// keep_blank_values and the url_quote error handler), checked against
// the original: duplicate keys keep their order, escapes of invalid
// UTF-8 stay escaped (in upper case), a charset parameter is ignored,
// and the media type is matched in any case but not misspelt.
func TestWerkzeugURLEncodedForm(t *testing.T) {
	const urlenc = "application/x-www-form-urlencoded"
	tests := []formCase{
		{name: "duplicate keys in order", ctype: urlenc, body: "a=3&a=1&b=x&a=2",
			want: `form "a"="3"` + "\n" + `form "a"="1"` + "\n" + `form "a"="2"` + "\n" + `form "b"="x"`},
		{name: "duplicate multipart fields in order", ctype: mpFoo,
			body: "--foo\r\nContent-Disposition: form-data; name=a\r\n\r\n3\r\n--foo\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--foo--",
			want: `form "a"="3"` + "\n" + `form "a"="1"`},
		{name: "charset errors stay escaped", ctype: urlenc, body: "a=%e9&b=%C3%A9&c=%e2%82%ac%ff",
			want: `form "a"="%E9"` + "\n" + `form "b"="é"` + "\n" + `form "c"="€%FF"`},
		{name: "charset parameter ignored", ctype: urlenc + "; charset=ISO-8859-1", body: "a=%E9",
			want: `form "a"="%E9"`},
		{name: "media type in any case", ctype: "Application/X-WWW-Form-Urlencoded", body: "a=b;c=d&e",
			want: `form "a"="b;c=d"` + "\n" + `form "e"=""`},
		{name: "x-url-encoded is not a form", ctype: "application/x-url-encoded", body: "a=1", want: ""},
	}
	runFormCases(t, formDumpApp(nil), tests)
}

// test_parse_form_data_put_without_content and
// test_parse_form_data_get_without_content: no body and no Content-Type
// give an empty form and files, and the body reads empty.
func TestWerkzeugFormParserWithoutContent(t *testing.T) {
	app := formDumpApp(nil)
	app.Route("/body", func(c *flagon.Ctx) error {
		form, err := c.Form()
		if err != nil {
			return err
		}
		files, _ := c.Files()
		b, err := c.Body()
		return c.Textf("%d %d %q %v", len(form), len(files), b, err)
	}, flagon.Methods("GET", "PUT"))
	cl := flagontest.NewClient(t, app)
	for _, method := range []string{"PUT", "GET"} {
		t.Run(method, func(t *testing.T) {
			res := cl.Do(method, "/body")
			// The form was parsed first without reading anything: the
			// body is still there to read, and empty.
			if want := `0 0 "" <nil>`; res.StatusCode != 200 || res.Text() != want {
				t.Errorf("got %d %q, want %q", res.StatusCode, res.Text(), want)
			}
		})
	}
}

// test_chunk_split_on_line_break_before_epilogue: a field whose line
// breaks and closing boundary fall on the 64 KiB read boundaries.
func TestWerkzeugChunkSplitOnLineBreakBeforeEpilogue(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("--thirteenbytes\r\n")
	b.WriteString("Content-Disposition: form-data; name=tx3065\r\n\r\n")
	b.WriteString(strings.Join(append(repeatStr(strings.Repeat("\r", 31), 2045), strings.Repeat("y", 31)), "\n"))
	b.WriteString("\r\n")
	b.WriteString(strings.Join(append(repeatStr(strings.Repeat("\r", 31), 2047), strings.Repeat("x", 30)), "\n"))
	b.WriteString("\r\n--thirteenbytes--")
	app := flagon.New()
	app.Post("/", func(c *flagon.Ctx) error {
		v := c.FormValue("tx3065")
		return c.Textf("%d %q %q", len(v), v[len(v)-1:], v[65470:65473])
	})
	res := flagontest.NewClient(t, app).Post("/", flagontest.Raw("multipart/form-data; boundary=thirteenbytes", b.Bytes()))
	if want := fmt.Sprintf("%d %q %q", 131072-64-1, "x", "y\r\n"); res.Text() != want {
		t.Errorf("got %d %q, want %q", res.StatusCode, res.Text(), want)
	}
}

func repeatStr(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// test_headers: a file part's headers, custom ones included, are kept;
// Content-Type is the full header value.
func TestWerkzeugMultipartHeaders(t *testing.T) {
	body := "--foo\r\n" +
		"Content-Disposition: form-data; name=\"foo\"; filename=\"foo.txt\"\r\n" +
		"X-Custom-Header: blah\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n\r\n" +
		"file contents, just the contents\r\n" +
		"--foo--"
	app := flagon.New()
	app.Post("/", func(c *flagon.Ctx) error {
		f, err := c.File("foo")
		if err != nil {
			return err
		}
		return c.Textf("%s|%s|%s", f.ContentType, f.Header.Get("Content-Type"), f.Header.Get("X-Custom-Header"))
	})
	res := flagontest.NewClient(t, app).Post("/", flagontest.Raw(mpFoo, []byte(body)))
	if want := "text/plain; charset=utf-8|text/plain; charset=utf-8|blah"; res.Text() != want {
		t.Errorf("got %d %q, want %q", res.StatusCode, res.Text(), want)
	}
}

// test_basic and test_ie7_unc_path: bodies recorded from browsers
// (Werkzeug's tests/multipart, in testdata/werkzeug_multipart), with a
// quoted boundary parameter.
func TestWerkzeugMultipartBasic(t *testing.T) {
	type upload struct{ filename, field, contentType, fsname string }
	repository := []struct {
		name, boundary string
		files          []upload
		text           string
	}{
		{"firefox3-2png1txt", "---------------------------186454651713519341951581030105",
			[]upload{{"anchor.png", "file1", "image/png", "file1.png"}, {"application_edit.png", "file2", "image/png", "file2.png"}},
			"example text"},
		{"firefox3-2pnglongtext", "---------------------------14904044739787191031754711748",
			[]upload{{"accept.png", "file1", "image/png", "file1.png"}, {"add.png", "file2", "image/png", "file2.png"}},
			"--long text\r\n--with boundary\r\n--lookalikes--"},
		{"opera8-2png1txt", "----------zEO9jQKmLc2Cq88c23Dx19",
			[]upload{{"arrow_branch.png", "file1", "image/png", "file1.png"}, {"award_star_bronze_1.png", "file2", "image/png", "file2.png"}},
			"blafasel öäü"},
		{"webkit3-2png1txt", "----WebKitFormBoundaryjdSFhcARk8fyGNy6",
			[]upload{{"gtk-apply.png", "file1", "image/png", "file1.png"}, {"gtk-no.png", "file2", "image/png", "file2.png"}},
			"this is another text with ümläüts"},
		{"ie6-2png1txt", "---------------------------7d91b03a20128",
			[]upload{{"file1.png", "file1", "image/x-png", "file1.png"}, {"file2.png", "file2", "image/x-png", "file2.png"}},
			"ie6 sucks :-/"},
	}
	app := flagon.New()
	app.Post("/", func(c *flagon.Ctx) error {
		obj := c.Args().Get("object")
		if obj == "text" {
			return c.Text(strconv.Quote(c.FormValue("text")))
		}
		f, err := c.File(obj)
		if err != nil {
			return err
		}
		r, err := f.Open()
		if err != nil {
			return err
		}
		defer r.Close()
		b, _ := io.ReadAll(r)
		return c.Textf("%q\n%q\n%s", f.Filename, f.ContentType, b)
	})
	cl := flagontest.NewClient(t, app)
	dir := filepath.Join("testdata", "werkzeug_multipart")
	for _, tt := range repository {
		data := readTestdata(t, dir, tt.name, "request.http")
		ctype := fmt.Sprintf("multipart/form-data; boundary=%q", tt.boundary)
		for _, f := range tt.files {
			t.Run("test_basic "+tt.name+" "+f.field, func(t *testing.T) {
				want := fmt.Sprintf("%q\n%q\n%s", f.filename, f.contentType, readTestdata(t, dir, tt.name, f.fsname))
				if res := cl.Post("/?object="+f.field, flagontest.Raw(ctype, data)); res.Text() != want {
					t.Errorf("got %d %.200q", res.StatusCode, res.Text())
				}
			})
		}
		t.Run("test_basic "+tt.name+" text", func(t *testing.T) {
			if res := cl.Post("/?object=text", flagontest.Raw(ctype, data)); res.Text() != strconv.Quote(tt.text) {
				t.Errorf("got %d %q, want %q", res.StatusCode, res.Text(), strconv.Quote(tt.text))
			}
		})
	}
	t.Run("test_ie7_unc_path", func(t *testing.T) {
		data := readTestdata(t, dir, "ie7_full_path_request.http")
		ctype := `multipart/form-data; boundary="---------------------------7da36d1b4a0164"`
		res := cl.Post("/?object=cb_file_upload_multiple", flagontest.Raw(ctype, data))
		if first, _, _ := strings.Cut(res.Text(), "\n"); first != `"Sellersburg Town Council Meeting 02-22-2010doc.doc"` {
			t.Errorf("got %d %q", res.StatusCode, first)
		}
	})
}

func readTestdata(t *testing.T, elem ...string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(elem...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Multipart edge cases the brief lists beyond test_formparser.py, each
// checked against Werkzeug 3.1: file names (quoted, non-ASCII, RFC 2231
// charset, path), field charsets, and boundaries.
func TestWerkzeugMultipartEdgeCases(t *testing.T) {
	part := func(cd, extra, content string) string {
		return "--foo\r\nContent-Disposition: " + cd + "\r\n" + extra + "\r\n" + content + "\r\n--foo--"
	}
	tests := []formCase{
		{name: "raw UTF-8 filename", ctype: mpFoo, body: part(`form-data; name="f"; filename="föö.txt"`, "", "x"),
			want: `file "f"="föö.txt" "" "x"`},
		{name: "RFC 2231 UTF-8 filename", ctype: mpFoo, body: part(`form-data; name="f"; filename*=UTF-8''f%C3%B6.txt`, "", "x"),
			want: `file "f"="fö.txt" "" "x"`},
		{name: "escaped quotes in filename", ctype: mpFoo, body: part(`form-data; name="f"; filename="a\"b%22c.txt"`, "", "x"),
			want: `file "f"="a\"b\"c.txt" "" "x"`},
		{name: "path in filename", ctype: mpFoo, body: part(`form-data; name="f"; filename="../../etc/passwd"`, "", "x"),
			want:       `file "f"="passwd" "" "x"`,
			difference: "upload file names are reduced to their last path element"},
		{name: "Windows path in filename", ctype: mpFoo, body: part(`form-data; name="f"; filename="C:\\x\\y.doc"`, "", "x"),
			want:       `file "f"="y.doc" "" "x"`,
			difference: "upload file names are reduced to their last path element"},
		{name: "last of duplicated parameters", ctype: mpFoo, body: part(`form-data; name=a; name=b`, "", "x"),
			want: `form "b"="x"`},
		{name: "ISO-8859-1 field", ctype: mpFoo, body: part(`form-data; name=a`, "Content-Type: text/plain; charset=iso-8859-1\r\n", "\xe9"),
			want: `form "a"="é"`},
		{name: "invalid UTF-8 field replaced", ctype: mpFoo, body: part(`form-data; name=a`, "", "\xff"),
			want: "form \"a\"=\"\uFFFD\""},
		{name: "quoted-printable not decoded", ctype: mpFoo, body: part(`form-data; name=a`, "Content-Transfer-Encoding: quoted-printable\r\n", "a=3Db"),
			want: `form "a"="a=3Db"`},
		{name: "media type and parameter names in any case", ctype: "Multipart/Form-Data; Boundary=foo", body: part(`form-data; name=a`, "", "x"),
			want: `form "a"="x"`},
		{name: "repeated boundary parameter and trailing semicolon", ctype: "multipart/form-data; boundary=foo; boundary=foo;", body: part(`form-data; name=a`, "", "x"),
			want: `form "a"="x"`},
		{name: "header line without colon", ctype: mpFoo, body: part(`form-data; name=a`, "badheader\r\n", "x"),
			want: `form "a"="x"`},
		{name: "epilogue ignored", ctype: mpFoo, body: part(`form-data; name=a`, "", "x") + "\r\nepilogue",
			want: `form "a"="x"`},
		{name: "boundary with trailing whitespace", ctype: mpFoo,
			body: "--foo \t\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--foo\t\r\nContent-Disposition: form-data; name=b\r\n\r\ny\r\n--foo--",
			want: `form "a"="x"` + "\n" + `form "b"="y"`},
		{name: "boundary lookalike in content", ctype: mpFoo, body: part(`form-data; name=a`, "", "x\r\n--foox\r\n--fo"),
			want: `form "a"="x\r\n--foox\r\n--fo"`},
		{name: "empty field", ctype: mpFoo, body: part(`form-data; name=a`, "", ""),
			want: `form "a"=""`},
		{name: "bad boundary", ctype: "multipart/form-data; boundary=bar", body: part(`form-data; name=a`, "", "x"),
			status: 400, want: "boundary does not occur",
			difference: "a body without its boundary is a 400, not an empty form"},
		{name: "bad newline: text before the first boundary line is preamble", ctype: mpFoo,
			body: "--fooContent-Disposition: form-data; name=a\r\n\r\nx\r\n--foo--", want: ""},
		{name: "unterminated closing boundary", ctype: mpFoo,
			body:   "--foo\r\nContent-Disposition: form-data; name=a\r\n\r\nx\r\n--foo",
			status: 400, want: "ended before the closing boundary",
			difference: "Werkzeug's ValueError (an empty form for request.form) is a 400"},
		{name: "headers without end", ctype: mpFoo,
			body:   "--foo\r\nContent-Disposition: form-data; name=a\r\n",
			status: 400, want: "ended before the closing boundary",
			difference: "Werkzeug's ValueError (an empty form for request.form) is a 400"},
	}
	runFormCases(t, formDumpApp(nil), tests)
}

// MAX_CONTENT_LENGTH, MAX_FORM_MEMORY_SIZE and MAX_FORM_PARTS from the
// config, as Flask 3.1 maps them onto the request, and the request's
// setters overriding them (a value <= 0 lifts the limit).
func TestFlaskFormLimitsConfig(t *testing.T) {
	two := "--foo\r\nContent-Disposition: form-data; name=a\r\n\r\nxxxx\r\n" +
		"--foo\r\nContent-Disposition: form-data; name=b\r\n\r\nyyyy\r\n--foo--"
	cfg := map[string]any{"MAX_CONTENT_LENGTH": 500, "MAX_FORM_MEMORY_SIZE": 6, "MAX_FORM_PARTS": 1}
	tests := []formCase{
		{name: "MAX_FORM_PARTS", ctype: mpFoo, body: two, status: 413, want: "MAX_FORM_PARTS (1)"},
		{name: "MAX_FORM_MEMORY_SIZE", query: "mfp=0", ctype: mpFoo, body: two, status: 413, want: "MAX_FORM_MEMORY_SIZE (6 bytes)"},
		{name: "MAX_FORM_MEMORY_SIZE urlencoded", ctype: "application/x-www-form-urlencoded", body: "a=123456",
			status: 413, want: "MAX_FORM_MEMORY_SIZE (6 bytes)"},
		{name: "overrides lift the limits", query: "mfp=2&mfms=0", ctype: mpFoo, body: two,
			want: `form "a"="xxxx"` + "\n" + `form "b"="yyyy"`},
		{name: "MAX_CONTENT_LENGTH", query: "mfp=0&mfms=0", ctype: mpFoo, body: two + strings.Repeat(" ", 500),
			status: 413, want: "MAX_CONTENT_LENGTH (500 bytes)"},
		{name: "max_content_length override", query: "mfp=0&mfms=0&mcl=10", ctype: mpFoo, body: two,
			status: 413, want: "MAX_CONTENT_LENGTH (10 bytes)"},
		{name: "file parts do not count against MAX_FORM_MEMORY_SIZE", ctype: mpFoo,
			body: "--foo\r\nContent-Disposition: form-data; name=f; filename=a.txt\r\n\r\n" + strings.Repeat("z", 100) + "\r\n--foo--",
			want: `file "f"="a.txt" "" "` + strings.Repeat("z", 100) + `"`},
	}
	runFormCases(t, formDumpApp(cfg), tests)
}

// A body sent without Content-Length (chunked) is held to the limits
// while it is read.
func TestFormLimitsChunked(t *testing.T) {
	app := formDumpApp(map[string]any{"MAX_CONTENT_LENGTH": 100})
	for _, ctype := range []string{"application/x-www-form-urlencoded", mpFoo} {
		req, _ := http.NewRequest("POST", "/", strings.NewReader(strings.Repeat("a", 1000)))
		req.ContentLength = -1
		req.Header.Set("Content-Type", ctype)
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, req)
		if rec.Code != 413 {
			t.Errorf("%s: got %d %q, want 413", ctype, rec.Code, rec.Body.String())
		}
	}
}

// Flask's tests/test_request.py test_limit_config: the request's limits
// are the config's (Werkzeug's defaults when not configured) until the
// view sets its own.
func TestFlaskLimitConfig(t *testing.T) {
	limits := func(c *flagon.Ctx) string {
		return fmt.Sprintf("%d %d %d", c.MaxContentLength(), c.MaxFormMemorySize(), c.MaxFormParts())
	}
	view := func(c *flagon.Ctx) error {
		before := limits(c)
		c.SetMaxContentLength(90)
		c.SetMaxFormMemorySize(30)
		c.SetMaxFormParts(4)
		return c.Text(before + " | " + limits(c))
	}
	tests := []struct {
		name   string
		config map[string]any
		want   string
	}{
		{"defaults", nil, "0 500000 1000 | 90 30 4"},
		{"config", map[string]any{"MAX_CONTENT_LENGTH": 100, "MAX_FORM_MEMORY_SIZE": 50, "MAX_FORM_PARTS": 3}, "100 50 3 | 90 30 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := flagon.New(flagon.WithConfig(tt.config))
			app.Get("/", view)
			if got := flagontest.NewClient(t, app).Get("/").Text(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Flask's test_max_content_length: a form over MAX_CONTENT_LENGTH is a
// 413 the app's 413 handler answers.
func TestFlaskMaxContentLength(t *testing.T) {
	app := flagon.New(flagon.WithConfig(map[string]any{"MAX_CONTENT_LENGTH": 50}))
	app.Post("/", func(c *flagon.Ctx) error {
		_, err := c.Form()
		return err
	})
	app.ErrorHandler(413, func(c *flagon.Ctx, err error) error { return c.Text("42") })
	res := flagontest.NewClient(t, app).Post("/", flagontest.Form(map[string][]string{"myfile": {strings.Repeat("foo", 50)}}))
	if res.Text() != "42" {
		t.Errorf("got %d %q", res.StatusCode, res.Text())
	}
}

// An upload larger than the in-memory limit (500 kB) is spooled to a
// temporary file with its content intact, whatever the read sizes.
func TestMultipartSpooledUploadIntact(t *testing.T) {
	content := make([]byte, 700_000)
	for i := range content {
		content[i] = "ab\r\n-"[i*7%5]
	}
	app := flagon.New()
	app.Post("/", func(c *flagon.Ctx) error {
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
		return c.Textf("%d %d %v", f.Size, len(b), bytes.Equal(b, content))
	})
	res := flagontest.NewClient(t, app).Post("/", flagontest.Files(nil, flagontest.File{Field: "doc", Name: "big.bin", Content: content}))
	if want := "700000 700000 true"; res.Text() != want {
		t.Errorf("got %d %q, want %q", res.StatusCode, res.Text(), want)
	}
}

// Werkzeug's tests/test_wrappers.py test_get_data_method_parsing_caching_behavior
// and test_data_descriptor_triggers_parsing: the body read with Body is
// kept, so the form still parses, and Body after the form parsed it is
// empty (Werkzeug's consumed stream), not an error. A JSON body can be
// bound twice (get_json caches).
func TestWerkzeugGetDataCaching(t *testing.T) {
	app := flagon.New()
	app.Post("/body-then-form", func(c *flagon.Ctx) error {
		b1, err1 := c.Body()
		f, ferr := c.Form()
		b2, err2 := c.Body()
		return c.Textf("%q %v|%q %v|%q %v", b1, err1, f.Get("foo"), ferr, b2, err2)
	})
	app.Post("/form-then-body", func(c *flagon.Ctx) error {
		f, ferr := c.Form()
		b, err := c.Body()
		return c.Textf("%q %v|%q %v", f.Get("foo"), ferr, b, err)
	})
	app.Post("/json-twice", func(c *flagon.Ctx) error {
		var a, b map[string]any
		err1, err2 := c.BindJSON(&a), c.BindJSON(&b)
		return c.Textf("%v %v %v %v", a["x"], err1, b["x"], err2)
	})
	cl := flagontest.NewClient(t, app)
	form := flagontest.Raw("application/x-www-form-urlencoded", []byte("foo=Hello+World"))
	tests := []struct{ name, path, want string }{
		{"test_get_data_method_parsing_caching_behavior", "/body-then-form",
			`"foo=Hello+World" <nil>|"Hello World" <nil>|"foo=Hello+World" <nil>`},
		{"test_data_descriptor_triggers_parsing", "/form-then-body", `"Hello World" <nil>|"" <nil>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if res := cl.Post(tt.path, form); res.Text() != tt.want {
				t.Errorf("got %d %q, want %q", res.StatusCode, res.Text(), tt.want)
			}
		})
	}
	t.Run("get_json cache", func(t *testing.T) {
		res := cl.Post("/json-twice", flagontest.Raw("application/json", []byte(`{"x": 1}`)))
		if want := "1 <nil> 1 <nil>"; res.Text() != want {
			t.Errorf("got %d %q, want %q", res.StatusCode, res.Text(), want)
		}
	})
}
