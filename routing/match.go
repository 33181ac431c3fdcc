package routing

import (
	"errors"
	"sort"
	"strings"
)

// Match outcomes besides a rule, OR-ed while backtracking.
const (
	stMethod   uint8 = 1 << iota // a rule matched the path but not the method
	stRedirect                   // a strict-slashes rule matches the path plus '/'
)

// Match finds the rule for a request method and an already-decoded path
// (r.URL.Path, not cleaned here) and stores the variable values in p.
//
// It returns ErrNotFound when no rule matches the path, a
// *MethodNotAllowedError when rules match the path but not the method, a
// *RedirectError when the path lacks the trailing slash of a strict-slashes
// rule or when the path matches only once its repeated slashes are merged
// (Werkzeug's merge_slashes), and, for an OPTIONS request served by an
// automatic OPTIONS method, the rule together with an *OptionsError. A
// successful match with at most eight variables allocates nothing.
func (m *Map) Match(method, path string, p *Params) (*Rule, error) {
	r, err := m.match(method, path, p)
	if err == nil || !strings.Contains(path, "//") {
		return r, err
	}
	var redirect *RedirectError
	if errors.As(err, &redirect) {
		return r, err
	}
	if merged := m.mergedRedirect(method, path, p); merged != nil {
		return nil, merged
	}
	return r, err
}

// mergedRedirect matches path with its repeated slashes merged and returns
// the redirect to the merged path when a rule that merges slashes matches
// it (or to the merged path plus '/' when a strict-slashes rule would),
// as Werkzeug does when the path as sent matches nothing; otherwise nil.
func (m *Map) mergedRedirect(method, path string, p *Params) *RedirectError {
	merged := mergeSlashes(path)
	r, err := m.match(method, merged, p)
	p.Reset()
	var redirect *RedirectError
	switch {
	case errors.As(err, &redirect):
		return &RedirectError{Location: slashRedirect(merged), Code: redirect.Code}
	case r != nil && !r.NoMergeSlashes:
		return &RedirectError{Location: quotePath(merged), Code: 308}
	}
	return nil
}

// mergeSlashes replaces each run of slashes in path by one.
func mergeSlashes(path string) string {
	var b strings.Builder
	b.Grow(len(path))
	for i := 0; i < len(path); i++ {
		if path[i] == '/' && i > 0 && path[i-1] == '/' {
			continue
		}
		b.WriteByte(path[i])
	}
	return b.String()
}

// match is Match without the merged-slashes retry.
func (m *Map) match(method, path string, p *Params) (*Rule, error) {
	if p == nil {
		p = new(Params)
	}
	p.Reset()
	return m.matchIn(&m.main, method, path, p)
}

// matchIn matches path in tree t, after any values p already holds (those
// of a subdomain).
func (m *Map) matchIn(t *tree, method, path string, p *Params) (*Rule, error) {
	if path != "" && (path[0] != '/' || len(path) > 1 && path[1] == '/') {
		// Werkzeug matches "/" + path_info.lstrip("/"): leading slashes
		// are merged without a redirect, and a path without one ("foo")
		// is matched as "/foo".
		path = "/" + strings.TrimLeft(path, "/")
	}
	if n := t.static.get(path); n != nil {
		if r := firstFor(n.rules, method); r != nil {
			p.rule = r
			if len(r.defaultRedirects) > 0 || r.Alias || r.redirects {
				if err := m.canonicalRedirect(r, method, p); err != nil {
					return nil, err
				}
			}
			return r, nil
		}
	}
	if path == "" {
		return m.emptyPath(t, method, p)
	}
	mt := matcher{method: method, p: p}
	r, st := mt.walk(&t.root, path[1:], false)
	return m.outcome(t, r, st, method, path, p)
}

// emptyPath matches an empty path (a request for the script root
// without its slash) as Werkzeug does: as "/" when the rule answering "/"
// has lax slashes, else as a strict-slashes redirect to "/"; a path no
// rule for "/" answers is not found.
func (m *Map) emptyPath(t *tree, method string, p *Params) (*Rule, error) {
	n := p.n
	r, err := m.matchIn(t, method, "/", p)
	switch {
	case err != nil:
		return nil, ErrNotFound
	case r.StrictSlashes:
		p.n = n
		return nil, &RedirectError{Location: "/", Code: 308}
	}
	return r, nil
}

