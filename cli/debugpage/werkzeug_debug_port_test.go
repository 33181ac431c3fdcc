package debugpage_test

// Ports of Werkzeug's tests/test_debug.py and of the behaviour of
// werkzeug/debug/__init__.py (get_pin_and_cookie_name, pin_auth,
// check_pin_trust, check_host_trust, the __debugger__ commands) and
// debug/tbtools.py (DebugTraceback), adapted to flagon's Go debugger.

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flagon-go/flagon"
	"github.com/flagon-go/flagon/cli/debugpage"
	"github.com/flagon-go/flagon/flagontest"
)

// noDebugRepr names the test_debug.py cases of Werkzeug's debug_repr,
// dump and help, the Python console's object inspection.
var noDebugRepr = []string{
	"test_basic_repr", "test_string_repr", "test_string_subclass_repr",
	"test_sequence_repr", "test_mapping_repr", "test_custom_repr",
	"test_list_subclass_repr", "test_regex_repr", "test_set_repr",
	"test_object_dumping", "test_debug_dump", "test_debug_help",
}

func TestWerkzeugDebugReprNotPorted(t *testing.T) {
	for _, name := range noDebugRepr {
		t.Run(name, func(t *testing.T) {
			t.Skip("difference: no Python console or debug_repr; values are shown with fmt's plus-v verb (docs/cli.md)")
		})
	}
}

func TestWerkzeugDebugNotPorted(t *testing.T) {
	tests := []struct{ name, why string }{
		{"test_get_machine_id", "difference: the PIN is random per server start, not derived from the machine id (docs/cli.md)"},
		{"test_console_closure_variables", "difference: no expression console; the only console runs read-only SQL (docs/cli.md)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { t.Skip(tt.why) })
	}
}

// test_recursive_repr: a value that contains itself is shown with
// "[...]" where it recurs, instead of overflowing the stack.
func TestWerkzeugRecursiveRepr(t *testing.T) {
	self := []any{1, nil}
	self[1] = self
	m := map[string]any{"a": 1}
	m["self"] = m
	type node struct {
		Name string
		Kids []any
	}
	n := &node{Name: "root"}
	n.Kids = []any{n, map[string]any{"up": []any{n}}}
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"test_recursive_repr list", self, "[1 [...]]"},
		{"map", m, "map[a:1 self:[...]]"},
		{"pointer at the top", n, "&{Name:root Kids:[0x"},
		{"plain value", []int{1, 2}, "[1 2]"},
		{"pointer inside a recursive value", deepCycle(), "map[p:0x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := debugpage.Brief(tt.v); !strings.HasPrefix(got, tt.want) {
				t.Errorf("Brief = %q, want prefix %q", got, tt.want)
			}
		})
	}
}

var loopKey = flagon.NewKey[map[string]any]("loop")

// deepCycle is a self-containing map that also holds a pointer to a
// struct holding another self-containing map.
func deepCycle() map[string]any {
	inner := map[string]any{}
	inner["self"] = inner
	type holder struct{ M map[string]any }
	outer := map[string]any{"p": &holder{M: inner}}
	outer["self"] = outer
	return outer
}

// A recursive g value reaches the page without crashing the server.
func TestWerkzeugRecursiveReprOnPage(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
	app.Get("/loop", func(c *flagon.Ctx) error {
		m := map[string]any{"password": typedPassword, "url": "postgresql://u:" + dbPassword + "@h/db"}
		m["self"] = m
		loopKey.Set(c, m)
		return errors.New("boom")
	})
	page := flagontest.NewClient(t, app).Get("/loop").Text()
	if !strings.Contains(page, "<tr><th>loop</th><td>map[password:*** self:[...] url:postgresql://u:***@h/db]</td></tr>") {
		t.Error("the recursive g value is not shown masked, with [...]")
	}
	for _, secret := range []string{typedPassword, dbPassword} {
		if strings.Contains(page, secret) {
			t.Errorf("page shows %q", secret)
		}
	}
}

