package iri

import (
	"strconv"
	"strings"
)

// parts are the components of a URL as Python's urlsplit gives them.
type parts struct {
	scheme, netloc, path, query, fragment string
}

// leadingJunk are the bytes urlsplit strips from the start of a URL: the
// C0 controls and space.
const leadingJunk = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f" +
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "

// split is Python's urlsplit: leading controls and spaces are dropped, tabs
// and newlines removed, the scheme lower-cased; the netloc is what follows
// "//" up to the first '/', '?' or '#'.
func split(s string) parts {
	s = strings.TrimLeft(s, leadingJunk)
	if strings.ContainsAny(s, "\t\r\n") {
		s = strings.NewReplacer("\t", "", "\r", "", "\n", "").Replace(s)
	}
	var p parts
	if i := strings.IndexByte(s, ':'); i > 0 && isSchemeText(s[:i]) {
		p.scheme, s = strings.ToLower(s[:i]), s[i+1:]
	}
	if strings.HasPrefix(s, "//") {
		end := len(s)
		if j := strings.IndexAny(s[2:], "/?#"); j >= 0 {
			end = 2 + j
		}
		p.netloc, s = s[2:end], s[end:]
	}
	s, p.fragment, _ = strings.Cut(s, "#")
	p.path, p.query, _ = strings.Cut(s, "?")
	return p
}

// isSchemeText reports whether s is a scheme: an ASCII letter, then
// letters, digits, '+', '-' and '.'.
func isSchemeText(s string) bool {
	if !isAlpha(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !isAlpha(c) && !('0' <= c && c <= '9') && c != '+' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

func isAlpha(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// authority is a netloc taken apart as urlsplit's username, password,
// hostname and port attributes: hostname lower-cased (up to an IPv6 zone)
// and without brackets, port normalized ("080" is "80", "" and "0"
// dropped, as Werkzeug's `if parts.port`).
type authority struct {
	user, password, host, port string
}

func splitAuthority(netloc string) authority {
	var a authority
	info, hostport := "", netloc
	if i := strings.LastIndexByte(netloc, '@'); i >= 0 {
		info, hostport = netloc[:i], netloc[i+1:]
		a.user, a.password, _ = strings.Cut(info, ":")
	}
	var port string
	if _, bracketed, ok := strings.Cut(hostport, "["); ok {
		var rest string
		a.host, rest, _ = strings.Cut(bracketed, "]")
		_, port, _ = strings.Cut(rest, ":")
	} else {
		a.host, port, _ = strings.Cut(hostport, ":")
	}
	host, zone, hasZone := strings.Cut(a.host, "%")
	a.host = strings.ToLower(host)
	if hasZone {
		a.host += "%" + zone
	}
	a.port = normPort(port)
	return a
}

// normPort renders a port as Python's int would; a port that is not a
// number in [0, 65535] (where Python raises ValueError) is kept as given.
func normPort(port string) string {
	n, err := strconv.ParseUint(port, 10, 16)
	switch {
	case port == "":
		return ""
	case err != nil || port[0] == '+':
		return port
	case n == 0:
		return ""
	}
	return strconv.FormatUint(n, 10)
}

// joinNetloc builds the netloc from its parts as Werkzeug's iri_to_uri and
// uri_to_iri do: an IPv6 host is bracketed, an empty user drops the user
// information, an empty password its colon.
func joinNetloc(a authority) string {
	netloc := a.host
	if strings.Contains(netloc, ":") {
		netloc = "[" + netloc + "]"
	}
	if a.port != "" {
		netloc += ":" + a.port
	}
	if a.user != "" {
		auth := a.user
		if a.password != "" {
			auth += ":" + a.password
		}
		netloc = auth + "@" + netloc
	}
	return netloc
}

// usesNetloc are the schemes for which Python's urlunsplit writes "//"
// even without a netloc (urllib.parse.uses_netloc, with Werkzeug's
// itms-services).
var usesNetloc = map[string]bool{
	"ftp": true, "http": true, "gopher": true, "nntp": true, "telnet": true,
	"imap": true, "wais": true, "file": true, "mms": true, "https": true,
	"shttp": true, "snews": true, "prospero": true, "rtsp": true,
	"rtspu": true, "rsync": true, "svn": true, "svn+ssh": true, "sftp": true,
	"nfs": true, "git": true, "git+ssh": true, "ws": true, "wss": true,
	"itms-services": true,
}

// unsplit is Python's urlunsplit: an empty query or fragment is dropped.
// A path that starts with "//" and has no netloc keeps an empty "//"
// authority before it, as CPython's fix of gh-67693 does, so that
// splitting the result again gives the same path (Python 3.11 turns
// "//////" into "////", then "//", then "").
func unsplit(p parts) string {
	u := p.path
	switch {
	case p.netloc != "" || p.scheme != "" && usesNetloc[p.scheme] && !strings.HasPrefix(u, "//"):
		if u != "" && u[0] != '/' {
			u = "/" + u
		}
		u = "//" + p.netloc + u
	case strings.HasPrefix(u, "//"):
		u = "//" + u
	}
	if p.scheme != "" {
		u = p.scheme + ":" + u
	}
	if p.query != "" {
		u += "?" + p.query
	}
	if p.fragment != "" {
		u += "#" + p.fragment
	}
	return u
}
