package render

import (
	"html/template"
	"io/fs"
	"os"
	"strconv"
	"time"
)

// DefaultExtensions lists the file extensions a Set loads when
// Options.Extensions is empty.
var DefaultExtensions = []string{".html", ".htm", ".xml", ".txt", ".tmpl"}

// defaultReloadInterval is how often, at most, AutoReload stats the files
// of one template.
const defaultReloadInterval = 100 * time.Millisecond

// defaultStringCacheSize bounds the number of distinct sources kept by
// RenderString.
const defaultStringCacheSize = 128

// A Root is one folder of templates searched by a Set.
type Root struct {
	// Name is shown in error messages, e.g. "templates" or
	// "admin/templates". It defaults to "root0", "root1"...
	Name string
	// FS holds the templates; template names are slash paths relative to it.
	FS fs.FS
}

// DirRoot returns a Root reading the directory dir of the operating system,
// named dir in error messages.
func DirRoot(dir string) Root {
	return Root{Name: dir, FS: os.DirFS(dir)}
}

// Options configures a Set. Only Roots is required.
type Options struct {
	// Roots are searched in order: the first root holding a name wins
	// (the application's folder first, then each blueprint's).
	Roots []Root
	// Extensions lists the file extensions to load (with the dot);
	// DefaultExtensions when empty.
	Extensions []string
	// Funcs, when set, is called once per template instance with the
	// instance's State; the returned functions read per-render data from
	// State.Value. It must return the same names on every call.
	Funcs func(s *State) template.FuncMap
	// StaticFuncs are functions and filters shared by every instance.
	StaticFuncs template.FuncMap
	// ContextProcessors add values to the data of every render whose data
	// is a map[string]any (or nil); the render's own values win.
	ContextProcessors []func(value any) map[string]any
	// BeforeRender, when set, is called before a template executes, with
	// the data it receives (Flask's before_render_template signal).
	BeforeRender func(name string, data any)
	// OnRender, when set, is called after a template rendered without
	// error (Flask's template_rendered signal).
	OnRender func(name string, data any)
	// AutoReload re-parses templates whose files changed, checked before a
	// render at most once per 100ms per template.
	AutoReload bool
	// Autoescape decides from a template's name whether it is rendered
	// with html/template's contextual escaping or as plain text with
	// text/template (same functions), Flask's select_jinja_autoescape.
	// The name is the one rendered: the templates it extends or includes
	// follow it. AutoescapeByExtension when nil. Sources given to
	// RenderString are always escaped.
	Autoescape func(name string) bool
	// Delims replaces the action delimiters "{{" and "}}" when both are set.
	Delims [2]string
	// StringCacheSize bounds how many distinct sources RenderString keeps
	// parsed; 128 when zero.
	StringCacheSize int
}

// State is the per-instance state handed to Options.Funcs. Each template
// instance owns one State; Value holds the value passed to the render that
// is currently using the instance, and nil between renders.
type State struct {
	// Value is the per-render value given to Render, Stream or RenderString.
	Value any
}

// rootName returns the display name of root i.
func (o *Options) rootName(i int) string {
	if o.Roots[i].Name != "" {
		return o.Roots[i].Name
	}
	return "root" + strconv.Itoa(i)
}

// extensions returns the configured extensions or the defaults.
func (o *Options) extensions() []string {
	if len(o.Extensions) > 0 {
		return o.Extensions
	}
	return DefaultExtensions
}

// delims returns the left and right delimiters ("" selects the defaults).
func (o *Options) delims() (string, string) {
	if o.Delims[0] == "" || o.Delims[1] == "" {
		return "", ""
	}
	return o.Delims[0], o.Delims[1]
}