// Long values are cut at maxValue bytes without splitting a rune.
func TestWerkzeugStringReprShortened(t *testing.T) {
	got := debugpage.Brief(strings.Repeat("é", 1500))
	if !strings.HasSuffix(got, "…") || !utf8Valid(got) || len(got) > 2000+len("…") {
		t.Errorf("shortened value %d bytes, valid UTF-8 %v", len(got), utf8Valid(got))
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// brokenError's Error panics on a nil receiver.
type brokenError struct{ msg *string }

func (e *brokenError) Error() string { return *e.msg }

// test_broken_repr: an error whose Error method panics is shown as
// broken, not turned into a failure of the page.
func TestWerkzeugBrokenRepr(t *testing.T) {
	err := fmt.Errorf("outer: %w", errors.Join(errors.New("fine"), &brokenError{}))
	types := debugpage.ChainTypes(fmt.Errorf("wrap: %w", &brokenError{}))
	if strings.Join(types, " ") != "*fmt.wrapError *debugpage_test.brokenError" {
		t.Errorf("chain %v", types)
	}
	app, _ := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
	app.Get("/broken", func(c *flagon.Ctx) error { return errors.Unwrap(err) })
	r := flagontest.NewClient(t, app).Get("/broken")
	if r.StatusCode != 500 || !strings.Contains(r.Text(), "&lt;broken Error() (*debugpage_test.brokenError)") {
		t.Errorf("broken Error(): %d", r.StatusCode)
	}
}

// test_exc_divider_found_on_chained_exception: each error of a wrapped
// chain is listed, outer first, with its message.
func TestWerkzeugExcDividerFoundOnChainedException(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
	app.Get("/chained", func(c *flagon.Ctx) error {
		inner := errors.New("inner")
		return fmt.Errorf("outer: %w", inner)
	})
	page := flagontest.NewClient(t, app).Get("/chained").Text()
	outer := strings.Index(page, `<code class=type>*fmt.wrapError</code> <span>outer: inner</span>`)
	inner := strings.Index(page, `<code class=type>*errors.errorString</code> <span>inner</span>`)
	if outer < 0 || inner < outer {
		t.Errorf("chain not listed outer then inner: %d %d", outer, inner)
	}
}

// test_basic: a crash gets the debug page with 500, a good request its
// own response.
func TestWerkzeugBasic(t *testing.T) {
	for _, crash := range []bool{true, false} {
		t.Run(strconv.FormatBool(crash), func(t *testing.T) {
			app, _ := newApp(true, debugpage.Options{})
			path := "/ok"
			if crash {
				path = "/panic/1"
			}
			r := flagontest.NewClient(t, app).Get(path)
			shown := strings.Contains(r.Text(), "flagon debugger")
			if crash && (r.StatusCode != 500 || !shown) || !crash && (r.StatusCode != 200 || r.Text() != "fine") {
				t.Errorf("crash=%v: %d %q", crash, r.StatusCode, r.Text())
			}
		})
	}
}

// cycleError wraps next; two of them can wrap each other.
type cycleError struct {
	name string
	next error
}

func (e *cycleError) Error() string { return e.name }
func (e *cycleError) Unwrap() error { return e.next }

// test_chained_exception_cycle: a wrapped chain that comes back to an
// error already walked (Unwrap() error, or errors.Join) stops there.
func TestWerkzeugChainedExceptionCycle(t *testing.T) {
	a, b := &cycleError{name: "ValueError"}, &cycleError{name: "TypeError"}
	a.next, b.next = b, a
	joined := &joinCycle{}
	joined.errs = []error{errors.New("first"), joined, nil}
	tests := []struct {
		name string
		err  error
		want int
	}{
		{"test_chained_exception_cycle", b, 2},
		{"errors.Join-like cycle with a nil entry", joined, 2},
		{"errors.Join of the cycle twice", errors.Join(a, a), 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan []string, 1)
			go func() { done <- debugpage.ChainTypes(tt.err) }()
			select {
			case got := <-done:
				if len(got) != tt.want {
					t.Errorf("chain %v, want %d errors", got, tt.want)
				}
			case <-time.After(2 * time.Second):
				t.Fatal("the chain walk does not end")
			}
		})
	}
}

