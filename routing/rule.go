package routing

import (
	"fmt"
	"slices"
	"strings"
)

// A Rule maps a URL pattern and a set of methods to an endpoint. Fill in the
// exported fields and pass the rule to Map.Add; after that the rule is
// read-only (Add normalizes Methods).
type Rule struct {
	// Pattern is the rule in Flask syntax, e.g. "/post/<int:id>".
	Pattern string
	// Endpoint names the rule for url building.
	Endpoint string
	// Methods lists the accepted methods. Add upper-cases and sorts it,
	// defaults it to GET, adds HEAD when GET is present and adds OPTIONS
	// unless NoAutoOptions is set.
	Methods []string
	// StrictSlashes makes a rule ending in '/' redirect requests lacking the
	// slash; without it such requests match directly, and a rule without a
	// trailing slash also matches a request with one. Flask's default is
	// true: the web core sets it.
	StrictSlashes bool
	// NoAutoOptions turns off the automatic OPTIONS method (Flask's
	// provide_automatic_options=False).
	NoAutoOptions bool
	// NoMergeSlashes keeps repeated slashes (Werkzeug's
	// merge_slashes=False). By default repeated slashes in Pattern are
	// merged when the rule is added, and a request whose path matches no
	// rule as sent but matches this rule once its slashes are merged is
	// redirected (308) to the merged path.
	NoMergeSlashes bool
	// Defaults are values the rule provides without taking them from the
	// path, Werkzeug's defaults: a match reports them as values
	// (Params.Get, Value, Values); Build uses the rule only when the given
	// values agree with them (or omit them) and puts them in neither path
	// nor query; and a match of another rule of the endpoint with the same
	// variables whose values equal these defaults is redirected (308) to
	// this rule's URL, Werkzeug's redirect_defaults ("/users/page/1" to
	// "/users/" for a rule "/users/" with defaults {"page": 1}).
	Defaults map[string]any
	// Subdomain restricts the rule to requests for that subdomain
	// (MatchSubdomain): static text ("api") or a variable ("<user>"), whose
	// value comes before the path's. "" is the default subdomain.
	Subdomain string
	// Host restricts the rule to requests for that host in a Map with
	// HostMatching (MatchHost), Werkzeug's Rule(host=...): static text
	// ("app.test", a port included when the requests carry one) or one
	// variable with optional static text around it ("<lang>.app.test",
	// "app.<domain>"), whose value comes before the path's. Subdomain is
	// ignored when the Map matches hosts, and Host when it does not.
	Host string
	// Alias makes the rule an alternative URL of its endpoint (Werkzeug's
	// alias=True): a match is redirected (308) to the URL Build gives for
	// the endpoint and the matched values, and Build uses alias rules only
	// when no other rule fits.
	Alias bool
	// BuildOnly makes the rule serve only Build, never Match (Werkzeug's
	// build_only): an alias endpoint for a URL another rule answers. It
	// is not checked for conflicts.
	BuildOnly bool
	// RedirectTo makes every match of the rule a redirect (308), Werkzeug's
	// Rule(redirect_to="foo/<slug>"): each <name> is replaced by the
	// matched value of that variable as Build renders it (percent-escaped),
	// and the target is a path below the script root, or from the host's
	// root when it starts with '/'. The match reports a *RedirectError
	// with Target set.
	RedirectTo string
	// RedirectFunc is the function form of RedirectTo: it receives the
	// matched values and returns the target (a path as for RedirectTo, or
	// an absolute URL). An error makes the match fail with that error.
	RedirectFunc func(values map[string]any) (string, error)
	// Handler is an opaque payload for the web core (its handler chain).
	Handler any
	// Site records where the rule was registered, e.g. "main.go:12"; it
	// appears in conflict errors.
	Site string

	segs        []segment
	shape       string
	args        []string
	convs       []Converter
	methods     methodSet // explicit and implied methods, not automatic OPTIONS
	autoOptions bool
	headImplied bool // HEAD comes from GET, not from Methods
	// defaultRedirects are the rules of the endpoint providing defaults
	// for this one (redirect_defaults), in build order.
	defaultRedirects []*Rule
	subSeg           segment // the parsed Subdomain, or Host with host matching
	domain           string  // Subdomain, or Host with host matching
	static           bool
	added            bool
	redirects        bool // RedirectTo or RedirectFunc is set
}

// Args returns the rule's variable names in the order they appear.
func (r *Rule) Args() []string { return append([]string(nil), r.args...) }

// Converter returns the converter of the named variable, or nil.
func (r *Rule) Converter(name string) Converter {
	if i := r.argIndex(name); i >= 0 {
		return r.convs[i]
	}
	return nil
}

