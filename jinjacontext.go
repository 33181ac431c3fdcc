package flagon

import (
	"fmt"
	"sort"

	"github.com/flagon-go/flagon/internal/iri"
	"github.com/flagon-go/flagon/jinja"
)

// jinjaLookup answers the names of Flask's template context for one
// render on demand, so that a template pays only for what it uses: the
// request object is built on its first use, not on every render.
type jinjaLookup struct {
	c   *Ctx
	req *JinjaRequest
	// sess is the session's values, copied once per render on first use.
	sess map[string]any
}

// context is Flask's default context processor: request, session and g.
func (l *jinjaLookup) context(name string) (any, bool) {
	switch name {
	case "request":
		if l.req == nil {
			l.req = newJinjaRequest(l.c)
		}
		return l.req, true
	case "session":
		if l.sess == nil {
			l.sess = l.c.Session().Values()
		}
		return l.sess, true
	case "g":
		return l.c.G(), true
	}
	return nil, false
}

// globals are Flask's per-request template globals: url_for,
// get_flashed_messages, config and the request functions (csrf_token).
// Like Flask's, they are visible in macros imported without context.
func (l *jinjaLookup) globals(name string) (any, bool) {
	c := l.c
	switch name {
	case "url_for":
		return jinja.Func(c.jinjaURLFor), true
	case "get_flashed_messages":
		return jinja.Func(c.jinjaFlashed), true
	case "config":
		return c.app.Config.View(), true
	}
	if f, ok := c.app.tmpl.perRequest[name]; ok {
		return jinjaRequestFunc(c, f), true
	}
	return nil, false
}

// jinjaRenderContext is Flask's template context for one render, in
// layers the engine reads in place: the view's data (which wins, as in
// Flask), then the context processors' values, then request, session and
// g (Flask's default context processor), then the per-request globals.
func (c *Ctx) jinjaRenderContext(data any) (jinja.RenderContext, error) {
	var vars map[string]any
	switch d := data.(type) {
	case nil:
	case map[string]any:
		vars = d
	default:
		return jinja.RenderContext{}, fmt.Errorf("flagon: Jinja templates take a map[string]any as data (Flask's keyword arguments), not %T", data)
	}
	var ctx map[string]any
	if len(c.app.tmpl.processors) > 0 {
		ctx = map[string]any{}
		for _, p := range c.app.tmpl.processors {
			for k, v := range p(c) {
				ctx[k] = v
			}
		}
	}
	l := &jinjaLookup{c: c}
	return jinja.RenderContext{Vars: vars, Context: ctx, ContextFunc: l.context, GlobalsFunc: l.globals}, nil
}

// jinjaRequestFunc calls a TemplateRequestFunc with positional arguments.
func jinjaRequestFunc(c *Ctx, f RequestFunc) jinja.Func {
	return func(args []any, kw *jinja.Dict) (any, error) {
		if kw != nil && kw.Len() > 0 {
			return nil, fmt.Errorf("unexpected keyword arguments %v", kw.Keys())
		}
		return f(c, args...)
	}
}

// jinjaURLFor is url_for(endpoint, **values).
func (c *Ctx) jinjaURLFor(args []any, kw *jinja.Dict) (any, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("url_for() takes 1 positional argument (the endpoint), %d given", len(args))
	}
	ep, ok := args[0].(string)
	if !ok {
		return nil, fmt.Errorf("url_for: endpoint must be a string, got %T", args[0])
	}
	var values []any
	if kw != nil {
		for _, k := range kw.Keys() {
			v, _ := kw.Get(k)
			values = append(values, fmt.Sprint(k), v)
		}
	}
	return c.URLFor(ep, values...)
}