// joinCycle is an Unwrap() []error error that may contain itself.
type joinCycle struct{ errs []error }

func (e *joinCycle) Error() string   { return "joined" }
func (e *joinCycle) Unwrap() []error { return e.errs }

// multiError is not comparable: it cannot be a map key.
type multiError []error

func (m multiError) Error() string   { return fmt.Sprintf("%d errors", len(m)) }
func (m multiError) Unwrap() []error { return m }

// valueError is comparable as a type but holds a non-comparable value.
type valueError struct{ detail any }

func (e valueError) Error() string { return "value error" }

// test_non_hashable_exception (Werkzeug 2.x): errors that cannot be
// compared are walked and shown.
func TestWerkzeugNonHashableException(t *testing.T) {
	err := fmt.Errorf("saving: %w", multiError{errors.New("a"), valueError{detail: []int{1}}, valueError{detail: []int{1}}})
	want := "*fmt.wrapError debugpage_test.multiError *errors.errorString debugpage_test.valueError debugpage_test.valueError"
	if got := strings.Join(debugpage.ChainTypes(err), " "); got != want {
		t.Errorf("chain %s, want %s", got, want)
	}
	app, _ := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
	app.Get("/multi", func(c *flagon.Ctx) error { return err })
	if r := flagontest.NewClient(t, app).Get("/multi"); r.StatusCode != 500 || !strings.Contains(r.Text(), "saving: 3 errors") {
		t.Errorf("status %d", r.StatusCode)
	}
}

