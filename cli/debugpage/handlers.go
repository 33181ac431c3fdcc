package debugpage

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// consoleTimeout bounds a console query.
const consoleTimeout = 10 * time.Second

// Middleware serves the debugger's pages under Prefix: the stored failure
// pages, the PIN form and the console. Other requests, and every request
// while the page may not be shown, go to next.
func (d *Debugger) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest, ok := strings.CutPrefix(r.URL.Path, Prefix)
		if !ok || !d.app.Debug() {
			next.ServeHTTP(w, r)
			return
		}
		if !d.allowed(r) {
			// Werkzeug's SecurityError for the debugger's commands.
			http.Error(w, "debugpage: Host "+strconv.Quote(r.Host)+
				" is not trusted (DEBUGGER_TRUSTED_HOSTS)", http.StatusBadRequest)
			return
		}
		if r.Method == http.MethodPost && !sameOrigin(r) {
			http.Error(w, "debugpage: cross-origin request refused", http.StatusForbidden)
			return
		}
		switch {
		case r.Method == http.MethodGet && strings.HasPrefix(rest, "failure/"):
			d.showFailure(w, r, strings.TrimPrefix(rest, "failure/"))
		case r.Method == http.MethodPost && rest == "pin":
			d.enterPIN(w, r)
		case r.Method == http.MethodPost && rest == "console":
			d.runConsole(w, r)
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// failureOf finds the failure a request names, answering 404 itself.
func (d *Debugger) failureOf(w http.ResponseWriter, id string) (*failure, bool) {
	f, ok := d.store.get(id)
	if !ok {
		http.Error(w, "debugpage: no such failure (the server may have restarted)", http.StatusNotFound)
	}
	return f, ok
}

func (d *Debugger) showFailure(w http.ResponseWriter, r *http.Request, id string) {
	if f, ok := d.failureOf(w, id); ok {
		d.render(w, r, f, http.StatusOK, pageState{})
	}
}

// enterPIN is Werkzeug's pin_auth: with the PIN off, or a valid PIN
// cookie, the request is let in (and the cookie renewed) without a typed
// PIN; a PIN cookie with a wrong signature counts as a failed attempt
// (and is removed) without looking at the typed PIN; a locked debugger
// refuses; otherwise the typed PIN, which must be sent, is checked. On
// success it sets the PIN cookie and redirects to the failure page;
// otherwise it shows the page again.
func (d *Debugger) enterPIN(w http.ResponseWriter, r *http.Request) {
	f, ok := d.failureOf(w, r.PostFormValue("failure"))
	if !ok {
		return
	}
	if d.pin == PINOff {
		d.acceptPIN(w, r, f)
		return
	}
	switch d.pinTrust(r) {
	case cookieValid:
		d.acceptPIN(w, r, f)
		return
	case cookieForged:
		left := d.countFailure(r.Context())
		http.SetCookie(w, &http.Cookie{Name: d.cookieName, Path: "/", MaxAge: -1})
		d.render(w, r, f, http.StatusForbidden, pageState{Message: fmt.Sprintf("Wrong PIN: %d attempt(s) left.", max(left, 0))})
		return
	}
	if d.locked() {
		d.render(w, r, f, http.StatusForbidden, pageState{Locked: true})
		return
	}
	if _, sent := r.PostForm["pin"]; !sent {
		http.Error(w, `debugpage: the form has no "pin" field`, http.StatusBadRequest)
		return
	}
	res, left := d.checkPIN(r.Context(), r.PostFormValue("pin"))
	switch res {
	case pinAccepted:
		d.acceptPIN(w, r, f)
	case pinLocked:
		d.render(w, r, f, http.StatusForbidden, pageState{Locked: true})
	default:
		msg := fmt.Sprintf("Wrong PIN: %d attempt(s) left.", left)
		d.render(w, r, f, http.StatusForbidden, pageState{Message: msg})
	}
}

// acceptPIN sets the PIN cookie and redirects to f's page.
func (d *Debugger) acceptPIN(w http.ResponseWriter, r *http.Request, f *failure) {
	http.SetCookie(w, d.pinCookieFor(r, time.Now()))
	http.Redirect(w, r, Prefix+"failure/"+f.ID, http.StatusSeeOther)
}

// runConsole runs a read-only query once the PIN was entered.
func (d *Debugger) runConsole(w http.ResponseWriter, r *http.Request) {
	f, ok := d.failureOf(w, r.PostFormValue("failure"))
	if !ok {
		return
	}
	if !d.unlocked(r) {
		d.render(w, r, f, http.StatusForbidden, pageState{Message: "Enter the PIN first."})
		return
	}
	name, q := r.PostFormValue("console"), r.PostFormValue("sql")
	res := &consoleResult{Name: name, SQL: q}
	c, ok := registryOf(d.app).console(name)
	if !ok {
		res.Err = fmt.Sprintf("no console named %q", name)
	} else {
		ctx, cancel := context.WithTimeout(r.Context(), consoleTimeout)
		defer cancel()
		cols, rows, err := c.Query(ctx, q)
		res.Columns, res.Rows = cols, rows
		if err != nil {
			res.Err = err.Error()
		}
	}
	d.render(w, r, f, http.StatusOK, pageState{Console: res})
}

// sameOrigin reports whether a POST comes from the debug page itself: no
// Origin header (old browsers, tests), or one naming the request's host.
func sameOrigin(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && strings.EqualFold(u.Host, r.Host)
}
