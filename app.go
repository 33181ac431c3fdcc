package flagon

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/flagon-go/flagon/config"
	"github.com/flagon-go/flagon/routing"
	"github.com/flagon-go/flagon/session"
)

// App is a flagon application: an http.Handler that routes requests with
// Flask rules to handlers, runs hooks and error handlers, and serves
// static files. Create it with New, register everything, then serve it;
// registering after the first request panics, as Flask's setup methods
// fail once the app has started handling requests.
type App struct {
	Scaffold
	// Config is the app's configuration, with Flask's defaults.
	Config *config.Config
	// Logger receives request errors and warnings.
	Logger *slog.Logger
	// RootPath is the folder relative paths (static, templates, instance)
	// are resolved against. It defaults to the working directory.
	RootPath string
	// InstancePath is the instance folder, for files that are not in
	// version control: local config, SQLite databases. It is
	// RootPath/instance when WithRootPath is given; otherwise the folder
	// "instance" beside the program's executable, or, under "go run" and
	// "go test", beside the source file that called New, so that it never
	// depends on the working directory.
	InstancePath string
	// StaticFS holds the app's static files, served at StaticURLPath with
	// the endpoint "static". New sets it to RootPath/static when that
	// folder exists.
	StaticFS fs.FS
	// StaticURLPath is the URL path of the static files ("/static").
	StaticURLPath string
	// TemplateFS holds the app's templates (RootPath/templates by default).
	TemplateFS fs.FS
	// JSON encodes and decodes JSON bodies; swap it for another provider.
	JSON JSONProvider
	// SendFileMaxAge, when set, chooses the cache max age of files sent
	// with SendFileWith and SendReader (Flask's get_send_file_max_age
	// override); ok false means none (no-cache). Unset, the max age is
	// SEND_FILE_MAX_AGE_DEFAULT.
	SendFileMaxAge func(name string) (maxAge time.Duration, ok bool)
	// SubdomainMatching matches routes by subdomain of SERVER_NAME too
	// (see WithSubdomainMatching and Subdomain).
	SubdomainMatching bool
	// StaticHost is the host of the static route with host matching
	// (Flask's static_host; see WithHostMatching).
	StaticHost string
	// SessionInterface opens and saves sessions. When nil, a signed
	// cookie interface compatible with Flask's is built from the config
	// (again after the config changes, as Flask reads app.config per
	// request); set a server-side store here.
	SessionInterface session.Interface

	urlMap             *routing.Map
	endpoints          map[string]*endpoint
	scopes             []*scope
	middleware         []func(http.Handler) http.Handler
	finalizers         []HookFunc
	root               *endpoint
	handler            http.Handler
	once               sync.Once
	started            atomic.Bool
	pool               sync.Pool
	staticTags         sync.Map
	staticFS           sync.Map
	onUnhandled        []func(c *Ctx, err error) bool
	jsonPrefixes       []string // URL prefixes of JSONErrors blueprints
	urlDefaults        []URLDefaultsFunc
	buildErrorHandlers []URLBuildErrorHandler
	tmpl               templateSetup
	beforeServe        []func(ctx context.Context) error
	reqConfig          atomic.Pointer[requestConfig]
}

// Option configures an App in New.
type Option func(*App)

// WithRootPath sets the app's root folder.
func WithRootPath(path string) Option { return func(a *App) { a.RootPath = path } }

// WithStaticFS serves static files from fsys (e.g. an embed.FS).
func WithStaticFS(fsys fs.FS) Option { return func(a *App) { a.StaticFS = fsys } }

// WithTemplateFS loads templates from fsys (e.g. an embed.FS).
func WithTemplateFS(fsys fs.FS) Option { return func(a *App) { a.TemplateFS = fsys } }

// WithConfig sets configuration values (upper-case keys) before anything
// else reads them.
func WithConfig(values map[string]any) Option {
	return func(a *App) { a.Config.FromMap(values) }
}

// WithLogger sets the app's logger.
func WithLogger(l *slog.Logger) Option { return func(a *App) { a.Logger = l } }

// New returns an App with Flask's default configuration.
func New(opts ...Option) *App {
	a := &App{
		Config:        config.NewWithDefaults(),
		Logger:        slog.Default(),
		StaticURLPath: "/static",
		JSON:          StdJSON{},
		urlMap:        routing.NewMap(),
		endpoints:     map[string]*endpoint{},
	}
	cwd, _ := os.Getwd()
	a.RootPath = cwd
	debugFromEnv(a)
	a.addRoute = func(rec routeRecord) { a.addRule(rec, nil) }
	a.Scaffold.frozen = a.started.Load
	for _, o := range opts {
		o(a)
	}
	if a.InstancePath == "" {
		a.InstancePath = a.defaultInstancePath(cwd, callerFile())
	}
	a.defaultFolders()
	a.pool.New = func() any { return newCtx(a) }
	return a
}