// test_exception_without_traceback: a returned error has no stack (only
// panics carry one); the page shows its chain and says so.
func TestWerkzeugExceptionWithoutTraceback(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
	app.Get("/nostack", func(c *flagon.Ctx) error {
		return fmt.Errorf("msg1: %w", errors.New("msg2"))
	})
	page := flagontest.NewClient(t, app).Get("/nostack").Text()
	for _, want := range []string{"msg1: msg2", "<span>msg2</span>", "no stack trace"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// test_missing_source_lines: a line number beyond the file shows no
// source lines rather than the wrong ones.
func TestWerkzeugMissingSourceLines(t *testing.T) {
	file := t.TempDir() + "/short.go"
	if err := os.WriteFile(file, []byte("package short\n\n// truncated\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := debugpage.ReadSource(file, 6); got != nil {
		t.Errorf("line 6 of a 3-line file: %+v", got)
	}
	got := debugpage.ReadSource(file, 3)
	if len(got) != 3 || !got[2].Current || got[2].Text != "// truncated" {
		t.Errorf("line 3: %+v", got)
	}
}

// test_debugged_application_pin_security_false: the PIN can be turned
// off; then the page asks for none.
func TestWerkzeugDebuggedApplicationPinSecurityFalse(t *testing.T) {
	app, d := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
	c := flagontest.NewClient(t, app)
	if page := c.Get("/__flagon__/failure/" + fail(t, c)).Text(); d.PIN() != debugpage.PINOff || strings.Contains(page, pinFormTag) {
		t.Error("PIN off still asks for a PIN")
	}
}

// get_pin_and_cookie_name reading WERKZEUG_DEBUG_PIN (flagon's
// FLAGON_DEBUG_PIN).
func TestWerkzeugGetPinAndCookieName(t *testing.T) {
	tests := []struct {
		env, want string
		ok        bool
	}{
		{"off", "off", true},
		{"123-456-789", "123-456-789", true},
		{"1-23", "1-23", true},
		{"123456789", "123-456-789", true},
		{"1234567890", "12345-67890", true},
		{"12345678", "1234-5678", true},
		{"123456", "123-456", true},
		{"1234567", "1234567", true},
		{"12", "12", true},
		{"", "", false},
		{"-", "", false},
		{"hunter2", "", false},
		{"123 456", "", false},
		{"OFF", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.env, func(t *testing.T) {
			pin, ok := debugpage.ParsePIN(tt.env)
			if pin != tt.want || ok != tt.ok {
				t.Errorf("ParsePIN(%q) = %q, %v; want %q, %v", tt.env, pin, ok, tt.want, tt.ok)
			}
		})
	}
}

// A FLAGON_DEBUG_PIN that is not a PIN is replaced by a random one, in
// the environment too, so that the reloader's children agree.
func TestWerkzeugGetPinAndCookieNameInvalidEnv(t *testing.T) {
	t.Setenv(debugpage.EnvPIN, "hunter2")
	t.Setenv(debugpage.EnvSecret, "")
	if o := debugpage.OptionsFromEnv(); o.PIN != "" {
		t.Errorf("OptionsFromEnv PIN %q, want a random one", o.PIN)
	}
	pin := debugpage.SharePIN()
	if !regexp.MustCompile(`^\d{3}-\d{3}-\d{3}$`).MatchString(pin) || os.Getenv(debugpage.EnvPIN) != pin {
		t.Errorf("SharePIN %q, env %q", pin, os.Getenv(debugpage.EnvPIN))
	}
	t.Setenv(debugpage.EnvPIN, "987654321")
	if pin := debugpage.SharePIN(); pin != "987-654-321" || debugpage.OptionsFromEnv().PIN != pin {
		t.Errorf("SharePIN %q", pin)
	}
}

// serve runs one request against app directly, over TLS when secure.
func serve(app http.Handler, method, target, host, cookie string, form url.Values, secure bool) *http.Response {
	var body *strings.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	} else {
		body = strings.NewReader("")
	}
	r := httptest.NewRequest(method, target, body)
	r.Host = host
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if cookie != "" {
		r.Header.Set("Cookie", cookie)
	}
	if secure {
		r.TLS = &tls.ConnectionState{}
	}
	w := httptest.NewRecorder()
	app.ServeHTTP(w, r)
	return w.Result()
}

// pin_auth's cookie: named by the debugger, "{ts}|{signature}",
// HttpOnly, SameSite=Strict, Secure over TLS (request.is_secure).
func TestWerkzeugPinAuthCookie(t *testing.T) {
	for _, secure := range []bool{false, true} {
		t.Run("secure="+strconv.FormatBool(secure), func(t *testing.T) {
			app, d := newApp(true, debugpage.Options{PIN: testPIN})
			id := fail(t, flagontest.NewClient(t, app))
			before := time.Now().Unix()
			res := serve(app, "POST", "/__flagon__/pin", "localhost", "", url.Values{"failure": {id}, "pin": {testPIN}}, secure)
			ck := res.Cookies()
			if res.StatusCode != 303 || len(ck) != 1 {
				t.Fatalf("%d %v", res.StatusCode, ck)
			}
			ts, mac, _ := strings.Cut(ck[0].Value, "|")
			n, _ := strconv.ParseInt(ts, 10, 64)
			if ck[0].Name != d.CookieName() || n < before || n > time.Now().Unix() || len(mac) != 64 {
				t.Errorf("cookie %s=%s", ck[0].Name, ck[0].Value)
			}
			if !ck[0].HttpOnly || ck[0].SameSite != http.SameSiteStrictMode || ck[0].Secure != secure {
				t.Errorf("cookie attributes %+v", ck[0])
			}
		})
	}
}

// check_pin_trust: which cookies let a request use the interactive part.
func TestWerkzeugCheckPinTrust(t *testing.T) {
	now := time.Now().Unix()
	week := int64(7 * 24 * 3600)
	tests := []struct {
		name    string
		value   func(d *debugpage.Debugger) string
		trusted bool
	}{
		{"fresh", func(d *debugpage.Debugger) string { return debugpage.PinCookieValue(d, strconv.FormatInt(now, 10)) }, true},
		{"within PIN_TIME", func(d *debugpage.Debugger) string {
			return debugpage.PinCookieValue(d, strconv.FormatInt(now-week+60, 10))
		}, true},
		{"past PIN_TIME", func(d *debugpage.Debugger) string {
			return debugpage.PinCookieValue(d, strconv.FormatInt(now-week-1, 10))
		}, false},
		{"timestamp with a plus sign", func(d *debugpage.Debugger) string {
			return debugpage.PinCookieValue(d, "+"+strconv.FormatInt(now, 10))
		}, false},
		{"timestamp with an underscore", func(d *debugpage.Debugger) string {
			return debugpage.PinCookieValue(d, "1_"+strconv.FormatInt(now, 10)[1:])
		}, false},
		{"no separator", func(*debugpage.Debugger) string { return strconv.FormatInt(now, 10) }, false},
		{"empty", func(*debugpage.Debugger) string { return "" }, false},
		{"wrong signature", func(*debugpage.Debugger) string { return strconv.FormatInt(now, 10) + "|00ff" }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, d := newApp(true, debugpage.Options{PIN: testPIN})
			id := fail(t, flagontest.NewClient(t, app))
			res := serve(app, "GET", "/__flagon__/failure/"+id, "localhost", d.CookieName()+"="+tt.value(d), nil, false)
			page := readBody(t, res)
			if trusted := !strings.Contains(page, pinFormTag); trusted != tt.trusted {
				t.Errorf("trusted %v, want %v", trusted, tt.trusted)
			}
		})
	}
}

func readBody(t *testing.T, res *http.Response) string {
	t.Helper()
	var b strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := res.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			return b.String()
		}
	}
}

