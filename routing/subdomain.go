package routing

import (
	"errors"
	"fmt"
	"net/url"
)

// A tree is the decision tree of the rules of one subdomain.
type tree struct {
	root   node
	static map[string]*node // fully static rules by path (fast path)
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

// hostTree returns the tree of r's subdomain, creating it; static
// subdomains come before variable ones.
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
	h := &hostTree{tree: tree{static: map[string]*node{}}, key: key, sub: r.subSeg}
	at := len(m.hosts)
	if h.sub.static() {
		at = 0
	}
	m.hosts = append(m.hosts, nil)
	copy(m.hosts[at+1:], m.hosts[at:])
	m.hosts[at] = h
	return h
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
	if subdomain == "" {
		return m.Match(method, path, p)
	}
	if p == nil {
		p = new(Params)
	}
	var best error = ErrNotFound
	for _, h := range m.hosts {
		p.Reset()
		if !h.match(subdomain, p) {
			continue
		}
		if path == "" || path[0] != '/' {
			break
		}
		r, err := m.matchIn(&h.tree, method, path, p)
		var notAllowed *MethodNotAllowedError
		switch {
		case errors.Is(err, ErrNotFound):
		case errors.As(err, &notAllowed):
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

// BuildSubdomain is Build that also returns the subdomain of the rule used
// ("" for rules without one), with its variable filled from values.
func (m *Map) BuildSubdomain(endpoint string, values map[string]any, method string) (string, string, url.Values, error) {
	path, query, r, err := m.build(endpoint, values, method)
	if err != nil || r.Subdomain == "" {
		return "", path, query, err
	}
	if r.subSeg.static() {
		return r.subSeg.text, path, query, nil
	}
	text, f := r.buildVar(r.subSeg.text, r.subSeg.conv, values)
	if f.rank != 0 {
		return "", "", nil, &BuildError{Endpoint: endpoint, Values: values, Method: method, Reason: f.reason}
	}
	return escapePath(r.subSeg.prefix, false) + escapePath(text, false) + escapePath(r.subSeg.suffix, false), path, query, nil
}