// jinjaFlashed is get_flashed_messages(with_categories=False,
// category_filter=()): the messages, or (category, message) tuples.
func (c *Ctx) jinjaFlashed(args []any, kw *jinja.Dict) (any, error) {
	var withCategories, filter any
	if len(args) > 0 {
		withCategories = args[0]
	}
	if len(args) > 1 {
		filter = args[1]
	}
	if len(args) > 2 {
		return nil, fmt.Errorf("get_flashed_messages() takes at most 2 arguments, %d given", len(args))
	}
	if kw != nil {
		for _, k := range kw.Keys() {
			v, _ := kw.Get(k)
			switch k {
			case "with_categories":
				withCategories = v
			case "category_filter":
				filter = v
			default:
				return nil, fmt.Errorf("get_flashed_messages() got an unexpected keyword argument %v", k)
			}
		}
	}
	cats, err := categoryFilter(filter)
	if err != nil {
		return nil, err
	}
	out := []any{}
	for _, m := range c.FlashedMessages(cats...) {
		var msg any = m.Message
		if m.Markup {
			msg = jinja.Markup(m.Message)
		}
		if b, _ := withCategories.(bool); b {
			out = append(out, jinja.Tuple{m.Category, msg})
		} else {
			out = append(out, msg)
		}
	}
	return out, nil
}

// categoryFilter reads category_filter: a list or tuple of strings.
func categoryFilter(v any) ([]string, error) {
	var items []any
	switch f := v.(type) {
	case nil:
		return nil, nil
	case []any:
		items = f
	case jinja.Tuple:
		items = f
	case []string:
		return f, nil
	case string:
		return []string{f}, nil
	default:
		return nil, fmt.Errorf("get_flashed_messages: category_filter must be a list of strings, got %T", v)
	}
	cats := make([]string, 0, len(items))
	for _, it := range items {
		cats = append(cats, fmt.Sprint(it))
	}
	return cats, nil
}

// JinjaRequest is the request as a Jinja template sees it, with Flask's
// attribute names (request.method, request.path, request.args['q'],
// request.form['title'], request.endpoint, ...).
type JinjaRequest struct {
	Method      string
	Path        string
	FullPath    string
	URL         string
	BaseURL     string
	URLRoot     string
	ScriptRoot  string
	Host        string
	Scheme      string
	QueryString string
	RemoteAddr  string
	Endpoint    string
	Blueprint   string
	// Args and Form map each name to its first value, as item access on
	// Werkzeug's MultiDict does; a missing name is undefined.
	Args    *jinja.Dict
	Form    *jinja.Dict
	Cookies *jinja.Dict
	Headers *jinja.Dict
}

// IsSecure reports whether the request came over HTTPS.
func (r *JinjaRequest) IsSecure() bool { return r.Scheme == "https" }

func newJinjaRequest(c *Ctx) *JinjaRequest {
	r := c.Request
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	form, _ := c.Form()
	jr := &JinjaRequest{
		Method:      r.Method,
		Path:        r.URL.Path,
		FullPath:    r.URL.Path + "?" + r.URL.RawQuery,
		Host:        requestHost(r.Host, scheme),
		Scheme:      scheme,
		QueryString: r.URL.RawQuery,
		RemoteAddr:  r.RemoteAddr,
		Args:        firstValues(c.Args()),
		Form:        firstValues(form),
		Cookies:     jinja.NewDict(),
		Headers:     jinja.NewDict(),
	}
	// As Werkzeug's request.url_root, base_url and url, under the script
	// root (ProxyFix's X-Forwarded-Prefix, the test client's
	// APPLICATION_ROOT); path and full_path are without it.
	jr.ScriptRoot = scriptRoot(c)
	jr.URLRoot = iri.CurrentURL(scheme, jr.Host, jr.ScriptRoot, "", "", false)
	jr.BaseURL = iri.CurrentURL(scheme, jr.Host, jr.ScriptRoot, r.URL.Path, "", true)
	jr.URL = iri.CurrentURL(scheme, jr.Host, jr.ScriptRoot, r.URL.Path, r.URL.RawQuery, true)
	if c.ep != nil {
		jr.Endpoint = c.Endpoint()
		jr.Blueprint = c.Blueprint()
	}
	for _, ck := range c.cookiePairs() {
		if _, ok := jr.Cookies.Get(ck[0]); !ok {
			jr.Cookies.Set(ck[0], ck[1])
		}
	}
	for k, v := range r.Header {
		if len(v) > 0 {
			jr.Headers.Set(k, v[0])
		}
	}
	return jr
}

// firstValues turns a multi-valued form into a dict of first values,
// sorted by name.
func firstValues(v Values) *jinja.Dict {
	d := jinja.NewDict()
	names := make([]string, 0, len(v))
	for k := range v {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if len(v[k]) > 0 {
			d.Set(k, v[k][0])
		}
	}
	return d
}