// outcome turns the result of a walk in t into Match's results.
func (m *Map) outcome(t *tree, r *Rule, st uint8, method, path string, p *Params) (*Rule, error) {
	switch {
	case r != nil:
		p.rule = r
		if method == "OPTIONS" && r.autoOptions {
			return r, &OptionsError{Allow: t.allowed(path)}
		}
		if len(r.defaultRedirects) > 0 || r.Alias || r.redirects {
			if err := m.canonicalRedirect(r, method, p); err != nil {
				return nil, err
			}
		}
		return r, nil
	case st&stRedirect != 0:
		return nil, &RedirectError{Location: slashRedirect(path), Code: 308}
	case st&stMethod != 0:
		return nil, &MethodNotAllowedError{Allow: t.allowed(path)}
	}
	return nil, ErrNotFound
}

// canonicalRedirect returns the redirect of a match of an alias rule to the
// endpoint's URL for the matched values (Werkzeug's alias redirect), or of
// a match another rule provides defaults for (defaultRedirect).
func (m *Map) canonicalRedirect(r *Rule, method string, p *Params) error {
	if r.redirects {
		return r.targetRedirect(p)
	}
	if !r.Alias {
		return m.defaultRedirect(r, method, p)
	}
	values, err := p.Values()
	if err != nil {
		return nil
	}
	for _, c := range m.byEndpoint[r.Endpoint] {
		if c.Alias {
			continue
		}
		if path, f := c.build(values, method); f.rank == 0 {
			return redirectTo(r, c, path, values)
		}
	}
	return nil
}

// defaultRedirect returns the redirect to the canonical URL when a rule of
// r's endpoint provides defaults equal to the matched values, Werkzeug's
// redirect_defaults; nil otherwise. Callers skip it for rules no other rule
// provides defaults for, so those matches allocate nothing.
func (m *Map) defaultRedirect(r *Rule, method string, p *Params) error {
	values, err := p.Values()
	if err != nil {
		return nil
	}
	for _, d := range r.defaultRedirects {
		if !d.methods.has(method) || !d.defaultsAgree(values) {
			continue
		}
		if path, f := d.build(values, ""); f.rank == 0 {
			return redirectTo(r, d, path, values)
		}
	}
	return nil
}

// redirectTo returns the redirect from a match of r to path, the URL of
// rule to built from values, naming to's subdomain or host when it is
// not r's.
func redirectTo(r, to *Rule, path string, values map[string]any) error {
	e := &RedirectError{Location: path, Code: 308}
	if to.domain != r.domain {
		d, f := to.buildDomainText(values)
		if f.rank != 0 {
			return nil
		}
		e.OtherDomain, e.Domain = true, d
	}
	return e
}

// slashRedirect returns the percent-escaped location of the strict-slashes
// redirect for the decoded path, as Werkzeug quotes it: '?', '#', backslash,
// '%', spaces and non-ASCII bytes are escaped, and leading slashes are
// merged into one, so the location is always a path on this host and never
// a scheme-relative URL (//host) or one whose query or fragment came from
// the path.
func slashRedirect(path string) string {
	return quotePath(path) + "/"
}

// quotePath percent-escapes a decoded path for a Location header, with one
// leading slash (see slashRedirect).
func quotePath(path string) string {
	return "/" + escapePath(strings.TrimLeft(path, "/"), true)
}

