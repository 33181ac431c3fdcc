package debugpage_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/cli/debugpage"
	"github.com/flagon-go/flagon/flagontest"
)

const testPIN = "314-159-265"

// fail makes a failure and returns its id.
func fail(t *testing.T, c *flagontest.Client) string {
	t.Helper()
	r := c.Get("/panic/9", htmlAccept)
	id := r.Header.Get("X-Flagon-Debug-Failure")
	if id == "" {
		t.Fatalf("no debug page: %d", r.StatusCode)
	}
	return id
}

func enter(c *flagontest.Client, id, pin string) *flagontest.Response {
	return c.Post("/__flagon__/pin", flagontest.Form(url.Values{"failure": {id}, "pin": {pin}}))
}

func TestPINAccepted(t *testing.T) {
	for _, typed := range []string{testPIN, "314159265", " 314-159-265 ", "31-4159-265"} {
		t.Run(typed, func(t *testing.T) {
			app, _ := newApp(true, debugpage.Options{PIN: testPIN})
			c := flagontest.NewClient(t, app)
			id := fail(t, c)
			r := enter(c, id, typed)
			if r.StatusCode != http.StatusSeeOther || r.Location() != "/__flagon__/failure/"+id {
				t.Fatalf("PIN %q: %d %s", typed, r.StatusCode, r.Location())
			}
			ck := r.Cookies()
			if len(ck) != 1 || !ck[0].HttpOnly || ck[0].SameSite != http.SameSiteStrictMode {
				t.Errorf("cookie %+v", ck)
			}
			page := c.Get("/__flagon__/failure/" + id).Text()
			for _, want := range []string{`<tr><th>user</th><td>` + userAlice + `</td></tr>`, `<tr><th>id</th><td>9</td></tr>`} {
				if !strings.Contains(page, want) {
					t.Errorf("unlocked page lacks %q", want)
				}
			}
			if strings.Contains(page, pinFormTag) {
				t.Error("unlocked page still asks for the PIN")
			}
		})
	}
}

