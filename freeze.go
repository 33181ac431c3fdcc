package flagon

import (
	"net/http"
	"slices"
	"strings"
)

// freeze runs once, before the first request: it registers the static
// route, resolves every endpoint's hooks and error handlers, and builds
// the middleware chain. Registrations after it panic.
func (a *App) freeze() {
	a.registerStatic(a.StaticFS, a.StaticURLPath, "static", "app static folder")
	a.root = &endpoint{}
	a.resolve(a.root)
	a.jsonPrefixes = a.jsonErrorPrefixes()
	urls := a.appURLHooks()
	a.urlDefaults = urls.defaults
	for _, ep := range a.endpoints {
		a.resolve(ep)
		a.resolveURLHooks(ep, urls)
	}
	a.loadTemplates()
	if len(a.middleware) > 0 {
		var h http.Handler = http.HandlerFunc(a.dispatch)
		for i := len(a.middleware) - 1; i >= 0; i-- {
			h = a.middleware[i](h)
		}
		a.handler = h
	}
	a.started.Store(true)
}

// Freeze finishes the app's setup; ServeHTTP calls it on the first
// request. Call it to get registration errors at start-up.
func (a *App) Freeze() { a.once.Do(a.freeze) }

// resolve computes ep's hook lists in Flask's order.
func (a *App) resolve(ep *endpoint) {
	scopes := ep.scope.chain() // outermost first
	app := a.appHooks()
	ep.before = append(ep.before, app.before...)
	for _, s := range scopes {
		ep.before = append(ep.before, s.bp.hooks.before...)
		ep.jsonErrors = ep.jsonErrors || s.bp.JSONErrors
		ep.holdResponse = ep.holdResponse || s.bp.hooks.hold
	}
	for i := len(scopes) - 1; i >= 0; i-- {
		ep.after = appendReversed(ep.after, scopes[i].bp.hooks.after)
		ep.teardown = appendReversed(ep.teardown, scopes[i].bp.hooks.teardown)
		if !scopes[i].bp.errors.empty() {
			ep.errScopes = append(ep.errScopes, &scopes[i].bp.errors)
		}
	}
	ep.after = appendReversed(ep.after, app.after)
	ep.holdResponse = ep.holdResponse || app.hold
	ep.after = append(ep.after, a.finalizers...)
	ep.teardown = appendReversed(ep.teardown, app.teardown)
	ep.errScopes = append(ep.errScopes, a.appErrorHandlers())
}

// jsonErrorPrefixes returns the URL prefixes of the JSONErrors
// blueprints, for the error pages of unmatched URLs.
func (a *App) jsonErrorPrefixes() []string {
	var out []string
	for _, s := range a.scopes {
		for p := s; p != nil; p = p.parent {
			if p.bp.JSONErrors && strings.Trim(s.prefix, "/") != "" {
				out = append(out, strings.TrimRight(s.prefix, "/"))
				break
			}
		}
	}
	return out
}

// appHooks merges the app's hooks with the app-wide hooks registered by
// blueprints, in registration order.
func (a *App) appHooks() hookSet {
	h := a.hooks
	h.before = slices.Clone(h.before)
	h.after = slices.Clone(h.after)
	h.teardown = slices.Clone(h.teardown)
	for _, s := range a.scopes {
		h.before = append(h.before, s.bp.appHooks.before...)
		h.after = append(h.after, s.bp.appHooks.after...)
		h.teardown = append(h.teardown, s.bp.appHooks.teardown...)
		h.hold = h.hold || s.bp.appHooks.hold
	}
	return h
}

// appErrorHandlers merges the app's error handlers with the app-wide ones
// of blueprints; the app's own win.
func (a *App) appErrorHandlers() *errorHandlers {
	merged := &errorHandlers{}
	for _, s := range a.scopes {
		mergeHandlers(merged, &s.bp.appErrs)
	}
	mergeHandlers(merged, &a.errors)
	return merged
}

func mergeHandlers(dst, src *errorHandlers) {
	for code, f := range src.byCode {
		dst.addCode(code, f)
	}
	for _, th := range src.byType {
		dst.addType(th)
	}
}

func appendReversed[T any](dst, src []T) []T {
	for i := len(src) - 1; i >= 0; i-- {
		dst = append(dst, src[i])
	}
	return dst
}
