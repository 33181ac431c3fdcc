package flagon

import (
	"fmt"
	"net/http"
	"reflect"
	"runtime"
	"strings"

	"github.com/spf13/cobra"
)

// HandlerFunc handles a request. A returned error goes through the error
// handlers of the route's blueprints and then of the app.
type HandlerFunc func(c *Ctx) error

// HookFunc is a before- or after-request hook. A before-request hook that
// writes a response (or returns an error) stops the request before the
// handler runs, as a Flask before_request function that returns a value.
type HookFunc func(c *Ctx) error

// TeardownFunc runs after every request, also after a panic; err is the
// unhandled error the request ended with, or nil, as Flask's teardown
// functions get it: nil for an HTTP error of any code (Abort(404),
// Abort(503): Flask's handle_http_exception answers them) and for an
// error that a handler of its own answered; a plain error only the 500
// handler answered, a panic, a failing error handler or a failing
// after-request hook is passed on.
type TeardownFunc func(c *Ctx, err error)

// ErrorHandlerFunc turns an error into a response. Returning a non-nil
// error hands that error to the default error page.
type ErrorHandlerFunc func(c *Ctx, err error) error

// Scaffold is the registration API shared by App and Blueprint, as Flask's
// Scaffold: routes, hooks, error handlers and commands. On an App a
// registration takes effect at once; on a Blueprint it is recorded and
// replayed when the blueprint is registered.
type Scaffold struct {
	name     string
	urlHooks urlHooks // url_defaults and url_value_preprocessor
	appURL   urlHooks // those a blueprint registers for the whole app
	routes   []routeRecord
	hooks    hookSet
	appHooks hookSet // hooks a blueprint registers for the whole app
	errors   errorHandlers
	appErrs  errorHandlers
	commands []*cobra.Command
	children []childBlueprint
	// addRoute is set by App to register immediately.
	addRoute func(rec routeRecord)
	frozen   func() bool
}

// hookSet holds one scope's request hooks.
type hookSet struct {
	before   []HookFunc
	after    []HookFunc
	teardown []TeardownFunc
	// hold is set by AfterRequestResponse: responses are held for it.
	hold bool
}

// routeRecord is one route registration, kept until it can be added to the
// app's URL map.
type routeRecord struct {
	rule    string
	handler HandlerFunc
	opts    routeOptions
	site    string
}

// RouteOption configures a route: its methods, endpoint name and slash
// handling.
type RouteOption func(*routeOptions)

type routeOptions struct {
	methods       []string
	endpoint      string
	strictSlashes *bool
	jsonErrors    bool
	decorators    []Decorator
	autoOptions   *bool
	view          any // the view of AddView, for endpoint identity
	noMerge       bool
	defaults      map[string]any
	subdomain     *string
	host          string
	alias         bool
	redirectTo    string
	redirectFunc  func(values map[string]any) (string, error)
}

// Alias makes the route an alternative URL of its endpoint (Werkzeug's
// alias=True): requests to it are redirected (308, query kept) to the
// endpoint's canonical URL for the same values.
//
//	app.Get("/", index)
//	app.Get("/index.html", index, flagon.Alias()) // redirects to /
func Alias() RouteOption {
	return func(o *routeOptions) { o.alias = true }
}

// Defaults gives the route values that are not in its path, Flask's
// defaults={...}: c.Param and c.ParamValue return them, url_for uses the
// route when the values agree with them, and a request for another route
// of the endpoint with these very values is redirected (308) to this one:
//
//	app.Get("/users/", showUsers, flagon.Defaults(map[string]any{"page": 1}))
//	app.Get("/users/page/<int:page>", showUsers) // /users/page/1 redirects to /users/
func Defaults(values map[string]any) RouteOption {
	return func(o *routeOptions) { o.defaults = values }
}