func TestPINRejectedAndLockout(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{PIN: testPIN})
	c := flagontest.NewClient(t, app)
	id := fail(t, c)
	for i := 1; i < debugpage.MaxPINAttempts; i++ {
		r := enter(c, id, "000-000-000")
		want := regexp.MustCompile(`Wrong PIN: (\d+) attempt`).FindStringSubmatch(r.Text())
		if r.StatusCode != 403 || want == nil || want[1] != itoa(debugpage.MaxPINAttempts-i) {
			t.Fatalf("attempt %d: %d %v", i, r.StatusCode, want)
		}
		if len(r.Cookies()) != 0 {
			t.Fatal("a wrong PIN set a cookie")
		}
	}
	r := enter(c, id, "000-000-000")
	if r.StatusCode != 403 || !strings.Contains(r.Text(), pinLockedTag) {
		t.Fatalf("10th failure: %d", r.StatusCode)
	}
	r = enter(c, id, testPIN)
	if r.StatusCode != 403 || len(r.Cookies()) != 0 || !strings.Contains(r.Text(), pinLockedTag) {
		t.Errorf("the right PIN was accepted after the lockout: %d", r.StatusCode)
	}
	if page := c.Get("/__flagon__/failure/" + id).Text(); !strings.Contains(page, pinLockedTag) {
		t.Error("the page does not say the debugger is locked")
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestPINCookieForgery(t *testing.T) {
	app, d := newApp(true, debugpage.Options{PIN: testPIN, Secret: []byte("0123456789abcdef0123456789abcdef")})
	other, _ := newApp(true, debugpage.Options{PIN: testPIN, Secret: []byte("fedcba9876543210fedcba9876543210")})
	c := flagontest.NewClient(t, other)
	enter(c, fail(t, c), testPIN) // a cookie signed with another key
	c.Handler = app
	for _, ck := range []*http.Cookie{nil, {Name: d.CookieName(), Value: "1700000000|00ff"}} {
		if ck != nil {
			c.Jar.SetCookies(c.BaseURL, []*http.Cookie{ck})
		}
		id := fail(t, c)
		if page := c.Get("/__flagon__/failure/" + id).Text(); !strings.Contains(page, pinFormTag) {
			t.Errorf("cookie %v unlocked the debugger", ck)
		}
	}
}

func TestPINSharedAcrossRestarts(t *testing.T) {
	opts := debugpage.Options{PIN: testPIN, Secret: []byte("0123456789abcdef0123456789abcdef")}
	first, _ := newApp(true, opts)
	c := flagontest.NewClient(t, first)
	enter(c, fail(t, c), testPIN)
	second, _ := newApp(true, opts) // the reloader's next child
	c.Handler = second
	if page := c.Get("/__flagon__/failure/" + fail(t, c)).Text(); strings.Contains(page, pinFormTag) {
		t.Error("the PIN cookie did not survive a restart with the same key")
	}
}

func TestPINOff(t *testing.T) {
	app, d := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
	c := flagontest.NewClient(t, app)
	page := c.Get("/__flagon__/failure/" + fail(t, c)).Text()
	if d.PIN() != "off" || strings.Contains(page, pinFormTag) || !strings.Contains(page, userAlice) {
		t.Error("PIN off still asks for a PIN")
	}
}

func TestNewPINFormat(t *testing.T) {
	seen := map[string]bool{}
	for range 20 {
		p := debugpage.NewPIN()
		if !regexp.MustCompile(`^\d{3}-\d{3}-\d{3}$`).MatchString(p) {
			t.Fatalf("PIN %q", p)
		}
		seen[p] = true
	}
	if len(seen) < 19 {
		t.Errorf("PINs repeat: %d distinct of 20", len(seen))
	}
}

func TestCrossOriginPOSTRefused(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{PIN: testPIN})
	c := flagontest.NewClient(t, app)
	id := fail(t, c)
	r := c.Post("/__flagon__/pin", flagontest.Form(url.Values{"failure": {id}, "pin": {testPIN}}),
		flagontest.Header("Origin", "http://evil.example"))
	if r.StatusCode != 403 || len(r.Cookies()) != 0 {
		t.Errorf("cross-origin PIN: %d", r.StatusCode)
	}
	r = c.Post("/__flagon__/pin", flagontest.Form(url.Values{"failure": {id}, "pin": {testPIN}}),
		flagontest.Header("Origin", "http://localhost"))
	if r.StatusCode != 303 {
		t.Errorf("same-origin PIN: %d", r.StatusCode)
	}
}

func TestUnknownFailure(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{})
	if r := flagontest.NewClient(t, app).Get("/__flagon__/failure/nope"); r.StatusCode != 404 {
		t.Errorf("status %d", r.StatusCode)
	}
}

// TestPINCookieParsedAsWerkzeug: the PIN cookie is read with the web
// core's Werkzeug parser, so it is trusted when sent quoted with escapes
// ("|" as \174), which Go's http.Request.Cookie rejects, and the cookie
// table masks it in that form too.
func TestPINCookieParsedAsWerkzeug(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{PIN: testPIN})
	c := flagontest.NewClient(t, app)
	id := fail(t, c)
	ck := enter(c, id, testPIN).Cookies()
	if len(ck) != 1 {
		t.Fatalf("cookies %+v", ck)
	}
	tests := []struct{ name, header string }{
		{"plain", ck[0].Name + "=" + ck[0].Value},
		{"quoted with escapes", ck[0].Name + `="` + strings.ReplaceAll(ck[0].Value, "|", `\174`) + `"`},
		{"spaces and a bad cookie before", `x="a,b"; ` + ck[0].Name + " = " + ck[0].Value},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fresh := flagontest.NewClient(t, app)
			page := fresh.Get("/__flagon__/failure/"+id, flagontest.Header("Cookie", tt.header)).Text()
			if strings.Contains(page, pinFormTag) {
				t.Fatal("the PIN cookie was not trusted")
			}
			if strings.Contains(page, ck[0].Value) {
				t.Error("the PIN cookie value is shown unmasked")
			}
		})
	}
}
