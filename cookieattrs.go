package flagon

import (
	"net/http"
	"strings"
	"time"

	"github.com/flagon-go/flagon/internal/iri"
	"golang.org/x/net/idna"
)

// cookieAttrs returns a copy of cookie with its attributes as Werkzeug's
// dump_cookie would send them: the path defaults to "/" and is
// percent-escaped ("/a b;c" gives "/a%20b%3Bc"); the domain loses a port
// and leading dots and a non-ASCII one is IDNA-encoded ("☃.com" gives
// "xn--n3h.com"); Partitioned implies Secure; a Max-Age without Expires
// gets the matching Expires (sync_expires).
func cookieAttrs(cookie *http.Cookie, now time.Time) http.Cookie {
	c := *cookie
	if c.Path == "" {
		c.Path = "/" // Werkzeug's set_cookie(path="/")
	}
	c.Path = iri.Quote(c.Path, "%!$&'()*+,/:=@")
	if c.Domain != "" {
		c.Domain = cookieDomain(c.Domain)
	}
	if c.Partitioned {
		c.Secure = true
	}
	if c.MaxAge != 0 && c.Expires.IsZero() {
		age := time.Duration(max(c.MaxAge, 0)) * time.Second
		c.Expires = now.Add(age)
	}
	return c
}

// cookieDomain is dump_cookie's domain.partition(":")[0].lstrip(".")
// encoded with IDNA; a domain IDNA rejects is kept for net/http to judge.
func cookieDomain(d string) string {
	d, _, _ = strings.Cut(d, ":")
	d = strings.TrimLeft(d, ".")
	for i := 0; i < len(d); i++ {
		if d[i] >= 0x80 {
			if ascii, err := idna.Lookup.ToASCII(d); err == nil {
				return ascii
			}
			break
		}
	}
	return d
}
