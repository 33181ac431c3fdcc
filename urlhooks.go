package flagon

import "strings"

// URLDefaultsFunc adds values to a URL being built, Flask's url_defaults
// function: it may set values the rule expects (see App.EndpointExpects)
// and must leave values already given alone. c is nil outside a request.
type URLDefaultsFunc func(c *Ctx, endpoint string, values map[string]any)

// URLValuePreprocessorFunc sees the matched URL values before the
// before-request hooks, Flask's url_value_preprocessor, typically to move
// a value such as a language code to the request's storage. values holds
// the converted values; removing one does not hide it from c.Param, since
// Go handlers read the values they want by name.
type URLValuePreprocessorFunc func(c *Ctx, endpoint string, values map[string]any)

// urlHooks are one scope's URL functions.
type urlHooks struct {
	defaults      []URLDefaultsFunc
	preprocessors []URLValuePreprocessorFunc
}

// URLDefaults registers f to fill in values when URLs are built for
// endpoints of this scope (every endpoint for an app, the blueprint's own
// endpoints for a blueprint), Flask's url_defaults. App functions run
// first, then those of the endpoint's blueprints, outermost first.
func (s *Scaffold) URLDefaults(f URLDefaultsFunc) {
	s.checkOpen("URLDefaults")
	s.urlHooks.defaults = append(s.urlHooks.defaults, f)
}

// URLValuePreprocessor registers f to run for requests matched by a route
// of this scope before its before-request hooks, Flask's
// url_value_preprocessor; app functions run first, then those of the
// route's blueprints, outermost first.
func (s *Scaffold) URLValuePreprocessor(f URLValuePreprocessorFunc) {
	s.checkOpen("URLValuePreprocessor")
	s.urlHooks.preprocessors = append(s.urlHooks.preprocessors, f)
}

// AppURLDefaults registers f from a blueprint for every endpoint of the
// app, Flask's app_url_defaults.
func (b *Blueprint) AppURLDefaults(f URLDefaultsFunc) {
	b.checkOpen("AppURLDefaults")
	b.appURL.defaults = append(b.appURL.defaults, f)
}

// AppURLValuePreprocessor registers f from a blueprint for every request
// of the app, Flask's app_url_value_preprocessor.
func (b *Blueprint) AppURLValuePreprocessor(f URLValuePreprocessorFunc) {
	b.checkOpen("AppURLValuePreprocessor")
	b.appURL.preprocessors = append(b.appURL.preprocessors, f)
}

// EndpointExpects reports whether a rule of endpoint has a variable named
// name, Werkzeug's Map.is_endpoint_expecting, for URLDefaults functions.
func (a *App) EndpointExpects(endpoint, name string) bool {
	for _, r := range a.urlMap.RulesFor(endpoint) {
		if r.Converter(name) != nil {
			return true
		}
	}
	return false
}

// appURLHooks merges the app's URL functions with the app-wide ones of
// blueprints, in registration order.
func (a *App) appURLHooks() urlHooks {
	h := urlHooks{
		defaults:      append([]URLDefaultsFunc(nil), a.urlHooks.defaults...),
		preprocessors: append([]URLValuePreprocessorFunc(nil), a.urlHooks.preprocessors...),
	}
	for _, s := range a.scopes {
		h.defaults = append(h.defaults, s.bp.appURL.defaults...)
		h.preprocessors = append(h.preprocessors, s.bp.appURL.preprocessors...)
	}
	return h
}

// resolveURLHooks fills ep's value preprocessors: the app's, then its
// blueprints', outermost first.
func (a *App) resolveURLHooks(ep *endpoint, app urlHooks) {
	ep.preprocessors = append(ep.preprocessors, app.preprocessors...)
	for _, s := range ep.scope.chain() {
		ep.preprocessors = append(ep.preprocessors, s.bp.urlHooks.preprocessors...)
	}
}

// injectURLDefaults runs the URLDefaults functions for endpoint, Flask's
// inject_url_defaults: the app's, then those of the blueprints named by
// the endpoint, outermost first.
func (a *App) injectURLDefaults(c *Ctx, endpoint string, values map[string]any) {
	for _, f := range a.urlDefaults {
		f(c, endpoint, values)
	}
	i := strings.LastIndexByte(endpoint, '.')
	if i < 0 {
		return
	}
	bps := endpoint[:i]
	for j := 0; j <= len(bps); j++ {
		if j < len(bps) && bps[j] != '.' {
			continue
		}
		if s := a.scopeNamed(bps[:j]); s != nil {
			for _, f := range s.bp.urlHooks.defaults {
				f(c, endpoint, values)
			}
		}
	}
}

// scopeNamed returns the registered blueprint scope with the dotted name.
func (a *App) scopeNamed(name string) *scope {
	for _, s := range a.scopes {
		if s.name == name {
			return s
		}
	}
	return nil
}

// preprocessURLValues runs the endpoint's value preprocessors.
func (c *Ctx) preprocessURLValues() error {
	values, err := c.params.Values()
	if err != nil {
		return err
	}
	for _, f := range c.ep.preprocessors {
		f(c, c.ep.name, values)
	}
	return nil
}
