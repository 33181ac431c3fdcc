package routing

import (
	"errors"
	"fmt"
	"net/url"
	"slices"
)

// A tree is the decision tree of the rules of one subdomain.
type tree struct {
	root   node
	static staticIndex // the leaves of fully static rules by path (fast path)
}

// A hostTree holds the rules of one subdomain pattern: static text
// ("api") or a variable with optional affixes ("<user>", "<user>-eu").
type hostTree struct {
	tree
	key string
	sub segment
}

// parseSubdomain parses a rule's subdomain pattern as one segment.
func parseSubdomain(sub string, convs map[string]ConverterFactory) (segment, error) {
	segs, err := parseRule("/"+sub, convs)
	if err != nil {
		return segment{}, err
	}
	if len(segs) != 1 || segs[0].path || len(segs[0].more) > 0 {
		return segment{}, fmt.Errorf("routing: subdomain %q must be static text or one variable", sub)
	}
	return segs[0], nil
}

// hostTree returns the tree of r's subdomain (or host), creating it:
// static patterns come first, then variables with more static text around
// them (Werkzeug weighs static parts higher), then in registration order.
func (m *Map) hostTree(r *Rule) *hostTree {
	key := r.subSeg.text
	if !r.subSeg.static() {
		key = r.subSeg.key()
	}
	for _, h := range m.hosts {
		if h.key == key && h.sub.static() == r.subSeg.static() {
			return h
		}
	}
	h := &hostTree{key: key, sub: r.subSeg}
	at := 0
	for at < len(m.hosts) && !h.before(m.hosts[at]) {
		at++
	}
	m.hosts = slices.Insert(m.hosts, at, h)
	return h
}

// before reports whether h is tried before o.
func (h *hostTree) before(o *hostTree) bool {
	if h.sub.static() != o.sub.static() {
		return h.sub.static()
	}
	if h.sub.static() {
		return false
	}
	return len(h.sub.prefix)+len(h.sub.suffix) > len(o.sub.prefix)+len(o.sub.suffix)
}

// match reports whether subdomain fits the pattern, pushing its value.
func (h *hostTree) match(subdomain string, p *Params) bool {
	if h.sub.static() {
		return subdomain == h.sub.text
	}
	e := dynEdge{prefix: h.sub.prefix, suffix: h.sub.suffix, conv: h.sub.conv}
	v, ok := e.match(subdomain)
	if ok {
		p.push(v)
	}
	return ok
}

// MatchSubdomain is Match for a request whose host has the given
// subdomain (the part before the server name, "" for none), Werkzeug's
// subdomain matching: rules without Subdomain match only requests without
// one, and a variable subdomain ("<user>") is a value of the match, before
// the path's.
func (m *Map) MatchSubdomain(method, subdomain, path string, p *Params) (*Rule, error) {
	return m.matchDomain(method, subdomain, path, p)
}

// MatchHost is Match for a Map with HostMatching: only the rules whose
// Host fits host (lower-cased, with the port the request carries) are
// tried, and a variable of the host is a value of the match, before the
// path's. Rules without a Host match only an empty host, as in Werkzeug.
func (m *Map) MatchHost(method, host, path string, p *Params) (*Rule, error) {
	return m.matchDomain(method, host, path, p)
}

// matchDomain matches path among the rules of the subdomain or host d.
func (m *Map) matchDomain(method, d, path string, p *Params) (*Rule, error) {
	if d == "" {
		return m.Match(method, path, p)
	}
	if p == nil {
		p = new(Params)
	}
	var best error = ErrNotFound
	for _, h := range m.hosts {
		p.Reset()
		if !h.match(d, p) {
			continue
		}
		if path != "" && path[0] != '/' {
			break
		}
		r, err := m.matchIn(&h.tree, method, path, p)
		switch {
		case err == nil:
			return r, nil
		case errors.Is(err, ErrNotFound):
		case isMethodNotAllowed(err):
			if best == ErrNotFound {
				best = err
			}
		default:
			return r, err
		}
	}
	p.Reset()
	return nil, best
}

// isMethodNotAllowed reports whether err is a *MethodNotAllowedError. It
// is apart from matchDomain because the target of errors.As escapes: a
// successful match must not pay for its allocation.
func isMethodNotAllowed(err error) bool {
	var notAllowed *MethodNotAllowedError
	return errors.As(err, &notAllowed)
}

// BuildSubdomain is Build that also returns the subdomain of the rule used
// ("" for rules without one), with its variable filled from values.
func (m *Map) BuildSubdomain(endpoint string, values map[string]any, method string) (string, string, url.Values, error) {
	return m.buildDomain(endpoint, values, method)
}

// BuildHost is Build for a Map with HostMatching that also returns the
// host of the rule used ("" for rules without one), with its variable
// filled from values.
func (m *Map) BuildHost(endpoint string, values map[string]any, method string) (host, path string, query url.Values, err error) {
	return m.buildDomain(endpoint, values, method)
}

// buildDomain builds endpoint and the subdomain or host of the rule used.
func (m *Map) buildDomain(endpoint string, values map[string]any, method string) (string, string, url.Values, error) {
	path, query, r, err := m.build(endpoint, values, method)
	if err != nil || r.domain == "" {
		return "", path, query, err
	}
	d, f := r.buildDomainText(values)
	if f.rank != 0 {
		return "", "", nil, &BuildError{Endpoint: endpoint, Values: values, Method: method, Reason: f.reason}
	}
	return d, path, query, nil
}

// buildDomainText renders r's subdomain or host from values.
func (r *Rule) buildDomainText(values map[string]any) (string, buildFailure) {
	if r.domain == "" || r.subSeg.static() {
		return r.subSeg.text, buildFailure{}
	}
	text, f := r.buildVar(r.subSeg.text, r.subSeg.conv, values)
	if f.rank != 0 {
		return "", f
	}
	return escapePath(r.subSeg.prefix, false) + escapePath(text, false) + escapePath(r.subSeg.suffix, false), buildFailure{}
}