// pin_auth, each branch of Werkzeug's.
func TestWerkzeugPinAuth(t *testing.T) {
	now := strconv.FormatInt(time.Now().Unix(), 10)
	expired := strconv.FormatInt(time.Now().Add(-8*24*time.Hour).Unix(), 10)
	tests := []struct {
		name       string
		pin        string // "" sends no pin field
		cookie     func(d *debugpage.Debugger) string
		status     int
		setsCookie bool
		failures   int
	}{
		{"right PIN", testPIN, nil, 303, true, 0},
		{"test_debugger_pin_reject", "000-000-000", nil, 403, false, 1},
		{"PIN with spaces inside is rejected", " 314 159 265 ", nil, 403, false, 1},
		{"PIN stripped and dashes dropped", "\t314159-265 ", nil, 303, true, 0},
		{"valid cookie needs no PIN", "", func(d *debugpage.Debugger) string { return debugpage.PinCookieValue(d, now) }, 303, true, 0},
		{"valid cookie ignores a wrong PIN", "000", func(d *debugpage.Debugger) string { return debugpage.PinCookieValue(d, now) }, 303, true, 0},
		{"forged cookie counts even with the right PIN", testPIN, func(*debugpage.Debugger) string { return now + "|00ff" }, 403, true, 1},
		{"forged and expired cookie counts", testPIN, func(*debugpage.Debugger) string { return expired + "|00ff" }, 403, true, 1},
		{"expired cookie falls back to the PIN", testPIN, func(d *debugpage.Debugger) string { return debugpage.PinCookieValue(d, expired) }, 303, true, 0},
		{"no pin field is a bad request", "", nil, 400, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, d := newApp(true, debugpage.Options{PIN: testPIN})
			rec := &delays{}
			debugpage.SetSleep(d, rec.sleep)
			id := fail(t, flagontest.NewClient(t, app))
			form := url.Values{"failure": {id}}
			if tt.pin != "" {
				form.Set("pin", tt.pin)
			}
			cookie := ""
			if tt.cookie != nil {
				cookie = d.CookieName() + "=" + tt.cookie(d)
			}
			res := serve(app, "POST", "/__flagon__/pin", "localhost", cookie, form, false)
			if res.StatusCode != tt.status || (len(res.Cookies()) > 0) != tt.setsCookie {
				t.Errorf("status %d, cookies %v", res.StatusCode, res.Cookies())
			}
			if got := len(rec.take()); got != tt.failures {
				t.Errorf("%d failures counted, want %d", got, tt.failures)
			}
		})
	}
}

// pin_auth with the PIN off lets everyone in (check_pin_trust is True).
func TestWerkzeugPinAuthPinOff(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
	c := flagontest.NewClient(t, app)
	if r := enter(c, fail(t, c), "anything"); r.StatusCode != 303 {
		t.Errorf("status %d", r.StatusCode)
	}
}

