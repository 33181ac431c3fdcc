package debugpage_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/cli/debugpage"
	"github.com/flagon-go/flagon/flagontest"
)

var htmlAccept = flagontest.Header("Accept", "text/html")

// clientFor returns a test client sending Host host.
func clientFor(t *testing.T, h http.Handler, host string) *flagontest.Client {
	c := flagontest.NewClient(t, h)
	c.BaseURL = &url.URL{Scheme: "http", Host: host}
	return c
}

func TestShownOnlyInDebugMode(t *testing.T) {
	for _, debug := range []bool{false, true} {
		app, _ := newApp(debug, debugpage.Options{})
		r := flagontest.NewClient(t, app).Get("/panic/1", htmlAccept)
		shown := strings.Contains(r.Text(), "flagon debugger")
		if r.StatusCode != 500 || shown != debug || (!debug && strings.Contains(r.Text(), "explode")) {
			t.Errorf("debug=%v: status %d, page shown %v", debug, r.StatusCode, shown)
		}
		if p := flagontest.NewClient(t, app).Post("/__flagon__/pin"); !debug && p.StatusCode != 404 {
			t.Errorf("debug off: reserved path answered %d", p.StatusCode)
		}
	}
}

func TestShownOnlyToTrustedHosts(t *testing.T) {
	tests := []struct {
		host  string
		trust []string
		shown bool
	}{
		{"localhost", nil, true},
		{"localhost:5000", nil, true},
		{"127.0.0.1:5000", nil, true},
		{"[::1]:8080", nil, true},
		{"[::1]", nil, true},
		{"app.localhost:5000", nil, true},
		{"example.com", nil, false},
		{"192.168.1.20:5000", nil, false},
		{"127.0.0.1.evil.com", nil, false},
		{"localhost.evil.com", nil, false},
		{"dev.test:5000", []string{"dev.test"}, true},
		{"localhost", []string{"dev.test"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			app, _ := newApp(true, debugpage.Options{})
			if tt.trust != nil {
				app.Config.Set("DEBUGGER_TRUSTED_HOSTS", tt.trust)
			}
			r := clientFor(t, app, tt.host).Get("/panic/1", htmlAccept)
			if shown := strings.Contains(r.Text(), "flagon debugger"); shown != tt.shown {
				t.Errorf("Host %s: shown %v, want %v", tt.host, shown, tt.shown)
			}
		})
	}
}

func TestPageContent(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{})
	c := flagontest.NewClient(t, app)
	c.Jar.SetCookies(c.BaseURL, []*http.Cookie{{Name: "theme", Value: "dark"}})
	r := c.Get("/panic/42?page=2", htmlAccept, flagontest.Header("Authorization", "Bearer "+bearerToken))
	body := r.Text()
	for _, want := range []string{
		`<h1 id=error-type>panic</h1>`,
		"panic: cannot explode item 42",
		"GET http://localhost/panic/42?page=2",
		`endpoint <code>explode</code>`,
		`library frames</summary>`,
		"github.com/flagon-go/flagon.(*App).handle",
		`<tr><th>page</th><td>2</td></tr>`,
		`<tr><th>theme</th><td>***</td></tr>`,
		`<tr><th>Authorization</th><td>***</td></tr>`,
		`<p id=session-panel>cart=3 items</p>`,
		`<tr><th>SECRET_KEY</th><td>***</td></tr>`,
		`postgresql://app:***@db.internal/shop`,
		"goroutine ",
		`id=pin-form`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	current := regexp.MustCompile(`<span class="line current"><span class=n>\d+</span>\s+panic\(explode\(c.Param\(&#34;id&#34;\)\)\)</span>`)
	if !current.MatchString(body) {
		t.Error("the panicking source line is not highlighted")
	}
	for _, secret := range []string{secretKey, dbPassword, bearerToken} {
		if strings.Contains(body, secret) {
			t.Errorf("page shows the secret %q", secret)
		}
	}
	if strings.Contains(body, userAlice) {
		t.Error("g values shown without the PIN")
	}
	if r.Header.Get("X-Flagon-Debug-Failure") == "" {
		t.Error("no failure id header")
	}
}

func TestReturnedErrorChain(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
	r := flagontest.NewClient(t, app).Post("/error/widget",
		flagontest.Form(url.Values{"password": {typedPassword}, "qty": {"3"}}))
	body := r.Text()
	chain := regexp.MustCompile(`<code class=type>([^<]+)</code>`).FindAllStringSubmatch(body, -1)
	var types []string
	for _, m := range chain {
		types = append(types, m[1])
	}
	want := "*fmt.wrapError *debugpage_test.LookupError *errors.errorString"
	if strings.Join(types, " ") != want {
		t.Errorf("chain %v, want %s", types, want)
	}
	for _, s := range []string{
		`<h1 id=error-type>*debugpage_test.LookupError</h1>`,
		"no stack trace", "route /error/&lt;name&gt; registered here",
		`<tr><th>Table</th><td>items</td></tr>`, `<tr><th>ID</th><td>7</td></tr>`,
		`<tr><th>Password</th><td>***</td></tr>`, `<tr><th>qty</th><td>3</td></tr>`,
		`<tr><th>password</th><td>***</td></tr>`, `<tr><th>user</th><td>` + userBob + `</td></tr>`,
		`<tr><th>name</th><td>widget</td></tr>`,
	} {
		if !strings.Contains(body, s) {
			t.Errorf("page lacks %q", s)
		}
	}
	for _, secret := range []string{fieldPassword, typedPassword} {
		if strings.Contains(body, secret) {
			t.Errorf("page shows %q", secret)
		}
	}
}

func TestHTTPErrorsBelow500AreNotCaught(t *testing.T) {
	app, _ := newApp(true, debugpage.Options{})
	r := flagontest.NewClient(t, app).Get("/missing", htmlAccept)
	if r.StatusCode != 404 || strings.Contains(r.Text(), "flagon debugger") {
		t.Errorf("404: %d %q", r.StatusCode, r.Text())
	}
}
