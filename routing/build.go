package routing

import (
	"fmt"
	"net/url"
	"reflect"
	"strings"
)

// Build returns the path of endpoint's rule filled with values, and the
// values the rule does not use as query parameters (nil values skipped,
// slices as repeated keys; url.Values.Encode sorts the keys). When several
// rules share the endpoint, Build tries them as Werkzeug does, those with
// more variables first and otherwise in registration order, and uses the
// first that accepts method (any method when empty), has all its variables
// in values and whose converters accept them. Otherwise it returns a
// *BuildError.
func (m *Map) Build(endpoint string, values map[string]any, method string) (string, url.Values, error) {
	path, query, _, err := m.build(endpoint, values, method)
	return path, query, err
}

// build is Build that also returns the rule used.
func (m *Map) build(endpoint string, values map[string]any, method string) (string, url.Values, *Rule, error) {
	rules := m.byEndpoint[endpoint]
	if len(rules) == 0 {
		return "", nil, nil, m.buildError(endpoint, values, method, "unknown endpoint")
	}
	var best buildFailure
	for _, r := range rules {
		path, f := r.build(values, method)
		if f.rank == 0 {
			return path, r.query(values), r, nil
		}
		if f.rank > best.rank {
			best = f
		}
	}
	return "", nil, nil, m.buildError(endpoint, values, method, best.reason)
}

// buildError returns the BuildError for endpoint, with Werkzeug's
// suggested rule.
func (m *Map) buildError(endpoint string, values map[string]any, method, reason string) *BuildError {
	e := &BuildError{Endpoint: endpoint, Values: values, Method: method, Reason: reason,
		Suggested: m.closestRule(endpoint, values, method)}
	if e.Suggested != nil && e.Suggested.Endpoint != endpoint {
		e.Suggestion = e.Suggested.Endpoint
	}
	return e
}

// A buildFailure says why a rule could not be built; the highest rank wins.
type buildFailure struct {
	rank   int // 0: no failure
	reason string
}

const (
	rankMethod = iota + 1
	rankMissing
	rankRejected
)

// build renders r's path from values, or explains why it cannot.
func (r *Rule) build(values map[string]any, method string) (string, buildFailure) {
	if method != "" && !r.Allows(method) {
		return "", buildFailure{rankMethod, fmt.Sprintf("method %q not allowed (rule %q allows %s)",
			method, r.Pattern, strings.Join(r.Methods, ", "))}
	}
	if !r.defaultsAgree(values) {
		return "", buildFailure{rankMissing, fmt.Sprintf("values differ from the defaults of rule %q", r.Pattern)}
	}
	for _, a := range r.args {
		if values[a] == nil && r.Defaults[a] == nil {
			return "", buildFailure{rankMissing, fmt.Sprintf("missing value for %q", a)}
		}
	}
	var b strings.Builder
	for i := range r.segs {
		s := &r.segs[i]
		b.WriteByte('/')
		if s.static() {
			b.WriteString(escapePath(s.text, true))
			continue
		}
		text, f := r.buildVar(s.text, s.conv, values)
		if f.rank != 0 {
			return "", f
		}
		b.WriteString(escapePath(s.prefix, true) + escapePath(text, matchesSlashes(s.conv)))
		for _, x := range s.more {
			text, f := r.buildVar(x.name, x.conv, values)
			if f.rank != 0 {
				return "", f
			}
			b.WriteString(escapePath(x.sep, true) + escapePath(text, x.path))
		}
		b.WriteString(escapePath(s.suffix, true))
	}
	return b.String(), buildFailure{}
}

// buildVar renders the value (or default) of variable name.
func (r *Rule) buildVar(name string, conv Converter, values map[string]any) (string, buildFailure) {
	v := values[name]
	if v == nil {
		v = r.Defaults[name]
	}
	text, err := conv.ToURL(v)
	if err != nil {
		return "", buildFailure{rankRejected, fmt.Sprintf("value for %q rejected: %v", name, err)}
	}
	return text, buildFailure{}
}

// query returns the values r does not use, or nil when there are none.
func (r *Rule) query(values map[string]any) url.Values {
	var q url.Values
	for k, v := range values {
		if v == nil || r.hasArgument(k) {
			continue
		}
		if q == nil {
			q = url.Values{}
		}
		q[k] = append(q[k], queryTexts(v)...)
	}
	return q
}

// queryTexts renders a query value; slices and arrays give one text per
// element.
func queryTexts(v any) []string {
	switch v := v.(type) {
	case []string:
		return v
	case []byte:
		return []string{string(v)}
	}
	if s, ok := toText(v); ok {
		return []string{s}
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return []string{fmt.Sprint(v)}
	}
	out := make([]string, 0, rv.Len())
	for i := 0; i < rv.Len(); i++ {
		if e := rv.Index(i).Interface(); e != nil {
			out = append(out, queryTexts(e)...)
		}
	}
	return out
}
