package flagon

import (
	"errors"
	"io"
	"io/fs"
	"reflect"
	"strings"

	"github.com/flagon-go/flagon/jinja"
	"github.com/flagon-go/flagon/render"
)

// jinjaSetup is the Jinja side of the app's templates: which folders
// render with Jinja and the environment built from them at freeze.
type jinjaSetup struct {
	app bool
	env *jinja.Environment
	// html is whether some template folder renders with html/template,
	// computed at freeze: a mixed app then picks each name's engine.
	html bool
	// engines caches, per template name, whether the first folder holding
	// it renders with Jinja; nil with auto-reload, where a new file must be
	// seen and the folders are looked up on every render.
	engines *engineCache
}

// UseJinja makes the app's template folder (TemplateFS) render with the
// Jinja engine (package jinja) instead of html/template, so that a Flask
// app's templates run unchanged. Call it before the app serves.
func (a *App) UseJinja() {
	a.checkOpen("UseJinja")
	a.tmpl.jinja.app = true
}

// UseJinja makes the blueprint's template folder render with Jinja; its
// templates are found after the app's, as Flask's blueprint template
// folders are.
func (b *Blueprint) UseJinja() {
	b.checkOpen("UseJinja")
	b.tmpl.jinja = true
}

// isJinjaRoot reports whether the template folder of scope s (nil: the
// app) renders with Jinja.
func (a *App) isJinjaRoot(s *scope) bool {
	if s == nil {
		return a.tmpl.jinja.app
	}
	return s.bp.tmpl.jinja
}

// loadJinja builds the Jinja environment over the Jinja template folders.
func (a *App) loadJinja() {
	j := &a.tmpl.jinja
	roots := a.jinjaRoots()
	if len(roots) == 0 && !j.app {
		j.env = nil
		return
	}
	env := &jinja.Environment{
		Loader:     unionFS(roots),
		AutoReload: a.templatesAutoReload(),
		Filters:    map[string]any{},
		Tests:      map[string]any{},
		Globals:    map[string]any{},
		JSONDumps:  a.jinjaDumps,
	}
	for name, fn := range a.tmpl.static {
		env.Filters[name] = fn
		env.Globals[name] = fn
		if returnsBool(fn) {
			env.Tests[name] = fn
		}
	}
	j.env = env
	j.html = len(a.templateRoots()) > 0
	j.engines = nil
	if j.html && !env.AutoReload {
		j.engines = &engineCache{}
	}
}

// returnsBool reports whether fn is a function returning only a bool (or a
// bool and an error), so that it can also serve as a Jinja test.
func returnsBool(fn any) bool {
	t := reflect.TypeOf(fn)
	if t == nil || t.Kind() != reflect.Func || t.NumOut() == 0 || t.NumOut() > 2 {
		return false
	}
	return t.Out(0).Kind() == reflect.Bool
}

// JinjaEnvironment returns the app's Jinja environment (nil when no
// template folder uses Jinja), e.g. to add filters before serving.
func (a *App) JinjaEnvironment() *jinja.Environment {
	a.Freeze()
	return a.tmpl.jinja.env
}

// jinjaTemplate returns the Jinja template called name, or ok false when
// no Jinja folder has it (the name then goes to html/template).
func (a *App) jinjaTemplate(name string) (t *jinja.Template, ok bool, err error) {
	env := a.tmpl.jinja.env
	if env == nil || (a.tmpl.jinja.html && !a.nameIsJinja(name)) {
		return nil, false, nil
	}
	t, err = env.GetTemplate(name)
	err = a.withTemplateSource(err)
	var je *jinja.Error
	if errors.As(err, &je) && je.Kind == "TemplateNotFound" && je.Template == name {
		return nil, !a.tmpl.jinja.html, &render.NotFoundError{Name: name, Roots: []string{"jinja templates"}}
	}
	return t, true, err
}

// nameIsJinja reports whether a mixed app renders name with Jinja: the
// folder lookup of firstFolderIsJinja, cached unless templates auto-reload.
// Only names found are cached: as Jinja keeps no missing template, a file
// added after a miss is still found.
func (a *App) nameIsJinja(name string) bool {
	cache := a.tmpl.jinja.engines
	if cache == nil {
		jinja, _ := a.firstFolderIsJinja(name)
		return jinja
	}
	if jinja, ok := cache.get(name); ok {
		return jinja
	}
	jinja, found := a.firstFolderIsJinja(name)
	if found {
		cache.put(name, jinja)
	}
	return jinja
}

// firstFolderIsJinja reports whether, of the template folders holding
// name, the first in Flask's search order (the app's folder, then the
// blueprints' in registration order, as Flask's DispatchingJinjaLoader)
// renders with Jinja, and whether any folder holds name. An app that
// mixes engines thus renders a name with the engine of the folder Flask
// would have taken it from.
func (a *App) firstFolderIsJinja(name string) (jinja, found bool) {
	if a.TemplateFS != nil && hasFile(a.TemplateFS, name) {
		return a.isJinjaRoot(nil), true
	}
	for _, s := range a.scopes {
		if s.bp.TemplateFS != nil && hasFile(s.bp.TemplateFS, name) {
			return a.isJinjaRoot(s), true
		}
	}
	return false, false
}

// hasFile reports whether fsys holds a regular file called name.
func hasFile(fsys fs.FS, name string) bool {
	st, err := fs.Stat(fsys, name)
	return err == nil && !st.IsDir()
}

// renderJinja renders t with data and Flask's template context to w.
func (c *Ctx) renderJinja(w io.Writer, t *jinja.Template, data any) error {
	rc, err := c.jinjaRenderContext(data)
	if err != nil {
		return err
	}
	return c.app.withTemplateSource(t.ExecuteContext(w, rc))
}

// unionFS searches several template folders in order, as Flask's
// DispatchingJinjaLoader searches the app's folder, then the blueprints'.
type unionFS []fs.FS

// Open opens name from the first folder that has it.
func (u unionFS) Open(name string) (fs.File, error) {
	var first error
	for _, f := range u {
		file, err := f.Open(name)
		if err == nil {
			return file, nil
		}
		if first == nil || !errors.Is(err, fs.ErrNotExist) {
			first = err
		}
	}
	if first == nil {
		first = &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return nil, first
}

// jinjaRoots returns the template folders that render with Jinja, the
// app's first, then the blueprints' in registration order.
func (a *App) jinjaRoots() []fs.FS {
	var roots []fs.FS
	if a.TemplateFS != nil && a.isJinjaRoot(nil) {
		roots = append(roots, a.TemplateFS)
	}
	for _, s := range a.scopes {
		if s.bp.TemplateFS != nil && a.isJinjaRoot(s) {
			roots = append(roots, s.bp.TemplateFS)
		}
	}
	return roots
}

// hasJinjaRoots reports whether any template folder renders with Jinja.
func (a *App) hasJinjaRoots() bool { return len(a.jinjaRoots()) > 0 }

// renderJinjaString is render_template_string on a Jinja app.
func (c *Ctx) renderJinjaString(src string, data any) (string, error) {
	env := c.app.tmpl.jinja.env
	if env == nil {
		return "", errors.New("flagon: no Jinja environment (no template folder)")
	}
	t, err := env.FromString(src)
	if err != nil {
		return "", err
	}
	var out strings.Builder
	err = c.renderWith("", data, func() error { return c.renderJinja(&out, t, data) })
	return out.String(), err
}