// confinedDirFS is the folder dir as an fs.FS that a symbolic link cannot
// lead out of (an os.Root), so that a template name never reaches a file
// outside the templates folder; links inside it still work. It falls back
// to os.DirFS when dir cannot be opened as a root.
func confinedDirFS(dir string) fs.FS {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return os.DirFS(dir)
	}
	return root.FS()
}

func (a *App) defaultFolders() {
	if a.InstancePath == "" {
		a.InstancePath = filepath.Join(a.RootPath, "instance")
	}
	if a.StaticFS == nil {
		if dir := filepath.Join(a.RootPath, "static"); isDir(dir) {
			a.StaticFS = os.DirFS(dir)
		}
	}
	if a.TemplateFS == nil {
		if dir := filepath.Join(a.RootPath, "templates"); isDir(dir) {
			a.TemplateFS = confinedDirFS(dir)
		}
	}
}

func isDir(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

func (a *App) scaffold() *Scaffold { return &a.Scaffold }

// Use adds net/http middleware around the whole app. Middleware runs
// before routing, in the order added.
func (a *App) Use(mw ...func(http.Handler) http.Handler) {
	a.checkOpen("Use")
	a.middleware = append(a.middleware, mw...)
}

// Finalize registers a hook that runs after every after-request hook,
// just before the headers are written; the session is saved this way.
// It is meant for extensions.
func (a *App) Finalize(f HookFunc) {
	a.checkOpen("Finalize")
	a.finalizers = append(a.finalizers, f)
}

// Mount serves h under prefix for every method, with the prefix stripped
// from the request path, as http.StripPrefix does.
func (a *App) Mount(prefix string, h http.Handler, opts ...RouteOption) {
	a.checkOpen("Mount")
	stripped := http.StripPrefix(prefix, h)
	handler := func(c *Ctx) error {
		stripped.ServeHTTP(c.ResponseWriter(), c.Request)
		return nil
	}
	all := Methods("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
	base := append([]RouteOption{all, Endpoint(prefix)}, opts...)
	site := callerSite(2)
	a.addRule(routeRecord{rule: prefix, handler: handler, site: site, opts: collect(base)}, nil)
	a.addRule(routeRecord{rule: joinRule(prefix, "<path:__rest>"), handler: handler, site: site, opts: collect(base)}, nil)
}

func collect(opts []RouteOption) routeOptions {
	var o routeOptions
	for _, f := range opts {
		f(&o)
	}
	return o
}

// URLMap returns the app's routing map, e.g. to list its rules.
func (a *App) URLMap() *routing.Map { return a.urlMap }

// Debug reports whether debug mode is on (config DEBUG).
func (a *App) Debug() bool { return a.Config.BoolOr("DEBUG", false) }

// Testing reports whether testing mode is on (config TESTING).
func (a *App) Testing() bool { return a.Config.BoolOr("TESTING", false) }

// endpoint is what a rule dispatches to: the handler and the hooks and
// error handlers of its scopes, resolved when the app is frozen.
type endpoint struct {
	name    string
	handler HandlerFunc // the decorated handler
	base    HandlerFunc // the handler as registered
	view    any         // the view of AddView
	// preprocessors are the URL value preprocessors of its scopes.
	preprocessors []URLValuePreprocessorFunc
	scope         *scope
	before        []HookFunc
	after         []HookFunc
	// holdResponse holds responses for AfterRequestResponse hooks.
	holdResponse bool
	teardown     []TeardownFunc
	errScopes    []*errorHandlers
	// jsonErrors makes the default error pages JSON (JSONErrors).
	jsonErrors bool
}

// addRule adds one route registration, inside blueprint scope sc or on
// the app when sc is nil.
func (a *App) addRule(rec routeRecord, sc *scope) {
	name := rec.opts.endpoint
	if name == "" {
		name = handlerName(rec.handler)
	}
	pattern := rec.rule
	if sc != nil {
		pattern = joinRule(sc.prefix, rec.rule)
	}
	if name == "" {
		name = pattern
	}
	if sc != nil {
		name = sc.name + "." + name
	}
	var ep *endpoint
	if rec.handler != nil {
		ep = a.endpointFor(name, rec, sc)
	}
	methods := rec.opts.methods
	if len(methods) == 0 {
		methods = []string{http.MethodGet}
	}
	strict := rec.opts.strictSlashes == nil || *rec.opts.strictSlashes
	auto := a.Config.BoolOr("PROVIDE_AUTOMATIC_OPTIONS", true)
	if rec.opts.autoOptions != nil {
		auto = *rec.opts.autoOptions
	}
	sub := ""
	if sc != nil {
		sub = sc.subdomain
	}
	if rec.opts.subdomain != nil {
		sub = *rec.opts.subdomain
	}
	r := &routing.Rule{Pattern: pattern, Endpoint: name, Methods: methods, Subdomain: sub, Host: rec.opts.host, Alias: rec.opts.alias,
		StrictSlashes: strict, NoAutoOptions: !auto, NoMergeSlashes: rec.opts.noMerge, Defaults: rec.opts.defaults,
		BuildOnly: rec.handler == nil, Handler: ep, Site: rec.site,
		RedirectTo: rec.opts.redirectTo, RedirectFunc: rec.opts.redirectFunc}
	if err := a.urlMap.Add(r); err != nil {
		panic("flagon: " + err.Error())
	}
}

// endpointFor returns the endpoint named name, creating it; a second
// registration of the name with another handler panics with both sites.
func (a *App) endpointFor(name string, rec routeRecord, sc *scope) *endpoint {
	if ep, ok := a.endpoints[name]; ok {
		if ep.view != nil || rec.opts.view != nil {
			if !sameView(ep.view, rec.opts.view) {
				panic(fmt.Sprintf("flagon: endpoint %q (registered at %s) is already mapped to another view or handler", name, rec.site))
			}
			return ep
		}
		if !sameHandler(ep.base, rec.handler) {
			panic(fmt.Sprintf("flagon: endpoint %q (registered at %s) is already mapped to another handler; name one of them with flagon.Endpoint", name, rec.site))
		}
		return ep
	}
	ep := &endpoint{name: name, handler: applyDecorators(rec.handler, rec.opts.decorators),
		base: rec.handler, view: rec.opts.view, scope: sc, jsonErrors: rec.opts.jsonErrors}
	a.endpoints[name] = ep
	return ep
}

// RegisterBlueprint registers bp on the app: its routes, hooks, error
// handlers, commands, nested blueprints and static files.
func (a *App) RegisterBlueprint(bp *Blueprint, opts ...RegisterOption) {
	a.checkOpen("RegisterBlueprint")
	a.register(bp, nil, opts)
}

func (a *App) register(bp *Blueprint, parent *scope, opts []RegisterOption) {
	for s := parent; s != nil; s = s.parent {
		if s.bp == bp {
			panic(fmt.Sprintf("flagon: blueprint %q is registered inside itself (through %q)", bp.name, parent.name))
		}
	}
	var o registerOptions
	for _, f := range opts {
		f(&o)
	}
	sc := a.newScope(bp, parent, o)
	for _, rec := range bp.routes {
		a.addRule(rec, sc)
	}
	a.registerTemplates(sc)
	a.registerStatic(bp.StaticFS, joinRule(sc.prefix, bp.StaticURLPath), sc.name+".static", callerSite(3))
	a.commands = append(a.commands, bp.commands...)
	bp.frozen = func() bool { return true }
	for _, child := range bp.children {
		a.register(child.bp, sc, child.opts)
	}
}

func (a *App) newScope(bp *Blueprint, parent *scope, o registerOptions) *scope {
	name := bp.name
	if o.name != "" {
		name = o.name
	}
	prefix := bp.URLPrefix
	if o.prefix != nil {
		prefix = *o.prefix
	}
	if parent != nil {
		name = parent.name + "." + name
		prefix = joinRule(parent.prefix, prefix)
	}
	for _, s := range a.scopes {
		if s.name == name {
			panic(fmt.Sprintf("flagon: a blueprint named %q is already registered; pass flagon.BlueprintName to register it again", name))
		}
	}
	sub := bp.Subdomain
	if o.subdomain != nil {
		sub = *o.subdomain
	}
	if parent != nil {
		sub = joinSubdomain(sub, parent.subdomain)
	}
	sc := &scope{bp: bp, name: name, prefix: prefix, subdomain: sub, parent: parent}
	a.scopes = append(a.scopes, sc)
	return sc
}

// AddConverter registers a user-defined URL converter usable in rules as
// <name:var> or <name(args):var>.
func (a *App) AddConverter(name string, f routing.ConverterFactory) {
	a.checkOpen("AddConverter")
	a.urlMap.AddConverter(name, f)
}

// debugFromEnv sets DEBUG from FLAGON_DEBUG when it is set, as Flask's
// app.debug follows FLASK_DEBUG.
func debugFromEnv(a *App) {
	v, ok := os.LookupEnv("FLAGON_DEBUG")
	if !ok || v == "" {
		return
	}
	switch strings.ToLower(v) {
	case "0", "false", "no", "off":
		a.Config.Set("DEBUG", false)
	default:
		a.Config.Set("DEBUG", true)
	}
}
