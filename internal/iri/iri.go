// Package iri converts between IRIs (URLs with Unicode text) and URIs as
// Werkzeug's iri_to_uri and uri_to_iri do: the web layer sends redirect
// locations through ToURI and shows request URLs through ToIRI.
package iri

import (
	"strings"

	"github.com/flagon-go/flagon/internal/pct"
	"golang.org/x/net/idna"
)

// Bytes besides ASCII letters, digits and "-._~" each part keeps as is in
// ToURI (Werkzeug's safe sets: the WHATWG path-segment characters plus '%'
// for existing escapes).
const (
	pathSafe     = "%!$&'()*+,/:;=@"
	querySafe    = "%!$&'()*+,/:;=?@"
	fragmentSafe = "%!#$&'()*+,/:;=?@"
	userSafe     = "%!$&'()*+,;="
)

// ToURI converts an IRI to a URI, Werkzeug's iri_to_uri: the host is
// encoded with IDNA (http://☃.net/ gives http://xn--n3h.net/) and
// lower-cased, and the bytes of the user information, path, query and
// fragment that are not URL code points ('[', ']', spaces, quotes,
// controls, non-ASCII...) are percent-escaped; existing escapes are kept,
// so ToURI(ToURI(s)) is ToURI(s). A host IDNA rejects (where Werkzeug
// raises UnicodeError) has its non-ASCII bytes percent-escaped instead.
// Tabs and line breaks after the leading ones, which urlsplit would
// remove (making "/\r\n/evil.com" the protocol-relative "//evil.com"),
// are percent-escaped instead, so no location changes its meaning.
func ToURI(s string) string {
	p := split(escapeBreaks(s))
	p.path = quote(p.path, pathSafe)
	p.query = quote(p.query, querySafe)
	p.fragment = quote(p.fragment, fragmentSafe)
	if badBrackets(p.netloc) {
		p.netloc = escapeBadNetloc(p.netloc)
	} else if p.netloc != "" {
		a := splitAuthority(p.netloc)
		a.host = hostToASCII(a.host)
		a.user = quote(a.user, userSafe)
		a.password = quote(a.password, userSafe)
		a.port = quote(a.port, "%")
		p.netloc = joinNetloc(a)
	}
	return unsplit(p)
}

// ToIRI converts a URI to an IRI, Werkzeug's uri_to_iri: escapes of valid
// UTF-8 are decoded except those of controls, space and '%' and, per part,
// of the characters that would change the URL's meaning ('/', '?' and '#'
// in the path; '&', '=', '+' and '#' in the query; ':', '@', '/', '?' and
// '#' in the user information); escapes of invalid UTF-8 stay. An IDNA
// host is decoded (labels that do not decode stay as they are).
func ToIRI(s string) string {
	p := split(s)
	p.path = unquotePart(p.path, "/?#")
	p.query = unquotePart(p.query, "&=+#")
	p.fragment = unquotePart(p.fragment, "")
	if p.netloc != "" {
		a := splitAuthority(p.netloc)
		a.host = hostToUnicode(a.host)
		a.user = unquotePart(a.user, ":@/?#")
		a.password = unquotePart(a.password, ":@/?#")
		p.netloc = joinNetloc(a)
	}
	return unsplit(p)
}

// Quote is Python's urllib quote: the UTF-8 bytes of s that are neither
// ASCII letters, digits, "-._~" nor in safe are written as %XX.
func Quote(s, safe string) string { return quote(s, safe) }

func quote(s, safe string) string {
	return pct.Escape(s, func(c byte) bool {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~' || strings.IndexByte(safe, c) >= 0
	})
}

// hostToASCII IDNA-encodes a host with non-ASCII text.
func hostToASCII(host string) string {
	if isASCII(host) {
		return host
	}
	if ascii, err := idna.Lookup.ToASCII(host); err == nil {
		return ascii
	}
	return quote(host, "!$&'()*+,;=:%")
}

// hostToUnicode decodes the IDNA labels of an ASCII host; a label that is
// not valid IDNA stays as it is (Werkzeug's _decode_idna).
func hostToUnicode(host string) string {
	if !isASCII(host) || !strings.Contains(host, "xn--") {
		return host
	}
	labels := strings.Split(host, ".")
	for i, l := range labels {
		if !strings.HasPrefix(l, "xn--") {
			continue
		}
		u, err := idna.Lookup.ToUnicode(l)
		if err != nil {
			continue
		}
		if back, err := idna.Lookup.ToASCII(u); err == nil && back == l {
			labels[i] = u
		}
	}
	return strings.Join(labels, ".")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// CurrentURL is Werkzeug's get_current_url, which gives request.url and its
// relatives: the script root and the (decoded) path are quoted, the raw
// query quoted where it holds bytes a URL cannot, and the result is
// converted with ToIRI (so the host is lower-cased and IDNA-decoded and
// escapes of valid UTF-8 text are decoded). withPath false gives url_root,
// an empty query base_url.
func CurrentURL(scheme, host, root, path, rawQuery string, withPath bool) string {
	u := scheme + "://" + host + quote(strings.TrimRight(root, "/"), "/") + "/"
	if withPath {
		u += quote(strings.TrimLeft(path, "/"), "/")
		if rawQuery != "" {
			u += "?" + quote(rawQuery, ":&%=+$!*'(),")
		}
	}
	return ToIRI(u)
}

// breakEscaper escapes the bytes urlsplit removes from a URL.
var breakEscaper = strings.NewReplacer("\t", "%09", "\r", "%0D", "\n", "%0A")

// escapeBreaks drops the leading controls and spaces as urlsplit does and
// percent-escapes the tabs and line breaks that remain.
func escapeBreaks(s string) string {
	s = strings.TrimLeft(s, leadingJunk)
	if strings.ContainsAny(s, "\t\r\n") {
		s = breakEscaper.Replace(s)
	}
	return s
}

// escapeBadNetloc percent-escapes the square brackets, controls, spaces
// and non-ASCII bytes of a netloc that badBrackets refuses.
func escapeBadNetloc(netloc string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(netloc); i++ {
		c := netloc[i]
		if c <= ' ' || c >= 0x7f || c == '[' || c == ']' {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// badBrackets reports whether netloc has square brackets that do not
// enclose its whole host (one "[...]" after any user information,
// followed by nothing or a port), where Python's urlsplit raises "Invalid
// IPv6 URL" and Werkzeug fails. ToURI keeps such a netloc with its
// brackets escaped, so that the result is a URI that stays the same when
// converted again.
func badBrackets(netloc string) bool {
	host := netloc[strings.LastIndexByte(netloc, '@')+1:]
	if !strings.ContainsAny(netloc, "[]") {
		return false
	}
	if !strings.HasPrefix(host, "[") {
		return true
	}
	end := strings.IndexByte(host, ']')
	if end < 0 || strings.ContainsAny(host[1:end], "[") || strings.ContainsAny(host[end+1:], "[]") {
		return true
	}
	rest := host[end+1:]
	return rest != "" && rest[0] != ':' || strings.ContainsAny(netloc[:len(netloc)-len(host)], "[]")
}