// check_pin_trust checks the lockout first: once exhausted, even a
// cookie from a correct PIN no longer unlocks the console or the values.
func TestWerkzeugPinAuthExhausted(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{PIN: testPIN})
	good := flagontest.NewClient(t, app)
	id := fail(t, good)
	if r := enter(good, id, testPIN); r.StatusCode != 303 {
		t.Fatalf("right PIN: %d", r.StatusCode)
	}
	if page := good.Get("/__flagon__/failure/" + id).Text(); !strings.Contains(page, userAlice) {
		t.Fatal("the cookie does not unlock")
	}
	attacker := flagontest.NewClient(t, app)
	for range debugpage.MaxPINAttempts {
		enter(attacker, id, "000-000-000")
	}
	page := good.Get("/__flagon__/failure/" + id).Text()
	if strings.Contains(page, `<tr><th>user</th><td>`+userAlice) || !strings.Contains(page, pinLockedTag) {
		t.Error("a PIN cookie still unlocks the exhausted debugger")
	}
	if r := enter(good, id, testPIN); r.StatusCode != 403 || len(r.Cookies()) != 0 {
		t.Errorf("pin_auth after exhaustion: %d", r.StatusCode)
	}
}

// check_host_trust: the debugger's commands answer 400 (SecurityError)
// to a Host that is not trusted or not well formed; the page is not shown.
func TestWerkzeugCheckHostTrust(t *testing.T) {
	tests := []struct {
		host    string
		trusted bool
	}{
		{"localhost", true},
		{"LOCALHOST:5000", true},
		{"app.localhost", true},
		{"127.0.0.1:5000", true},
		{"[::1]:5000", true},
		{"localhost.", false},
		{"localhost:abc", false},
		{"local_host", false},
		{"evil.com", false},
		{"localhost.evil.com", false},
		{"127.0.0.1@evil.com", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			app, _ := newApp(true, debugpage.Options{PIN: testPIN})
			id := fail(t, flagontest.NewClient(t, app))
			res := serve(app, "POST", "/__flagon__/pin", tt.host, "", url.Values{"failure": {id}, "pin": {testPIN}}, false)
			if (res.StatusCode == 303) != tt.trusted || (!tt.trusted && res.StatusCode != 400) {
				t.Errorf("pin_auth from %q: %d", tt.host, res.StatusCode)
			}
			page := readBody(t, serve(app, "GET", "/panic/1", tt.host, "", nil, false))
			if strings.Contains(page, "flagon debugger") != tt.trusted {
				t.Errorf("page shown to %q: %v", tt.host, !tt.trusted)
			}
		})
	}
}

// test_debug_command_requires_secret: Werkzeug's commands need the
// page's secret (s=); flagon's need the failure's id, which only the
// page and the failing response carry, and Werkzeug's query commands
// are the app's own URLs.
func TestWerkzeugDebugCommandRequiresSecret(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{PIN: testPIN})
	c := flagontest.NewClient(t, app)
	id := fail(t, c)
	tests := []struct {
		name string
		do   func() *flagontest.Response
		want int
	}{
		{"pinauth without an id", func() *flagontest.Response {
			return c.Post("/__flagon__/pin", flagontest.Form(url.Values{"pin": {testPIN}}))
		}, 404},
		{"pinauth with a wrong id", func() *flagontest.Response {
			return c.Post("/__flagon__/pin", flagontest.Form(url.Values{"failure": {id[:len(id)-1] + "x"}, "pin": {testPIN}}))
		}, 404},
		{"console with a wrong id", func() *flagontest.Response {
			return c.Post("/__flagon__/console", flagontest.Form(url.Values{"failure": {"0"}, "console": {"main"}, "sql": {"SELECT 1"}}))
		}, 404},
		{"failure page with a wrong id", func() *flagontest.Response { return c.Get("/__flagon__/failure/" + strings.ToUpper(id)) }, 404},
		{"Werkzeug's pinauth query is the app's URL", func() *flagontest.Response {
			return c.Get("/ok?__debugger__=yes&cmd=pinauth&pin=" + testPIN + "&s=x")
		}, 200},
		{"pinauth by GET", func() *flagontest.Response { return c.Get("/__flagon__/pin?failure=" + id + "&pin=" + testPIN) }, 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.do()
			if r.StatusCode != tt.want || len(r.Cookies()) != 0 {
				t.Errorf("status %d, cookies %v; want %d and none", r.StatusCode, r.Cookies(), tt.want)
			}
		})
	}
	if len(id) != 32 {
		t.Errorf("failure id %q: want 128 random bits", id)
	}
}

