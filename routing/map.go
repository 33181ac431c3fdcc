package routing

import (
	"fmt"
	"slices"
	"strings"
)

// A Map holds rules and matches request paths against them. Add rules and
// converters before serving: Match and Build may run concurrently with each
// other, but not with Add or AddConverter.
type Map struct {
	converters map[string]ConverterFactory
	main       tree        // rules without a subdomain
	hosts      []*hostTree // rules with a subdomain, static ones first
	rules      []*Rule
	byEndpoint map[string][]*Rule
	// HostMatching matches rules by their Host instead of their
	// Subdomain (Werkzeug's Map(host_matching=True)); set it before adding
	// rules. Requests are then matched with MatchHost and rules built with
	// BuildHost.
	HostMatching bool
}

// NewMap returns an empty map knowing the built-in converters: string (also
// named default), int, float, path, uuid and any. The zero Map is also ready
// to use.
func NewMap() *Map {
	m := &Map{}
	m.init()
	return m
}

// init sets up the maps of a zero Map.
func (m *Map) init() {
	if m.converters != nil {
		return
	}
	m.converters = map[string]ConverterFactory{
		"default": newStringConverter,
		"string":  newStringConverter,
		"int":     newIntConverter,
		"float":   newFloatConverter,
		"path":    newPathConverter,
		"uuid":    newUUIDConverter,
		"any":     newAnyConverter,
	}
	m.byEndpoint = map[string][]*Rule{}
}

// AddConverter registers (or replaces) the converter factory used for
// `<name:var>` and `<name(args):var>` in rules added afterwards.
func (m *Map) AddConverter(name string, f ConverterFactory) {
	m.init()
	m.converters[name] = f
}

// Add parses r.Pattern and adds the rule. It fails with a *ParseError for a
// malformed pattern and a *ConflictError when an existing rule has the same
// shape and accepts some of the same methods.
func (m *Map) Add(r *Rule) error {
	m.init()
	if r.added {
		return fmt.Errorf("routing: rule %q was already added to a map", r.Pattern)
	}
	c := *r
	c.domain = c.Subdomain
	if m.HostMatching {
		c.domain = strings.ToLower(c.Host)
	}
	if err := c.compile(m.converters); err != nil {
		return err
	}
	if old := m.conflicting(&c); old != nil && !c.BuildOnly {
		return &ConflictError{Rule: &c, Existing: old}
	}
	*r = c
	r.added = true
	m.rules = append(m.rules, r)
	m.addBuildRule(r)
	if r.BuildOnly {
		return nil
	}
	t := &m.main
	if r.domain != "" {
		t = &m.hostTree(r).tree
	}
	leaf := t.root.insert(r.segs)
	leaf.rules = append(leaf.rules, r)
	if r.static {
		t.static.set(r.Pattern, leaf)
	}
	return nil
}

// addBuildRule files r under its endpoint. As in Werkzeug, rules with more
// arguments (variables and defaults) come first, then those with more
// defaults, so Build uses the most specific rule the values fill; ties keep
// registration order. It also records, for each rule of the endpoint, the
// earlier rules that provide defaults for it (redirect_defaults).
func (m *Map) addBuildRule(r *Rule) {
	list := m.byEndpoint[r.Endpoint]
	at := len(list)
	for at > 0 && buildsAfter(list[at-1], r) {
		at--
	}
	list = slices.Insert(list, at, r)
	m.byEndpoint[r.Endpoint] = list
	for i, x := range list {
		x.defaultRedirects = nil
		for _, y := range list[:i] {
			if y.providesDefaultsFor(x) {
				x.defaultRedirects = append(x.defaultRedirects, y)
			}
		}
	}
}

// buildsAfter reports whether a is built after b: Werkzeug's
// build_compare_key (alias, -len(arguments), -len(defaults)).
func buildsAfter(a, b *Rule) bool {
	if a.Alias != b.Alias {
		return a.Alias
	}
	if na, nb := a.argumentCount(), b.argumentCount(); na != nb {
		return na < nb
	}
	return len(a.Defaults) < len(b.Defaults)
}

// conflicting returns an existing rule that r would shadow or be shadowed by.
func (m *Map) conflicting(r *Rule) *Rule {
	for _, old := range m.rules {
		if !old.BuildOnly && old.shape == r.shape && r.sameMethods(old) {
			return old
		}
	}
	return nil
}

// sameMethods reports whether rules of the same shape are duplicates by
// their methods, Werkzeug 3.2's Rule.is_duplicate: the same methods, or
// a shared method other than HEAD and OPTIONS (GET implies HEAD and Flask
// adds OPTIONS to every rule, so those alone would always overlap).
func (r *Rule) sameMethods(o *Rule) bool {
	if slices.Equal(r.Methods, o.Methods) {
		return true
	}
	for _, m := range r.Methods {
		if m != "HEAD" && m != "OPTIONS" && slices.Contains(o.Methods, m) {
			return true
		}
	}
	return false
}

// Rules returns the rules in registration order.
func (m *Map) Rules() []*Rule { return slices.Clone(m.rules) }

// RulesFor returns the rules of endpoint in registration order.
func (m *Map) RulesFor(endpoint string) []*Rule {
	var out []*Rule
	for _, r := range m.rules {
		if r.Endpoint == endpoint {
			out = append(out, r)
		}
	}
	return out
}
