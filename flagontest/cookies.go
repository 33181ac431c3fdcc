package flagontest

import (
	"net/http"
	"net/url"
	"strings"
)

// cookieURL is u as the jar is asked for the cookies to send: with the
// https scheme, so that Secure cookies are sent over plain http too, as
// Werkzeug's test client does (it matches cookies on domain and path
// only), and an app with SESSION_COOKIE_SECURE keeps its session in tests.
func cookieURL(u *url.URL) *url.URL {
	if u.Scheme == "https" {
		return u
	}
	secure := *u
	secure.Scheme = "https"
	return &secure
}

// responseCookies returns the cookies of the Set-Cookie headers. Unlike
// http.Response.Cookies it keeps a cookie whose value net/http rejects
// but Werkzeug and browsers accept (a quoted value with backslash
// escapes, `"f\303\266"`, as Werkzeug's dump_cookie and flagon's
// SetCookie write it): its value is kept as sent, quotes included.
func responseCookies(h http.Header) []*http.Cookie {
	var out []*http.Cookie
	for _, line := range h["Set-Cookie"] {
		if ck, err := http.ParseSetCookie(line); err == nil {
			out = append(out, ck)
			continue
		}
		pair, attrs, _ := strings.Cut(line, ";")
		name, value, ok := strings.Cut(pair, "=")
		if !ok {
			continue
		}
		ck, err := http.ParseSetCookie(name + "=x;" + attrs)
		if err != nil {
			continue
		}
		ck.Value, ck.Quoted = strings.TrimSpace(value), false
		out = append(out, ck)
	}
	return out
}

// addCookies adds cookies to the request's Cookie header with their
// values as stored, as Werkzeug's client sends them (http.Request's
// AddCookie would drop the bytes of a quoted value it does not accept).
func addCookies(req *http.Request, cookies []*http.Cookie) {
	if len(cookies) == 0 {
		return
	}
	parts := make([]string, 0, len(cookies)+1)
	if prev := req.Header.Get("Cookie"); prev != "" {
		parts = append(parts, prev)
	}
	for _, ck := range cookies {
		v := ck.Value
		if ck.Quoted {
			v = `"` + v + `"`
		}
		parts = append(parts, ck.Name+"="+v)
	}
	req.Header.Set("Cookie", strings.Join(parts, "; "))
}
