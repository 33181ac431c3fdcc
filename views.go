package flagon

import (
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strings"
)

// View is Flask's class-based View: DispatchRequest answers every method
// of the view's rule (GET unless the view implements ViewMethods). Register
// a view with AddView. A view value serves all its requests, concurrently:
// keep per-request state in the Ctx, not in the view (Flask's
// init_every_request=False).
type View interface {
	DispatchRequest(c *Ctx) error
}

// ViewMethods is implemented by a view that lists its methods, Flask's
// View.methods; for a method view it limits (or extends, for methods such
// as PROPFIND) the methods found on the type.
type ViewMethods interface {
	Methods() []string
}

// ViewDecorators is implemented by a view whose handler is decorated,
// Flask's View.decorators: applied in order, so the first is innermost.
type ViewDecorators interface {
	Decorators() []Decorator
}

// ViewAutomaticOptions is implemented by a view that chooses whether
// OPTIONS is answered automatically, Flask's provide_automatic_options.
type ViewAutomaticOptions interface {
	ProvideAutomaticOptions() bool
}

// httpMethodFuncs are the methods a method view answers by defining a Go
// method of the same name, Flask's http_method_funcs.
var httpMethodFuncs = []string{"GET", "POST", "HEAD", "OPTIONS", "DELETE", "PUT", "TRACE", "PATCH"}

// AddView registers view for rule under the endpoint name, Flask's
// add_url_rule(rule, view_func=V.as_view(name)). view is a View, or a
// method view (Flask's MethodView): any value with methods named after
// HTTP methods, each func(*Ctx) error (Get, Post, Put, Patch, Delete,
// Head, Options, Trace, or others listed by ViewMethods, e.g. Propfind).
// A method view answers exactly its methods, with automatic OPTIONS and
// Allow; HEAD without a Head method runs Get. Registering another view
// under the same name panics.
//
//	type ItemAPI struct{ db *orm.DB }
//	func (v *ItemAPI) Get(c *flagon.Ctx) error    { ... }
//	func (v *ItemAPI) Delete(c *flagon.Ctx) error { ... }
//	app.AddView("/items/<int:id>", "item", &ItemAPI{db})
func (s *Scaffold) AddView(rule, name string, view any, opts ...RouteOption) {
	s.checkOpen("AddView")
	h, methods, err := asView(view)
	if err != nil {
		panic(fmt.Sprintf("flagon: AddView(%q, %q): %v", rule, name, err))
	}
	rec := routeRecord{rule: rule, handler: h, site: callerSite(2)}
	rec.opts.endpoint, rec.opts.methods, rec.opts.view = name, methods, view
	if v, ok := view.(ViewAutomaticOptions); ok {
		on := v.ProvideAutomaticOptions()
		rec.opts.autoOptions = &on
	}
	for _, o := range opts {
		o(&rec.opts)
	}
	s.record(rec)
}

// asView returns the handler and methods of a View or a method view.
func asView(view any) (HandlerFunc, []string, error) {
	if view == nil {
		return nil, nil, fmt.Errorf("nil view")
	}
	var h HandlerFunc
	var methods []string
	if v, ok := view.(View); ok {
		h, methods = v.DispatchRequest, []string{http.MethodGet}
		if m, ok := view.(ViewMethods); ok {
			methods = upper(m.Methods())
		}
	} else {
		funcs, err := methodFuncs(view)
		if err != nil {
			return nil, nil, err
		}
		h = func(c *Ctx) error { return dispatchMethod(c, funcs) }
		methods = sortedKeys(funcs)
	}
	if d, ok := view.(ViewDecorators); ok {
		for _, dec := range d.Decorators() {
			h = dec(h)
		}
	}
	return h, methods, nil
}

// methodFuncs finds a method view's handler methods: the standard HTTP
// methods it defines, or exactly those ViewMethods lists.
func methodFuncs(view any) (map[string]HandlerFunc, error) {
	candidates := httpMethodFuncs
	listed, hasList := view.(ViewMethods)
	if hasList {
		candidates = upper(listed.Methods())
	}
	v := reflect.ValueOf(view)
	funcs := map[string]HandlerFunc{}
	for _, m := range candidates {
		name := m[:1] + strings.ToLower(m[1:])
		mv := v.MethodByName(name)
		if !mv.IsValid() {
			if hasList {
				return nil, fmt.Errorf("%T lists %s but has no %s method", view, m, name)
			}
			continue
		}
		f, ok := mv.Interface().(func(*Ctx) error)
		if !ok {
			return nil, fmt.Errorf("%T.%s is %s, want func(*flagon.Ctx) error", view, name, mv.Type())
		}
		funcs[m] = f
	}
	if len(funcs) == 0 {
		return nil, fmt.Errorf("%T is neither a flagon.View nor a method view (no Get, Post, ... method)", view)
	}
	return funcs, nil
}

// dispatchMethod runs the view method for the request's method, Flask's
// MethodView.dispatch_request; HEAD falls back to Get.
func dispatchMethod(c *Ctx, funcs map[string]HandlerFunc) error {
	f, ok := funcs[c.Request.Method]
	if !ok && c.Request.Method == http.MethodHead {
		f, ok = funcs[http.MethodGet]
	}
	if !ok {
		return fmt.Errorf("flagon: unimplemented method %q", c.Request.Method)
	}
	return f(c)
}

func upper(in []string) []string {
	out := make([]string, len(in))
	for i, m := range in {
		out[i] = strings.ToUpper(m)
	}
	return out
}

func sortedKeys(m map[string]HandlerFunc) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// sameView reports whether two registrations are of the same view value.
func sameView(a, b any) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	return ta == tb && ta.Comparable() && a == b
}
