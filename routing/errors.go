package routing

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrNotFound is returned by Map.Match when no rule matches the path. It is a
// sentinel: returning it allocates nothing.
var ErrNotFound = errors.New("routing: not found")

// A MethodNotAllowedError is returned by Map.Match when rules match the path
// but none of them accepts the request method. Allow lists every method the
// matching rules accept, sorted, including HEAD and OPTIONS.
type MethodNotAllowedError struct {
	Allow []string
}

// Error reports the allowed methods.
func (e *MethodNotAllowedError) Error() string {
	return "routing: method not allowed (allowed: " + strings.Join(e.Allow, ", ") + ")"
}

// An OptionsError is returned by Map.Match, together with the matched rule,
// for an OPTIONS request answered by an automatic OPTIONS method: the web core
// replies 200 with an Allow header made of Allow (sorted).
type OptionsError struct {
	Allow []string
}

// Error reports the allowed methods.
func (e *OptionsError) Error() string {
	return "routing: automatic OPTIONS response (allowed: " + strings.Join(e.Allow, ", ") + ")"
}

// A RedirectError is returned by Map.Match when the path lacks the trailing
// slash of a strict-slashes rule. Location is the path with the slash added,
// percent-escaped as Werkzeug quotes a redirect path (a decoded "?", "#" or
// backslash stays in the path) and starting with exactly one '/'; it carries no
// query string, which the caller appends. Code is 308.
//
// A redirect to the canonical URL of a rule of another subdomain or host
// (defaults or alias redirects) has OtherDomain set and Domain holding that
// subdomain or host ("" for the default subdomain): the caller makes the
// location absolute.
type RedirectError struct {
	Location    string
	Code        int
	OtherDomain bool
	Domain      string
	// Target is set for the redirect of a rule's RedirectTo or
	// RedirectFunc: Location is the target as the rule gives it (a path
	// below the script root, one from the host's root starting with '/',
	// or an absolute URL from a RedirectFunc), to be sent without the
	// request's query string, as Werkzeug does.
	Target bool
}

// Error reports the redirect target.
func (e *RedirectError) Error() string {
	return fmt.Sprintf("routing: redirect (%d) to %q", e.Code, e.Location)
}

// A BuildError is returned by Map.Build when no rule of the endpoint can be
// built from the values. Reason says why, for example `missing value for "id"`.
// Suggested is the rule Werkzeug's BuildError suggests (closest_rule: the
// most similar endpoint, then the rules taking the values and accepting
// the method), nil for an empty map; Suggestion is its endpoint when that
// is not Endpoint.
type BuildError struct {
	Endpoint   string
	Values     map[string]any
	Method     string
	Reason     string
	Suggestion string
	Suggested  *Rule
}

// Error names the endpoint, the method and the given values' names, the
// reason, and Werkzeug's hints from the suggested rule:
//
//	could not build url for endpoint "world" ("POST") with values ["id"]: method "POST" not allowed (...); did you mean to use methods ["GET", "HEAD", "OPTIONS"]?
//	could not build url for endpoint "indx": unknown endpoint; did you mean "index" instead?
func (e *BuildError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "could not build url for endpoint %q", e.Endpoint)
	if e.Method != "" {
		fmt.Fprintf(&b, " (%q)", e.Method)
	}
	if names := valueNames(e.Values); len(names) > 0 {
		b.WriteString(" with values " + quotedList(names))
	}
	b.WriteString(": " + e.Reason)
	switch r := e.Suggested; {
	case r == nil:
	case r.Endpoint == e.Endpoint:
		if e.Method != "" && !slices.Contains(r.Methods, e.Method) {
			b.WriteString("; did you mean to use methods " + quotedList(r.Methods) + "?")
		}
		if missing := r.missingArguments(e.Values); len(missing) > 0 {
			b.WriteString("; did you forget to specify values " + quotedList(missing) + "?")
		}
	default:
		fmt.Fprintf(&b, "; did you mean %q instead?", r.Endpoint)
	}
	return b.String()
}

// valueNames returns the sorted names of the non-nil values.
func valueNames(values map[string]any) []string {
	var out []string
	for k, v := range values {
		if v != nil {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// quotedList renders names as ["a", "b"].
func quotedList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// A ParseError reports a malformed rule pattern. Pos is the byte offset in
// Rule where the problem was found.
type ParseError struct {
	Rule string
	Pos  int
	Msg  string
}

// Error names the rule, the problem and its position.
func (e *ParseError) Error() string {
	return fmt.Sprintf("routing: invalid rule %q: %s (at position %d)", e.Rule, e.Msg, e.Pos)
}

// A ConflictError is returned by Map.Add when the new rule has the same shape
// as an existing rule (same static parts, same converters at the same
// positions) and accepts some of the same methods.
type ConflictError struct {
	Rule     *Rule // the rule being added
	Existing *Rule // the rule already in the map
}

// Error quotes both rules and where they were registered, in the style of
// net/http.ServeMux, the existing rule first:
//
//	rule "/a/<x>" (registered at main.go:12) conflicts with rule "/a/<y>" (registered at main.go:14)
func (e *ConflictError) Error() string {
	return fmt.Sprintf("rule %q (registered at %s) conflicts with rule %q (registered at %s)",
		e.Existing.Pattern, siteOf(e.Existing), e.Rule.Pattern, siteOf(e.Rule))
}

func siteOf(r *Rule) string {
	if r.Site == "" {
		return "unknown location"
	}
	return r.Site
}