// Failures are addressable by id only while the debugger keeps them, and
// only on the debugger that caught them (Werkzeug's frames by id()).
func TestWerkzeugFramesById(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{PIN: debugpage.PINOff, Keep: 1})
	c := flagontest.NewClient(t, app)
	first := fail(t, c)
	second := fail(t, c)
	if r := c.Get("/__flagon__/failure/" + first); r.StatusCode != 404 {
		t.Errorf("evicted failure: %d", r.StatusCode)
	}
	if r := c.Get("/__flagon__/failure/" + second); r.StatusCode != 200 {
		t.Errorf("kept failure: %d", r.StatusCode)
	}
	other, _ := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
	if r := flagontest.NewClient(t, other).Get("/__flagon__/failure/" + second); r.StatusCode != 404 {
		t.Errorf("another debugger's failure: %d", r.StatusCode)
	}
}

// test_debugger_resources (get_resource): flagon's page inlines its
// style and has no script, so there is no resource command and no path
// reaches the package's files.
func TestWerkzeugDebuggerResources(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
	c := flagontest.NewClient(t, app)
	for _, path := range []string{
		"/__flagon__/style.css", "/__flagon__/assets/style.css", "/__flagon__/page.html",
		"/__flagon__/../../../../etc/passwd", "/__flagon__/failure/..%2f..%2fetc%2fpasswd",
		"/__flagon__/failure/", "/?__debugger__=yes&cmd=resource&f=style.css",
		"/?__debugger__=yes&cmd=resource&f=../../../../etc/passwd",
	} {
		t.Run(path, func(t *testing.T) {
			r := c.Get(path)
			if r.StatusCode != 404 || strings.Contains(r.Text(), "{{define") || strings.Contains(r.Text(), "root:") {
				t.Errorf("%s: %d", path, r.StatusCode)
			}
		})
	}
}

// The page escapes the error's text everywhere: title, message, chain
// and the plain-text traceback (render_debugger_html's escape calls).
func TestWerkzeugRenderDebuggerHTMLEscapes(t *testing.T) {
	const evil = `<script>alert("x")</script>`
	app, _ := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
	app.Get("/evil", func(c *flagon.Ctx) error { return fmt.Errorf("bad %s: %w", evil, errors.New(evil)) })
	app.Get("/evilpanic", func(c *flagon.Ctx) error { panic(evil) })
	for _, path := range []string{"/evil", "/evilpanic"} {
		t.Run(path, func(t *testing.T) {
			page := flagontest.NewClient(t, app).Get(path).Text()
			if strings.Contains(page, "<script>") {
				t.Error("unescaped markup in the page")
			}
			if n := strings.Count(page, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"); n < 3 {
				t.Errorf("escaped message appears %d times (title, message, traceback)", n)
			}
		})
	}
}

// With debug mode off nothing of the debugger is reachable and the 500
// body says nothing about the failure.
func TestWerkzeugDebugOffLeaksNothing(t *testing.T) {
	app, _ := newApp(false, debugpage.Options{PIN: debugpage.PINOff})
	app.Get("/secret", func(c *flagon.Ctx) error { return errors.New("db password is " + dbPassword) })
	c := flagontest.NewClient(t, app)
	for _, path := range []string{"/secret", "/panic/1"} {
		r := c.Get(path, htmlAccept)
		body := r.Text()
		if r.StatusCode != 500 || strings.Contains(body, dbPassword) || strings.Contains(body, "explode") ||
			strings.Contains(body, "goroutine") || r.Header.Get("X-Flagon-Debug-Failure") != "" {
			t.Errorf("%s: %d %q", path, r.StatusCode, body)
		}
	}
	if r := c.Get("/__flagon__/failure/0"); r.StatusCode != 404 {
		t.Errorf("failure page with debug off: %d", r.StatusCode)
	}
}

