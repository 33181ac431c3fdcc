package debugpage_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/cli/debugpage"
	"github.com/flagon-go/flagon/flagontest"
)

const (
	cookieSecret = "cookie-value-77"
	queryPass    = "query-pw-88"
	queryToken   = "query-tok-99"
)

// The Request section shows cookie names only until the PIN is entered;
// the values are in the captured values, behind the PIN.
func TestCookieValuesOnlyWithPIN(t *testing.T) {
	app, d := newApp(true, debugpage.Options{PIN: testPIN})
	c := flagontest.NewClient(t, app)
	c.Jar.SetCookies(c.BaseURL, []*http.Cookie{{Name: "theme", Value: cookieSecret}})
	id := fail(t, c)
	page := c.Get("/__flagon__/failure/" + id).Text()
	if strings.Contains(page, cookieSecret) || !strings.Contains(page, `<tr><th>theme</th><td>***</td></tr>`) {
		t.Errorf("cookie value shown before the PIN")
	}
	enter(c, id, testPIN)
	page = c.Get("/__flagon__/failure/" + id).Text()
	if !strings.Contains(page, `<tr><th>theme</th><td>`+cookieSecret+`</td></tr>`) {
		t.Errorf("cookie value not shown with the PIN")
	}
	if strings.Contains(page, `<tr><th>`+d.CookieName()+`</th><td>1`) {
		t.Errorf("the PIN cookie's value is shown")
	}
}

// A secret-named query value is masked in the URL line, the traceback and
// the Referer header, as it is in the query table.
func TestSecretQueryValuesMasked(t *testing.T) {
	tests := []struct {
		name, query, want string
	}{
		{"password", "?password=" + queryPass + "&page=2", "/panic/3?password=***&amp;page=2"},
		{"escaped name", "?api%5Ftoken=" + queryToken, "/panic/3?api%5Ftoken=***"},
		{"semicolon", "?a=1;db_password=" + queryPass, "/panic/3?a=1;db_password=***"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, _ := newApp(true, debugpage.Options{PIN: debugpage.PINOff})
			c := flagontest.NewClient(t, app)
			r := c.Get("/panic/3"+tt.query, htmlAccept,
				flagontest.Header("Referer", "http://localhost/login"+tt.query))
			page := r.Text()
			for _, secret := range []string{queryPass, queryToken} {
				if strings.Contains(page, secret) {
					t.Errorf("page shows %q", secret)
				}
			}
			if n := strings.Count(page, tt.want); n < 2 {
				t.Errorf("%q appears %d times (URL line and traceback)", tt.want, n)
			}
		})
	}
}
