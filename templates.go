package flagon

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/flagon-go/flagon/internal/errchain"
	"github.com/flagon-go/flagon/render"
)

// RequestFunc is a template function that needs the current request, such
// as url_for or csrf_token. args are the template call's arguments.
type RequestFunc func(c *Ctx, args ...any) (any, error)

// templateSetup collects what the template set is built from.
type templateSetup struct {
	static     template.FuncMap
	perRequest map[string]RequestFunc
	processors []func(c *Ctx) map[string]any
	set        *render.Set
	jinja      jinjaSetup
	err        error
}

// TemplateFunc adds a function or filter usable in every template, e.g.
// app.TemplateFunc("money", formatCents).
func (a *App) TemplateFunc(name string, fn any) {
	a.checkOpen("TemplateFunc")
	if a.tmpl.static == nil {
		a.tmpl.static = template.FuncMap{}
	}
	a.tmpl.static[name] = fn
}

// TemplateRequestFunc adds a template function that receives the current
// request, as an extension's template global (csrf_token).
func (a *App) TemplateRequestFunc(name string, fn RequestFunc) {
	a.checkOpen("TemplateRequestFunc")
	if a.tmpl.perRequest == nil {
		a.tmpl.perRequest = map[string]RequestFunc{}
	}
	a.tmpl.perRequest[name] = fn
}

// ContextProcessor adds values to the data of every template rendered with
// a map[string]any (or nil) as data, Flask's context_processor.
func (a *App) ContextProcessor(fn func(c *Ctx) map[string]any) {
	a.checkOpen("ContextProcessor")
	a.tmpl.processors = append(a.tmpl.processors, fn)
}

// Templates returns the app's template set, loaded when the app was frozen
// from TemplateFS and the blueprints' TemplateFS, and the load error.
func (a *App) Templates() (*render.Set, error) {
	a.Freeze()
	return a.tmpl.set, a.tmpl.err
}

// loadTemplates parses every template at start-up; a broken template is
// logged with its file and line and returned by Templates and Render.
func (a *App) loadTemplates() {
	a.loadJinja()
	opts := render.Options{
		Roots:       a.templateRoots(),
		StaticFuncs: a.tmpl.static,
		Funcs:       a.templateFuncs,
		AutoReload:  a.templatesAutoReload(),
	}
	for _, p := range a.tmpl.processors {
		opts.ContextProcessors = append(opts.ContextProcessors, func(v any) map[string]any {
			if c, ok := v.(*Ctx); ok {
				return p(c)
			}
			return nil
		})
	}
	a.tmpl.set, a.tmpl.err = render.New(opts)
	if a.tmpl.err != nil {
		a.Logger.Error("templates failed to load", "error", a.tmpl.err)
	}
}

func (a *App) templateRoots() []render.Root {
	var roots []render.Root
	if a.TemplateFS != nil && !a.isJinjaRoot(nil) {
		roots = append(roots, render.Root{Name: "templates", FS: a.TemplateFS})
	}
	for _, s := range a.scopes {
		if s.bp.TemplateFS != nil && !a.isJinjaRoot(s) {
			roots = append(roots, render.Root{Name: s.name + "/templates", FS: s.bp.TemplateFS})
		}
	}
	return roots
}

// templatesAutoReload follows TEMPLATES_AUTO_RELOAD, or DEBUG when unset.
func (a *App) templatesAutoReload() bool {
	if v, err := a.Config.Bool("TEMPLATES_AUTO_RELOAD"); err == nil {
		if raw, _ := a.Config.Get("TEMPLATES_AUTO_RELOAD"); raw != nil {
			return v
		}
	}
	return a.Debug()
}

// templateFuncs binds the per-request functions of one template instance
// to the request in its State.
func (a *App) templateFuncs(s *render.State) template.FuncMap {
	fm := template.FuncMap{}
	for name, f := range a.builtinTemplateFuncs() {
		fm[name] = bindRequestFunc(s, name, f)
	}
	for name, f := range a.tmpl.perRequest {
		fm[name] = bindRequestFunc(s, name, f)
	}
	return fm
}

func bindRequestFunc(s *render.State, name string, f RequestFunc) func(args ...any) (any, error) {
	return func(args ...any) (any, error) {
		c, _ := s.Value.(*Ctx)
		if c == nil {
			return nil, fmt.Errorf("%s: only available while handling a request", name)
		}
		return f(c, args...)
	}
}

// builtinTemplateFuncs are Flask's template globals.
func (a *App) builtinTemplateFuncs() map[string]RequestFunc {
	return map[string]RequestFunc{
		"url_for": func(c *Ctx, args ...any) (any, error) {
			if len(args) == 0 {
				return nil, errors.New("url_for: missing endpoint")
			}
			ep, ok := args[0].(string)
			if !ok {
				return nil, fmt.Errorf("url_for: endpoint must be a string, got %T", args[0])
			}
			return c.URLFor(ep, args[1:]...)
		},
		"request": func(c *Ctx, _ ...any) (any, error) { return newTemplateRequest(c), nil },
		"config":  func(c *Ctx, _ ...any) (any, error) { return c.app.Config.Snapshot(), nil },
		"g":       func(c *Ctx, _ ...any) (any, error) { return c.G(), nil },
		"session": func(c *Ctx, _ ...any) (any, error) { return c.Session().Values(), nil },
		"get_flashed_messages": func(c *Ctx, args ...any) (any, error) {
			var filter []string
			for _, a := range args {
				filter = append(filter, fmt.Sprint(a))
			}
			return c.FlashedMessages(filter...), nil
		},
	}
}

