package flagon

import (
	"io/fs"
	"strings"
)

// Blueprint groups routes, hooks, error handlers, commands, templates and
// static files under a name, registered on an app (or another blueprint)
// with a URL prefix. Endpoints of a blueprint are namespaced:
// "admin.index". Blueprint shares its registration API with App through
// Scaffold.
type Blueprint struct {
	Scaffold
	// URLPrefix is prepended to every rule of the blueprint.
	URLPrefix string
	// TemplateFS holds the blueprint's templates (searched after the
	// app's), or nil.
	TemplateFS fs.FS
	// StaticFS holds the blueprint's static files, served at
	// URLPrefix+StaticURLPath with the endpoint "<name>.static", or nil.
	StaticFS fs.FS
	// StaticURLPath is the URL path of the static files ("/static").
	StaticURLPath string
	// JSONErrors declares the blueprint an API: the default error pages
	// of its routes, of its nested blueprints' routes and of unmatched
	// URLs under its prefix are JSON ({"code", "name", "description"})
	// whatever the Accept header, so that a client sending "Accept: */*"
	// (curl, fetch) does not get HTML. Handlers registered for the errors
	// still answer them.
	JSONErrors bool
	// Subdomain is the subdomain of the blueprint's routes (with
	// App.SubdomainMatching); a nested blueprint's is prefixed to its
	// parent's ("eu" inside "api" is "eu.api").
	Subdomain string

	tmpl bpTemplates
}

// NewBlueprint returns a blueprint named name (no dots) with an optional
// URL prefix.
func NewBlueprint(name string, urlPrefix ...string) *Blueprint {
	if name == "" || strings.Contains(name, ".") {
		panic("flagon: a blueprint name must be non-empty and contain no '.': " + name)
	}
	bp := &Blueprint{StaticURLPath: "/static"}
	bp.name = name
	if len(urlPrefix) > 0 {
		bp.URLPrefix = urlPrefix[0]
	}
	return bp
}

func (b *Blueprint) scaffold() *Scaffold { return &b.Scaffold }

// RegisterBlueprint nests child inside b: its endpoints become
// "b.child.endpoint" and its rules are prefixed by both prefixes.
func (b *Blueprint) RegisterBlueprint(child *Blueprint, opts ...RegisterOption) {
	b.checkOpen("RegisterBlueprint")
	if child == b {
		panic("flagon: cannot register a blueprint on itself: " + b.name)
	}
	b.children = append(b.children, childBlueprint{bp: child, opts: opts, site: callerSite(2)})
}

// BeforeAppRequest registers a before-request hook for every request of
// the app (Flask's before_app_request).
func (b *Blueprint) BeforeAppRequest(f HookFunc) {
	b.checkOpen("BeforeAppRequest")
	b.appHooks.before = append(b.appHooks.before, f)
}

// AfterAppRequest registers an after-request hook for every request of the
// app.
func (b *Blueprint) AfterAppRequest(f HookFunc) {
	b.checkOpen("AfterAppRequest")
	b.appHooks.after = append(b.appHooks.after, f)
}

// TeardownAppRequest registers a teardown function for every request of
// the app.
func (b *Blueprint) TeardownAppRequest(f TeardownFunc) {
	b.checkOpen("TeardownAppRequest")
	b.appHooks.teardown = append(b.appHooks.teardown, f)
}

// AppErrorHandler registers an error handler by status code for every
// request of the app (Flask's app_errorhandler); it panics for the codes
// ErrorHandler refuses.
func (b *Blueprint) AppErrorHandler(code int, f ErrorHandlerFunc) {
	b.checkOpen("AppErrorHandler")
	b.appErrs.addCode(code, f)
}

// RegisterOption changes how a blueprint is registered.
type RegisterOption func(*registerOptions)

type registerOptions struct {
	prefix    *string
	name      string
	subdomain *string
}

// BlueprintSubdomain overrides the blueprint's subdomain for this
// registration, Flask's register_blueprint(bp, subdomain=...).
func BlueprintSubdomain(sub string) RegisterOption {
	return func(o *registerOptions) { o.subdomain = &sub }
}

// URLPrefix overrides the blueprint's URL prefix for this registration.
func URLPrefix(prefix string) RegisterOption {
	return func(o *registerOptions) { o.prefix = &prefix }
}

// BlueprintName registers the blueprint under another name, so the same
// blueprint can be registered twice.
func BlueprintName(name string) RegisterOption {
	return func(o *registerOptions) { o.name = name }
}

// childBlueprint is a registration waiting to be applied.
type childBlueprint struct {
	bp   *Blueprint
	opts []RegisterOption
	site string
}

// scope is one registered blueprint: the blueprint, its full dotted name
// and URL prefix, and its parent scope.
type scope struct {
	bp        *Blueprint
	name      string
	prefix    string
	subdomain string
	parent    *scope
}

// chain returns the scopes from the outermost blueprint to s.
func (s *scope) chain() []*scope {
	if s == nil {
		return nil
	}
	return append(s.parent.chain(), s)
}

// joinRule joins a prefix and a rule as Flask does.
func joinRule(prefix, rule string) string {
	if prefix == "" {
		return rule
	}
	if rule == "" {
		return prefix
	}
	return strings.TrimRight(prefix, "/") + "/" + strings.TrimLeft(rule, "/")
}