// MergeSlashes sets whether the route's repeated slashes are merged (true
// by default, Werkzeug's merge_slashes): a request with repeated slashes
// that matches no route as sent is redirected to its merged path when that
// matches a merging route.
func MergeSlashes(on bool) RouteOption {
	return func(o *routeOptions) { o.noMerge = !on }
}

// AutomaticOptions sets whether OPTIONS is answered automatically for the
// route (Flask's provide_automatic_options); the default is the config's
// PROVIDE_AUTOMATIC_OPTIONS (true), and a route listing OPTIONS answers it
// itself.
func AutomaticOptions(on bool) RouteOption {
	return func(o *routeOptions) { o.autoOptions = &on }
}

// Methods sets the HTTP methods a route answers (GET when not given).
func Methods(methods ...string) RouteOption {
	return func(o *routeOptions) {
		for _, m := range methods {
			o.methods = append(o.methods, strings.ToUpper(m))
		}
	}
}

// Endpoint names the route for URLFor. Without it the endpoint is the
// handler function's name, or the rule itself for anonymous functions.
func Endpoint(name string) RouteOption {
	return func(o *routeOptions) { o.endpoint = name }
}

// StrictSlashes sets whether a rule ending in "/" redirects requests
// without the slash (true by default, as in Werkzeug).
func StrictSlashes(on bool) RouteOption {
	return func(o *routeOptions) { o.strictSlashes = &on }
}

// JSONErrors declares the route an API: its default error pages are JSON
// whatever the Accept header (see Blueprint.JSONErrors).
func JSONErrors() RouteOption {
	return func(o *routeOptions) { o.jsonErrors = true }
}

// Route registers h for rule with the given options.
func (s *Scaffold) Route(rule string, h HandlerFunc, opts ...RouteOption) {
	s.checkOpen("Route")
	rec := routeRecord{rule: rule, handler: h, site: callerSite(2)}
	for _, o := range opts {
		o(&rec.opts)
	}
	s.record(rec)
}

// record adds a route registration: at once on an App, kept for
// registration on a Blueprint, whose endpoint names may not contain a dot
// (Flask: "'endpoint' may not contain a dot '.' character").
func (s *Scaffold) record(rec routeRecord) {
	if s.addRoute != nil {
		s.addRoute(rec)
		return
	}
	if strings.Contains(rec.opts.endpoint, ".") {
		panic(fmt.Sprintf("flagon: endpoint %q of blueprint %q (at %s) may not contain a dot", rec.opts.endpoint, s.name, rec.site))
	}
	s.routes = append(s.routes, rec)
}

// AddURLRule registers rule for URL building only under endpoint, Flask's
// add_url_rule(rule, endpoint) without a view function (Werkzeug's
// build_only): url_for(endpoint) gives rule's URL, while requests to it go
// to the route that answers it, so one URL can have alias endpoint names.
func (s *Scaffold) AddURLRule(rule, endpoint string, opts ...RouteOption) {
	s.checkOpen("AddURLRule")
	rec := routeRecord{rule: rule, site: callerSite(2)}
	for _, o := range opts {
		o(&rec.opts)
	}
	rec.opts.endpoint = endpoint
	s.record(rec)
}

// Get registers h for GET (and HEAD) requests to rule.
func (s *Scaffold) Get(rule string, h HandlerFunc, opts ...RouteOption) {
	s.methodRoute(http.MethodGet, rule, h, opts)
}

// Post registers h for POST requests to rule.
func (s *Scaffold) Post(rule string, h HandlerFunc, opts ...RouteOption) {
	s.methodRoute(http.MethodPost, rule, h, opts)
}

// Put registers h for PUT requests to rule.
func (s *Scaffold) Put(rule string, h HandlerFunc, opts ...RouteOption) {
	s.methodRoute(http.MethodPut, rule, h, opts)
}

// Patch registers h for PATCH requests to rule.
func (s *Scaffold) Patch(rule string, h HandlerFunc, opts ...RouteOption) {
	s.methodRoute(http.MethodPatch, rule, h, opts)
}