// Render renders the template name with data as an HTML response. The
// page is rendered fully before anything is sent, so an error becomes an
// error page.
func (c *Ctx) Render(name string, data any) error {
	buf := renderBuffers.Get().(*bytes.Buffer)
	defer putRenderBuffer(buf)
	if err := c.renderTo(buf, name, data); err != nil {
		return err
	}
	c.Header()["Content-Type"] = textHTML
	c.w.WriteHeader(c.StatusCode())
	_, err := c.w.Write(buf.Bytes())
	return err
}

// renderBuffers recycles the buffers pages are rendered into before they
// are sent (so that a template error can still become an error page).
var renderBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledRender is the largest buffer kept for reuse: one huge page
// should not pin its memory in the pool.
const maxPooledRender = 256 << 10

// putRenderBuffer empties buf and returns it to the pool.
func putRenderBuffer(buf *bytes.Buffer) {
	if buf.Cap() > maxPooledRender {
		return
	}
	buf.Reset()
	renderBuffers.Put(buf)
}

// RenderStream renders the template name while sending it, for large
// pages; an error after the first bytes cannot change the status.
func (c *Ctx) RenderStream(name string, data any) error {
	set, err := c.app.Templates()
	if set == nil {
		return err
	}
	name = templateName(name)
	if t, ok, err := c.app.jinjaTemplate(name); ok {
		if err != nil {
			return err
		}
		c.Header()["Content-Type"] = textHTML
		c.w.WriteHeader(c.StatusCode())
		return c.renderWith(name, data, func() error { return c.renderJinja(&c.w, t, data) })
	}
	c.Header()["Content-Type"] = textHTML
	c.w.WriteHeader(c.StatusCode())
	return c.renderWith(name, data, func() error { return set.Stream(&c.w, name, data, c) })
}

// RenderString renders a template source with data, Flask's
// render_template_string; it may extend the app's templates.
func (c *Ctx) RenderString(src string, data any) (string, error) {
	if c.app.Freeze(); c.app.tmpl.jinja.app {
		return c.renderJinjaString(src, data)
	}
	set, err := c.app.Templates()
	if set == nil {
		return "", err
	}
	var out string
	err = c.renderWith("", data, func() error {
		var rerr error
		out, rerr = set.RenderString(src, data, c)
		return rerr
	})
	return out, err
}

func (c *Ctx) renderTo(w io.Writer, name string, data any) error {
	set, err := c.app.Templates()
	if set == nil {
		return err
	}
	name = templateName(name)
	if t, ok, err := c.app.jinjaTemplate(name); ok {
		if err != nil {
			return err
		}
		return c.renderWith(name, data, func() error { return c.renderJinja(w, t, data) })
	}
	return c.renderWith(name, data, func() error { return set.Render(w, name, data, c) })
}

// templateName normalises a template name as Jinja's loaders split it:
// empty and "." pieces are dropped, so "./admin//index.html" is
// "admin/index.html". A name with a ".." piece or a backslash is left as
// is, and is not found.
func templateName(name string) string {
	if !strings.Contains(name, "./") && !strings.Contains(name, "//") && !strings.HasPrefix(name, "/") {
		return name
	}
	var pieces []string
	for _, p := range strings.Split(name, "/") {
		switch {
		case p == ".." || strings.Contains(p, "\\"):
			return name
		case p != "" && p != ".":
			pieces = append(pieces, p)
		}
	}
	return strings.Join(pieces, "/")
}

// renderWith sends the template signals around render.
func (c *Ctx) renderWith(name string, data any, render func() error) error {
	ev := TemplateEvent{Ctx: c, Name: name, Data: data}
	BeforeRenderTemplate.Send(c.app, ev)
	if err := render(); err != nil {
		return err
	}
	TemplateRendered.Send(c.app, ev)
	return nil
}

// TemplateRequest is the request template global: the *http.Request with
// Flask's request.form and request.args, so a page re-rendered after a
// failed validation shows what was posted ({{ request.Form.Get "name" }}).
type TemplateRequest struct {
	*http.Request
	// Form is the parsed form body (Flask's request.form); empty when the
	// body is not a form or cannot be parsed.
	Form Values
	// Args is the query string (Flask's request.args).
	Args Values
}

func newTemplateRequest(c *Ctx) *TemplateRequest {
	form, _ := c.Form()
	if form == nil {
		form = Values{}
	}
	return &TemplateRequest{Request: c.Request, Form: form, Args: c.Args()}
}

// RenderFirst renders the first template of names that exists, Flask's
// render_template with a list (Jinja's select_template); when none does,
// the error is a *render.NotFoundError for the last name.
func (c *Ctx) RenderFirst(names []string, data any) error {
	if len(names) == 0 {
		return errors.New("flagon: RenderFirst needs at least one template name")
	}
	var err error
	for _, name := range names {
		err = c.Render(name, data)
		var nf *render.NotFoundError
		if !errchain.AsTarget(err, &nf) || nf.Name != templateName(name) || c.Written() {
			return err
		}
	}
	return err
}

// HasTemplates reports whether the app has any template folder: its
// TemplateFS (RootPath/templates when that folder exists) or a
// blueprint's. `run` warns at start-up when it has none.
func (a *App) HasTemplates() bool { return len(a.templateRoots()) > 0 || a.hasJinjaRoots() }
