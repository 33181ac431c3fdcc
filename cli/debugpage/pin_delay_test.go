package debugpage_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/flagon-go/flagon/cli/debugpage"
	"github.com/flagon-go/flagon/flagontest"
)

// delays records the waits after failed PINs instead of sleeping.
type delays struct {
	mu  sync.Mutex
	got []time.Duration
}

func (d *delays) sleep(_ context.Context, t time.Duration) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.got = append(d.got, t)
}

func (d *delays) take() []time.Duration {
	d.mu.Lock()
	defer d.mu.Unlock()
	got := d.got
	d.got = nil
	return got
}

// recordingApp is newApp with the PIN delays recorded.
func recordingApp(t *testing.T) (*flagontest.Client, *delays, *debugpage.Debugger) {
	app, d := newApp(true, debugpage.Options{PIN: testPIN})
	rec := &delays{}
	debugpage.SetSleep(d, rec.sleep)
	return flagontest.NewClient(t, app), rec, d
}

func repeat(d time.Duration, n int) []time.Duration {
	out := make([]time.Duration, n)
	for i := range out {
		out[i] = d
	}
	return out
}

// TestFailPinAuthDelays follows Werkzeug's _fail_pin_auth, which waits 0.5 s after each of
// the first six failures and 5 s after the later ones; a locked debugger
// answers at once.
func TestFailPinAuthDelays(t *testing.T) {
	c, rec, _ := recordingApp(t)
	id := fail(t, c)
	for range debugpage.MaxPINAttempts {
		enter(c, id, "000-000-000")
	}
	want := append(repeat(500*time.Millisecond, 6), repeat(5*time.Second, 4)...)
	if got := rec.take(); !slices.Equal(got, want) {
		t.Fatalf("delays %v, want %v", got, want)
	}
	if r := enter(c, id, "000-000-000"); !strings.Contains(r.Text(), pinLockedTag) {
		t.Fatalf("not locked after %d failures", debugpage.MaxPINAttempts)
	}
	if got := rec.take(); len(got) != 0 {
		t.Errorf("a locked debugger waited %v", got)
	}
}

// TestPinAuthResetsFailures follows Werkzeug's pin_auth: a correct PIN
// sets the failure count back to 0, so the delays and the lockout start over.
func TestPinAuthResetsFailures(t *testing.T) {
	c, rec, d := recordingApp(t)
	id := fail(t, c)
	for range debugpage.MaxPINAttempts - 1 {
		enter(c, id, "000-000-000")
	}
	if r := enter(c, id, testPIN); r.StatusCode != http.StatusSeeOther {
		t.Fatalf("right PIN after 9 failures: %d", r.StatusCode)
	}
	rec.take()
	c.Jar.SetCookies(c.BaseURL, []*http.Cookie{{Name: d.CookieName(), MaxAge: -1}})
	for i := range debugpage.MaxPINAttempts - 1 {
		if r := enter(c, id, "000-000-000"); strings.Contains(r.Text(), pinLockedTag) {
			t.Fatalf("locked after %d failures following a correct PIN", i+1)
		}
	}
	if got := rec.take(); got[0] != 500*time.Millisecond || got[6] != 5*time.Second {
		t.Errorf("delays after the reset: %v", got)
	}
}

// TestPinAuthBadCookie follows Werkzeug's pin_auth (check_pin_trust
// returning None): a PIN cookie with a wrong signature counts as a failure, is removed, and does not let the typed PIN in.
func TestPinAuthBadCookie(t *testing.T) {
	c, rec, d := recordingApp(t)
	id := fail(t, c)
	c.Jar.SetCookies(c.BaseURL, []*http.Cookie{{Name: d.CookieName(), Value: "1900000000|00ff", Path: "/"}})
	r := enter(c, id, testPIN)
	if r.StatusCode != http.StatusForbidden || !strings.Contains(r.Text(), "Wrong PIN: 9 attempt(s) left.") {
		t.Fatalf("forged cookie: %d", r.StatusCode)
	}
	if got := rec.take(); len(got) != 1 {
		t.Errorf("delays %v, want one", got)
	}
	if ck := r.Cookies(); len(ck) != 1 || ck[0].MaxAge >= 0 {
		t.Errorf("the forged cookie is not removed: %v", ck)
	}
	if r := enter(c, id, testPIN); r.StatusCode != http.StatusSeeOther {
		t.Errorf("right PIN once the cookie is gone: %d", r.StatusCode)
	}
}
