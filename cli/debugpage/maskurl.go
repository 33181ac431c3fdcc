package debugpage

import (
	"net/url"
	"strings"

	"github.com/flagon-go/flagon/config"
)

// maskedURL returns u as a string with the value of every query argument
// whose name looks secret (config.IsSecretKey: password, token, key...)
// replaced by config.Mask, and the password of its user info masked, as
// the query table shows them. The URL line and the traceback use it.
func maskedURL(u *url.URL) string {
	m := *u
	if m.User != nil {
		if _, ok := m.User.Password(); ok {
			m.User = url.UserPassword(m.User.Username(), config.Mask)
		}
	}
	m.RawQuery = maskedQuery(m.RawQuery)
	return m.String()
}

// maskedURLString is maskedURL for a header value; a value that does not
// parse is kept when it has no query, and cut at its "?" otherwise.
func maskedURLString(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		before, _, _ := strings.Cut(s, "?")
		return before
	}
	return maskedURL(u)
}

// maskedQuery masks the secret-named values of a raw query, keeping the
// order and the escaping of everything else. Pairs are split at "&" and
// at ";" (which some servers still accept), so "a=1;password=x" is masked
// too.
func maskedQuery(raw string) string {
	var b strings.Builder
	for raw != "" {
		i := strings.IndexAny(raw, "&;")
		pair, sep := raw, ""
		if i >= 0 {
			pair, sep, raw = raw[:i], raw[i:i+1], raw[i+1:]
		} else {
			raw = ""
		}
		b.WriteString(maskedPair(pair) + sep)
	}
	return b.String()
}

// maskedPair masks the value of one "name=value" pair with a secret name.
func maskedPair(pair string) string {
	k, _, hasValue := strings.Cut(pair, "=")
	name, err := url.QueryUnescape(k)
	if err != nil {
		name = k
	}
	if hasValue && config.IsSecretKey(name) {
		return k + "=" + config.Mask
	}
	return pair
}