// Delete registers h for DELETE requests to rule.
func (s *Scaffold) Delete(rule string, h HandlerFunc, opts ...RouteOption) {
	s.methodRoute(http.MethodDelete, rule, h, opts)
}

func (s *Scaffold) methodRoute(method, rule string, h HandlerFunc, opts []RouteOption) {
	s.checkOpen(method)
	rec := routeRecord{rule: rule, handler: h, site: callerSite(3)}
	rec.opts.methods = []string{method}
	for _, o := range opts {
		o(&rec.opts)
	}
	s.record(rec)
}

// BeforeRequest registers a hook that runs before each request of this
// scope (the whole app, or the blueprint's routes).
func (s *Scaffold) BeforeRequest(f HookFunc) {
	s.checkOpen("BeforeRequest")
	s.hooks.before = append(s.hooks.before, f)
}

// AfterRequest registers a hook that runs just before the response headers
// are written; it may change headers, cookies and the status. Hooks run in
// reverse order of registration, blueprint hooks before app hooks, as in
// Flask. An error from a hook replaces the response with the response of
// its error handler (or the default error page).
func (s *Scaffold) AfterRequest(f HookFunc) {
	s.checkOpen("AfterRequest")
	s.hooks.after = append(s.hooks.after, f)
}

// TeardownRequest registers a function that runs at the end of every
// request of this scope, also after a panic, with the request's
// unhandled error (see TeardownFunc).
func (s *Scaffold) TeardownRequest(f TeardownFunc) {
	s.checkOpen("TeardownRequest")
	s.hooks.teardown = append(s.hooks.teardown, f)
}

// ErrorHandler registers f for errors that map to the status code: an
// *HTTPError with that code, or any unhandled error for 500. As Flask
// (ValueError "is not a recognized HTTP error code"), it panics for a code
// Werkzeug has no exception class for, those Abort refuses too (402, 407,
// 419, 999...); handle an error with such a status by type, with
// HandleError.
func (s *Scaffold) ErrorHandler(code int, f ErrorHandlerFunc) {
	s.checkOpen("ErrorHandler")
	s.errors.addCode(code, f)
}

// Command adds a command-line command to the app's CLI (Flask's
// app.cli.command / bp.cli.command).
func (s *Scaffold) Command(cmd *cobra.Command) {
	s.checkOpen("Command")
	s.commands = append(s.commands, cmd)
}

// Commands returns the commands registered on this scaffold.
func (s *Scaffold) Commands() []*cobra.Command { return s.commands }

// Name returns the scaffold's name: the blueprint name, or "" for an app.
func (s *Scaffold) Name() string { return s.name }

func (s *Scaffold) checkOpen(what string) {
	if s.frozen != nil && s.frozen() {
		panic(fmt.Sprintf("flagon: %s called after the app handled its first request; register everything before serving", what))
	}
}

// callerSite returns "file.go:line" of the caller skip frames up.
func callerSite(skip int) string {
	_, file, line, ok := runtime.Caller(skip)
	if !ok {
		return "unknown"
	}
	return fmt.Sprintf("%s:%d", file, line)
}

// handlerName derives an endpoint name from a named function ("index" for
// main.index, "Index" for (*Shop).Index), looking through Wraps; "" for
// anonymous functions.
func handlerName(h HandlerFunc) string {
	fn := runtime.FuncForPC(reflect.ValueOf(unwrap(h)).Pointer())
	if fn == nil {
		return ""
	}
	name := fn.Name()
	name = strings.TrimSuffix(name, "-fm")
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	parts := strings.Split(name, ".")
	last := parts[len(parts)-1]
	if strings.HasPrefix(last, "func") || last == "" {
		return ""
	}
	for _, p := range parts[1 : len(parts)-1] {
		if strings.HasPrefix(p, "func") {
			return ""
		}
	}
	return last
}