// allowed returns the sorted union of the methods of every rule of t
// matching path, whatever the method.
func (t *tree) allowed(path string) []string {
	mt := matcher{p: new(Params), acc: map[string]bool{}}
	mt.walk(&t.root, path[1:], false)
	out := make([]string, 0, len(mt.acc))
	for k := range mt.acc {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// A matcher carries one match through the tree. With acc set it collects
// the methods of every rule matching the path instead of stopping at one.
type matcher struct {
	method string
	p      *Params
	acc    map[string]bool
	splits int // split points tried so far (maxSplits)
}

// maxSplits caps the split points one match tries for variables that
// span segments or share a segment (walkPath, splitVars): a rule with two
// such variables costs the square of the path's length to fail, so a
// long crafted path is not found once the budget is spent instead of
// taking seconds. Real paths need a few hundred at most.
const maxSplits = 1 << 16

// split counts one split point tried and reports whether the budget
// allows it.
func (mt *matcher) split() bool {
	mt.splits++
	return mt.splits <= maxSplits
}

// walk matches rest, the path after a '/', below n; done means no segment is
// left (the path ended before that '/').
func (mt *matcher) walk(n *node, rest string, done bool) (*Rule, uint8) {
	if done {
		return mt.end(n)
	}
	seg, next, nextDone := cut(rest)
	var st uint8
	if c := n.child(seg); c != nil {
		r, s := mt.walk(c, next, nextDone)
		if r != nil || s&stRedirect != 0 {
			return r, s
		}
		st |= s
	}
	for _, e := range n.dynamic {
		var r *Rule
		var s uint8
		if e.path {
			r, s = mt.walkPath(e, rest)
		} else if v, ok := e.match(seg); ok && len(e.more) > 0 {
			r, s = mt.splitVars(e, e.conv, 0, v, next, nextDone)
		} else if ok {
			r, s = mt.descend(e, v, next, nextDone)
		}
		if r != nil || s&stRedirect != 0 {
			return r, s
		}
		st |= s
	}
	if rest == "" { // only a trailing slash is left
		r, s := mt.pick(n.rules, true)
		return r, st | s
	}
	return nil, st
}

// cut splits the first segment off rest.
func cut(rest string) (seg, next string, done bool) {
	i := strings.IndexByte(rest, '/')
	if i < 0 {
		return rest, "", true
	}
	return rest[:i], rest[i+1:], false
}

// descend records value for edge e and matches the rest below it.
func (mt *matcher) descend(e *dynEdge, value, rest string, done bool) (*Rule, uint8) {
	save := mt.p.n
	mt.p.push(value)
	r, st := mt.walk(e.next, rest, done)
	if r == nil {
		mt.p.n = save
	}
	return r, st
}

// splitVars matches inner, the text of a segment with several variables
// between its affixes, against conv followed by e.more[k:]: each variable
// takes the longest text its converter accepts that is followed by the
// next separator (Werkzeug's greedy regular expressions, backtracking),
// and the values are recorded before matching the rest below e.
func (mt *matcher) splitVars(e *dynEdge, conv Converter, k int, inner, rest string, done bool) (*Rule, uint8) {
	save := mt.p.n
	if k == len(e.more) {
		if !conv.Match(inner) {
			return nil, 0
		}
		mt.p.push(inner)
		r, st := mt.walk(e.next, rest, done)
		if r == nil {
			mt.p.n = save
		}
		return r, st
	}
	sep := e.more[k].sep
	lazy := matchesSlashes(conv) // a path variable takes the shortest text first
	var st uint8
	for i := firstSplit(inner, sep, lazy); i >= 0; i = nextSplit(inner, sep, i, lazy) {
		if !mt.split() {
			return nil, st
		}
		if !conv.Match(inner[:i]) {
			continue
		}
		mt.p.push(inner[:i])
		r, s := mt.splitVars(e, e.more[k].conv, k+1, inner[i+len(sep):], rest, done)
		if r != nil || s&stRedirect != 0 {
			return r, s
		}
		mt.p.n = save
		st |= s
	}
	return nil, st
}

// firstSplit returns the first offset of sep in inner to try: the last
// one for a greedy variable, the first for a lazy one; -1 if none.
func firstSplit(inner, sep string, lazy bool) int {
	if lazy {
		return strings.Index(inner, sep)
	}
	return strings.LastIndex(inner, sep)
}

// nextSplit returns the offset of sep to try after i, or -1.
func nextSplit(inner, sep string, i int, lazy bool) int {
	if !lazy {
		return strings.LastIndex(inner[:i], sep)
	}
	if j := strings.Index(inner[i+1:], sep); j >= 0 {
		return i + 1 + j
	}
	return -1
}

// walkPath tries a slash-matching edge on ever longer prefixes of rest,
// ending at segment boundaries (Werkzeug's non-greedy `[^/].*?`); the
// edge's affixes (/Talk:<path:name>, /<path:p>.html) surround the value
// within its first and last segments.
func (mt *matcher) walkPath(e *dynEdge, rest string) (*Rule, uint8) {
	if !strings.HasPrefix(rest, e.prefix) || len(rest) == len(e.prefix) || rest[len(e.prefix)] == '/' {
		return nil, 0
	}
	var st uint8
	for i := len(e.prefix); mt.split(); {
		k := strings.IndexByte(rest[i:], '/')
		if k < 0 {
			v, ok := e.pathValue(rest)
			if !ok {
				return nil, st
			}
			r, s := mt.descendPath(e, v, "", true)
			return r, st | s
		}
		end := i + k
		if end+1 == len(rest) && e.next.empty == nil {
			// Only a trailing slash is left and no rule continues with
			// one: as Werkzeug's final part, the variable keeps the slash.
			i = end + 1
			continue
		}
		if v, ok := e.pathValue(rest[:end]); ok {
			r, s := mt.descendPath(e, v, rest[end+1:], false)
			if r != nil || s&stRedirect != 0 {
				return r, s
			}
			st |= s
		}
		i = end + 1
	}
	return nil, st
}

// pathValue returns the text between a path edge's affixes in text, the
// segments it spans, if the converter accepts it (for a single variable).
func (e *dynEdge) pathValue(text string) (string, bool) {
	if len(text) < len(e.prefix)+len(e.suffix) || !strings.HasSuffix(text, e.suffix) {
		return "", false
	}
	v := text[len(e.prefix) : len(text)-len(e.suffix)]
	return v, len(e.more) > 0 || e.conv.Match(v)
}

// descendPath records the values of a path edge's variables in inner
// and matches the rest below it.
func (mt *matcher) descendPath(e *dynEdge, inner, rest string, done bool) (*Rule, uint8) {
	if len(e.more) > 0 {
		return mt.splitVars(e, e.conv, 0, inner, rest, done)
	}
	return mt.descend(e, inner, rest, done)
}

// end handles a path fully consumed at n: a rule of n, or a redirect to (or
// a lax match of) a rule of n's trailing-slash child.
func (mt *matcher) end(n *node) (*Rule, uint8) {
	r, st := mt.pick(n.rules, false)
	if r != nil || mt.acc != nil {
		return r, st
	}
	if c := n.child(""); c != nil {
		if r, _ := mt.pick(c.rules, false); r != nil {
			if r.StrictSlashes {
				return nil, stRedirect
			}
			return r, 0
		}
	}
	return nil, st
}

// firstFor returns the first rule accepting method, preferring a rule that
// lists HEAD to one whose HEAD comes from GET.
func firstFor(rules []*Rule, method string) *Rule {
	var implied *Rule
	for _, r := range rules {
		if r.methods.has(method) {
			if !r.headImplied || method != "HEAD" {
				return r
			}
			if implied == nil {
				implied = r
			}
		}
	}
	return implied
}

// pick returns the first rule accepting the method, preferring explicit
// methods to automatic OPTIONS and an explicit HEAD to one implied by GET;
// lax skips strict-slashes rules.
func (mt *matcher) pick(rules []*Rule, lax bool) (*Rule, uint8) {
	var st uint8
	var implied *Rule
	for _, r := range rules {
		switch {
		case lax && r.StrictSlashes:
		case mt.acc != nil:
			for _, m := range r.Methods {
				mt.acc[m] = true
			}
		case r.methods.has(mt.method):
			if !r.headImplied || mt.method != "HEAD" {
				return r, 0
			}
			if implied == nil {
				implied = r
			}
		default:
			st = stMethod
		}
	}
	if implied != nil {
		return implied, 0
	}
	if mt.method == "OPTIONS" {
		for _, r := range rules {
			if r.autoOptions && !(lax && r.StrictSlashes) {
				return r, 0
			}
		}
	}
	return nil, st
}