// Allows reports whether the rule accepts method, counting the implied HEAD
// and the automatic OPTIONS.
func (r *Rule) Allows(method string) bool {
	return r.methods.has(method) || r.autoOptions && method == "OPTIONS"
}

// String returns the rule's pattern.
func (r *Rule) String() string { return r.Pattern }

func (r *Rule) argIndex(name string) int {
	for i, a := range r.args {
		if a == name {
			return i
		}
	}
	return -1
}

// compile parses the pattern and normalizes the methods, filling the
// unexported fields; r itself is changed only when both succeed.
func (r *Rule) compile(convs map[string]ConverterFactory) error {
	if !r.NoMergeSlashes {
		r.Pattern = mergePatternSlashes(r.Pattern)
	}
	segs, err := parseRule(r.Pattern, convs)
	if err != nil {
		return err
	}
	methods, set, auto, err := normalizeMethods(r.Methods, r.NoAutoOptions)
	if err != nil {
		return err
	}
	r.headImplied = set.has("GET") && !listsMethod(r.Methods, "HEAD")
	r.segs, r.shape, r.Methods, r.methods, r.autoOptions = segs, shapeOf(segs), methods, set, auto
	if r.domain != "" {
		sub, err := parseSubdomain(r.domain, convs)
		if err != nil {
			return err
		}
		r.subSeg = sub
		if sub.static() {
			r.shape = sub.text + "|" + r.shape
		} else {
			r.shape = sub.key() + "|" + r.shape
			r.args = append(r.args, sub.text)
			r.convs = append(r.convs, sub.conv)
		}
	}
	r.redirects = r.RedirectTo != "" || r.RedirectFunc != nil
	if r.RedirectTo != "" && r.RedirectFunc != nil {
		return &ParseError{Rule: r.Pattern, Msg: "RedirectTo and RedirectFunc are both set"}
	}
	r.static = true
	for i := range segs {
		if !segs[i].static() {
			r.static = false
			r.args = append(r.args, segs[i].text)
			r.convs = append(r.convs, segs[i].conv)
			for _, x := range segs[i].more {
				r.args = append(r.args, x.name)
				r.convs = append(r.convs, x.conv)
			}
		}
	}
	if err := r.checkTarget(); err != nil {
		return err
	}
	if r.domain != "" && !r.subSeg.static() && slices.Contains(r.args[1:], r.subSeg.text) {
		return &ParseError{Rule: r.Pattern, Msg: fmt.Sprintf("duplicate variable name %q in the host and the path", r.subSeg.text)}
	}
	return nil
}

// mergePatternSlashes merges runs of slashes in a rule pattern, outside
// its <variable> parts.
func mergePatternSlashes(pattern string) string {
	if !strings.Contains(pattern, "//") {
		return pattern
	}
	var b strings.Builder
	depth := 0
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch {
		case c == '<':
			depth++
		case c == '>' && depth > 0:
			depth--
		case c == '/' && depth == 0 && i > 0 && pattern[i-1] == '/':
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// argumentCount is the number of Werkzeug's rule.arguments: the variables
// and the keys of Defaults.
func (r *Rule) argumentCount() int {
	n := len(r.Defaults)
	for _, a := range r.args {
		if _, ok := r.Defaults[a]; !ok {
			n++
		}
	}
	return n
}

// hasArgument reports whether name is a variable or a default of r.
func (r *Rule) hasArgument(name string) bool {
	_, ok := r.Defaults[name]
	return ok || r.argIndex(name) >= 0
}

// providesDefaultsFor reports whether r's defaults make it the canonical
// URL for matches of o, Werkzeug's provides_defaults_for: same endpoint,
// same arguments.
func (r *Rule) providesDefaultsFor(o *Rule) bool {
	if r == o || r.BuildOnly || len(r.Defaults) == 0 || r.Endpoint != o.Endpoint || r.argumentCount() != o.argumentCount() {
		return false
	}
	for k := range r.Defaults {
		if !o.hasArgument(k) {
			return false
		}
	}
	for _, a := range r.args {
		if !o.hasArgument(a) {
			return false
		}
	}
	return true
}

// defaultsAgree reports whether values omit or equal each of r's
// defaults (compared as text, so 1 and int64(1) agree).
func (r *Rule) defaultsAgree(values map[string]any) bool {
	for k, d := range r.Defaults {
		if v, ok := values[k]; ok && v != nil && fmt.Sprint(v) != fmt.Sprint(d) {
			return false
		}
	}
	return true
}