// Concurrent wrong PINs cannot get more than MaxPINAttempts guesses in:
// the lockout check and the count are one step.
func TestWerkzeugFailPinAuthConcurrent(t *testing.T) {
	app, d := newApp(true, debugpage.Options{PIN: testPIN})
	rec := &delays{}
	debugpage.SetSleep(d, func(ctx context.Context, dur time.Duration) {
		rec.sleep(ctx, dur)
		time.Sleep(10 * time.Millisecond) // keep the guesses overlapping
	})
	id := fail(t, flagontest.NewClient(t, app))
	var wg sync.WaitGroup
	for range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			serve(app, "POST", "/__flagon__/pin", "localhost", "", url.Values{"failure": {id}, "pin": {"000-000-000"}}, false)
		}()
	}
	wg.Wait()
	if got := len(rec.take()); got != debugpage.MaxPINAttempts {
		t.Errorf("%d wrong PINs were checked, want %d", got, debugpage.MaxPINAttempts)
	}
}

// detailError carries a map with a secret-named key.
type detailError struct {
	Op     string
	Detail map[string]any
	hidden map[string]any
}

func (e *detailError) Error() string { return e.Op + " failed" }

// An error's fields are masked like the g values: secret-named keys
// inside a map field too, exported or not.
func TestErrorFieldsMaskNestedSecrets(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
	app.Get("/detail", func(c *flagon.Ctx) error {
		return &detailError{Op: "login", Detail: map[string]any{"user": userBob, "password": typedPassword},
			hidden: map[string]any{"api_token": bearerToken}}
	})
	page := flagontest.NewClient(t, app).Get("/detail").Text()
	if !strings.Contains(page, "<tr><th>Detail</th><td>map[password:*** user:"+userBob+"]</td></tr>") {
		t.Error("the map field is not shown masked")
	}
	for _, secret := range []string{typedPassword, bearerToken} {
		if strings.Contains(page, secret) {
			t.Errorf("page shows %q", secret)
		}
	}
}

// get_pin_and_cookie_name's cookie name: one per server (here per cookie
// key), the same for the reloader's children, so that two servers on
// other ports of one host (cookies ignore ports) do not clash.
func TestWerkzeugGetPinAndCookieNameCookie(t *testing.T) {
	key1, key2 := []byte("0123456789abcdef0123456789abcdef"), []byte("fedcba9876543210fedcba9876543210")
	a, da := newApp(true, debugpage.Options{PIN: testPIN, Secret: key1})
	_, child := newApp(true, debugpage.Options{PIN: testPIN, Secret: key1})
	b, db := newApp(true, debugpage.Options{PIN: testPIN, Secret: key2})
	if !regexp.MustCompile(`^__flagon_debugger_[0-9a-f]{20}$`).MatchString(da.CookieName()) ||
		da.CookieName() != child.CookieName() || da.CookieName() == db.CookieName() {
		t.Fatalf("cookie names %s %s %s", da.CookieName(), child.CookieName(), db.CookieName())
	}
	rec := &delays{}
	debugpage.SetSleep(db, rec.sleep)
	c := flagontest.NewClient(t, a)
	if r := enter(c, fail(t, c), testPIN); r.StatusCode != 303 {
		t.Fatalf("PIN on the first server: %d", r.StatusCode)
	}
	c.Handler = b // the other server, same host
	if r := enter(c, fail(t, c), testPIN); r.StatusCode != 303 || len(rec.take()) != 0 {
		t.Errorf("the first server's cookie counted as a forgery on the second: %d", r.StatusCode)
	}
}

// A typed nil *flagon.PanicError in the chain is listed, not taken for
// a panic (its Unwrap and Error would dereference nil).
func TestWerkzeugTypedNilPanicError(t *testing.T) {
	var pe *flagon.PanicError
	err := fmt.Errorf("odd: %w", pe)
	if got := debugpage.Headline(err); got != "*flagon.PanicError" {
		t.Errorf("headline %q", got)
	}
	if got := strings.Join(debugpage.ChainTypes(err), " "); got != "*fmt.wrapError *flagon.PanicError" {
		t.Errorf("chain %s", got)
	}
}
