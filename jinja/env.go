package jinja

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Environment holds the loader, filters, tests and globals templates are
// rendered with, and caches parsed templates. It is safe for concurrent
// use once configured.
type Environment struct {
	// Loader is where templates are read from, by slash-separated name
	// relative to its root. A template can only reach files inside it.
	Loader fs.FS
	// Autoescape decides per template name whether output is HTML-escaped;
	// nil means FlaskAutoescape.
	Autoescape func(name string) bool
	// Filters, Tests and Globals add to (or replace) the built-in ones.
	Filters map[string]any
	Tests   map[string]any
	Globals map[string]any
	// MaxLoopIterations, when positive, bounds the for-loop iterations of
	// one render; a render that exceeds it fails with a LoopLimitError.
	// Zero means no limit, as in Jinja.
	MaxLoopIterations int
	// AllowMethod, when set, decides which methods of Go values a template
	// may reach (recv is the value's type, name the Go method name), as
	// Jinja's SandboxedEnvironment decides what is safe to call. Nil allows
	// every exported method, as a Flask app's (unsandboxed) Jinja does,
	// unless Sandboxed is set.
	AllowMethod func(recv reflect.Type, name string) bool
	// Sandboxed applies Jinja's SandboxedEnvironment rules, for templates
	// written by people the app does not trust: attributes starting with
	// "_" are unsafe, and Go methods are unsafe unless AllowMethod allows
	// them (the methods of time.Time are always allowed). An unsafe
	// attribute reads as an Undefined that prints as ""; calling it or
	// reading its attributes fails with a SecurityError. Functions the
	// app passes in (data, Globals, Filters, Tests) stay callable.
	Sandboxed bool
	// Immutable applies Jinja's ImmutableSandboxedEnvironment: the
	// sandbox (as Sandboxed), and the methods that modify a list or dict
	// in place (append, extend, insert, remove, reverse, sort; clear, pop,
	// popitem, setdefault, update) are unsafe too.
	Immutable bool
	// InterceptedBinops and InterceptedUnops name the arithmetic operators
	// ("+", "-", "*", "/", "//", "%", "**"; unary "+" and "-") whose every
	// use calls CallBinop or CallUnop, Jinja's sandbox intercepted_binops,
	// intercepted_unops, call_binop and call_unop. A nil CallBinop or
	// CallUnop applies the operator as usual (DefaultBinop, DefaultUnop).
	// They apply only with Sandboxed or Immutable set: in Jinja they exist
	// only on SandboxedEnvironment.
	InterceptedBinops, InterceptedUnops []string
	CallBinop                           func(op string, left, right any) (any, error)
	CallUnop                            func(op string, arg any) (any, error)
	// JSONDumps, when set, replaces the serialisation |tojson uses (Jinja's
	// "json.dumps_function" policy, which Flask sets to app.json.dumps);
	// indent is 0 unless the template passes one. The result is made safe
	// for HTML and <script> by |tojson either way.
	JSONDumps func(v any, indent int) (string, error)
	// Extensions enables Jinja extensions by name: ExtDo
	// ("jinja2.ext.do") and ExtLoopControls ("jinja2.ext.loopcontrols").
	// Flask enables none by default, and neither does flagon.
	Extensions []string
	// TrimBlocks removes the first newline after a block or comment tag,
	// LstripBlocks strips spaces and tabs from the start of a line up to
	// a block or comment tag, and KeepTrailingNewline keeps a template's
	// trailing newline: Jinja's trim_blocks, lstrip_blocks and
	// keep_trailing_newline, all off by default as in Jinja and Flask.
	TrimBlocks, LstripBlocks, KeepTrailingNewline bool
	// Delimiters changes the tag delimiters ({% %}, {{ }}, {# #}), as
	// Jinja's block_start_string and its siblings.
	Delimiters Delimiters
	// LineStatementPrefix, when set, makes a line that starts with it
	// (after blanks) a statement ("# for x in xs:" for {% for x in xs %});
	// LineCommentPrefix starts a comment that runs to the end of the
	// line: Jinja's line_statement_prefix and line_comment_prefix.
	LineStatementPrefix, LineCommentPrefix string
	// NewlineSequence is the line break template text is written with
	// ("\n" when empty, "\r\n" or "\r"), Jinja's newline_sequence.
	NewlineSequence string
	// Finalize, when set, is applied to the value of every {{ expression }}
	// before it is printed (not to template text), Jinja's finalize.
	Finalize func(v any) any
	// Policies are Jinja's environment policies that change how filters
	// behave: "urlize.rel", "urlize.target", "urlize.extra_schemes" and
	// "truncate.leeway", with Jinja's defaults ("noopener", none, none, 5)
	// when a key is absent.
	Policies map[string]any
	// Undefined chooses how undefined values behave, Jinja's undefined
	// class: DefaultUndefined (the zero value), StrictUndefined,
	// ChainableUndefined or DebugUndefined.
	Undefined UndefinedPolicy
	// AutoReload re-reads a cached template when its file's modification
	// time changed, as Jinja's auto_reload (on in Flask's debug mode).
	AutoReload bool

	mu    sync.Mutex
	cache map[string]*Template
	// missing remembers names that were not found, so that a miss (an
	// html/template name in a mixed app, include ignore missing) does
	// not search the loader again; unused with AutoReload, where a
	// template may appear at any time.
	missing map[string]struct{}
}

// maxMissing bounds the remembered misses, so that names from requests
// cannot grow the memory without bound.
const maxMissing = 1024

// notFoundErr is the TemplateNotFound error of name.
func notFoundErr(name string) *Error {
	return &Error{Kind: "TemplateNotFound", Template: name, Msg: name}
}

// rememberMissing records name as not found when err says so.
func (e *Environment) rememberMissing(name string, err error) {
	if ne, ok := err.(*Error); !ok || ne.Kind != "TemplateNotFound" || e.AutoReload {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.missing == nil {
		e.missing = map[string]struct{}{}
	}
	if len(e.missing) < maxMissing {
		e.missing[name] = struct{}{}
	}
}

// FlaskAutoescape is Flask's select_jinja_autoescape: on for .html, .htm,
// .xml, .xhtml and .svg templates and for templates without a name.
func FlaskAutoescape(name string) bool {
	if name == "" {
		return true
	}
	for _, ext := range []string{".html", ".htm", ".xml", ".xhtml", ".svg"} {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// Template is a parsed template.
type Template struct {
	// Name is the name the template was loaded by ("" for FromString).
	Name       string
	env        *Environment
	body       []node
	blocks     map[string]*blockNode
	autoescape bool
	modTime    time.Time
	// lastSize is the length of the last page rendered into a buffer of
	// its own, the size that buffer starts with next time.
	lastSize atomic.Int64
}

// GetTemplate loads, parses and caches the named template. A name that is
// not a clean path inside the loader fails with TemplateNotFound.
func (e *Environment) GetTemplate(name string) (*Template, error) {
	e.mu.Lock()
	t, ok := e.cache[name]
	_, missing := e.missing[name]
	e.mu.Unlock()
	if ok && (!e.AutoReload || !e.changed(t)) {
		return t, nil
	}
	if missing && !e.AutoReload {
		return nil, notFoundErr(name)
	}
	src, mod, err := e.load(name)
	if err != nil {
		e.rememberMissing(name, err)
		return nil, err
	}
	t, err = e.parseTemplate(name, src)
	if err != nil {
		return nil, err
	}
	t.modTime = mod
	e.mu.Lock()
	if e.cache == nil {
		e.cache = map[string]*Template{}
	}
	e.cache[name] = t
	e.mu.Unlock()
	return t, nil
}

// FromString parses a template that is not stored in the loader; it is
// autoescaped as Flask's render_template_string is.
func (e *Environment) FromString(src string) (*Template, error) {
	return e.parseTemplate("", src)
}

func (e *Environment) parseTemplate(name, src string) (*Template, error) {
	if err := checkSource(name, src); err != nil {
		return nil, err
	}
	ext, err := parseExtensions(e.Extensions)
	if err != nil {
		return nil, err
	}
	body, blocks, used, err := parse(name, src, ext, lexOptions{e.TrimBlocks, e.LstripBlocks, e.KeepTrailingNewline, e.Delimiters, e.LineStatementPrefix, e.LineCommentPrefix, e.NewlineSequence})
	if err != nil {
		return nil, err
	}
	if err := e.checkNames(name, used); err != nil {
		return nil, err
	}
	ae := e.Autoescape
	if ae == nil {
		ae = FlaskAutoescape
	}
	return &Template{Name: name, env: e, body: body, blocks: blocks, autoescape: ae(name)}, nil
}

// checkNames fails, as Jinja's compiler does, when the template uses a
// filter or test the environment does not have outside an if statement
// or inline if (there the error waits until the expression runs).
func (e *Environment) checkNames(name string, used []usedName) error {
	for _, u := range used {
		if u.soft || e.hasFilterOrTest(u.name, u.test) {
			continue
		}
		kind := "filter"
		if u.test {
			kind = "test"
		}
		return &Error{Kind: "TemplateAssertionError", Template: name, Line: u.line, Msg: fmt.Sprintf("No %s named '%s'.", kind, u.name)}
	}
	return nil
}

// hasFilterOrTest reports whether the environment has the filter (or,
// with test, the test) name.
func (e *Environment) hasFilterOrTest(name string, test bool) bool {
	if test {
		_, ok := e.Tests[name]
		_, bok := builtinTests[name]
		return ok || bok
	}
	_, ok := e.Filters[name]
	_, bok := builtinFilters[name]
	return ok || bok
}

// changed reports whether t's file has another modification time now.
func (e *Environment) changed(t *Template) bool {
	clean, ok := splitTemplatePath(t.Name)
	if !ok {
		return false
	}
	st, err := fs.Stat(e.Loader, clean)
	return err != nil || !st.ModTime().Equal(t.modTime)
}

func (e *Environment) load(name string) (string, time.Time, error) {
	notFound := notFoundErr(name)
	clean, ok := splitTemplatePath(name)
	if e.Loader == nil || !ok {
		return "", time.Time{}, notFound
	}
	f, err := e.Loader.Open(clean)
	if err != nil {
		// Missing, invalid, unreadable, or a symbolic link out of an
		// os.Root: like Jinja's FileSystemLoader, not found.
		return "", time.Time{}, notFound
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return "", time.Time{}, err
	}
	if st.IsDir() {
		return "", time.Time{}, notFound
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return "", time.Time{}, err
	}
	return string(b), st.ModTime(), nil
}

// Source returns the text of the named template as the loader holds it,
// under the same name rules as GetTemplate (Jinja's loader.get_source).
func (e *Environment) Source(name string) (string, error) {
	src, _, err := e.load(name)
	return src, err
}

// Render renders the template with data (a map[string]any, a *Dict or
// nil) and returns the output.
func (t *Template) Render(data any) (string, error) {
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// Execute renders the template with data to w.
func (t *Template) Execute(w io.Writer, data any) error {
	return t.ExecuteGlobals(w, nil, data)
}

// ExecuteGlobals renders the template with data to w, with globals added
// to the environment's for this render only. Like the environment's
// globals (and unlike data), they are visible in templates imported
// without context, as Flask's url_for and get_flashed_messages are.
func (t *Template) ExecuteGlobals(w io.Writer, globals map[string]any, data any) error {
	c := RenderContext{Globals: globals}
	switch d := data.(type) {
	case map[string]any:
		c.Vars = d
	case nil:
	default:
		vars, err := dataVars(data)
		if err != nil {
			return err
		}
		c.Vars = vars
	}
	return t.ExecuteContext(w, c)
}

// dataVars turns template data (a *Dict or a Go map with string keys)
// into variables.
func dataVars(data any) (map[string]any, error) {
	d, ok := normalize(data).(*Dict)
	if !ok {
		return nil, typeErr("template data must be a mapping, not %s", typeName(data))
	}
	vars := make(map[string]any, d.Len())
	for _, k := range d.keys {
		if s, ok := k.(string); ok {
			vars[s] = d.m[k]
		}
	}
	return vars, nil
}

// maxSizeHint bounds the buffer a render starts with from the size of
// the template's last page.
const maxSizeHint = 1 << 20

// RenderContext is the variables of one render in layers, looked up in
// this order: Vars (the render's data), Context, Globals, then the
// environment's Globals and the built-in ones. The maps are read in place,
// never copied or written, so a caller may reuse them across renders
// (not while a render runs). Globals (and the environment's) are visible
// in templates imported without context; Vars and Context are not, as in
// Jinja, where Flask's request and context processors' values are context.
type RenderContext struct {
	Vars    map[string]any
	Context map[string]any
	Globals map[string]any
	// ContextFunc and GlobalsFunc, when set, are looked up after Context
	// and Globals, in the same layer: a caller that would build those
	// maps for every render can answer each name on demand instead.
	ContextFunc func(name string) (any, bool)
	GlobalsFunc func(name string) (any, bool)
}

// ExecuteContext renders the template with the layered variables of c to
// w. When w is an in-memory buffer (*bytes.Buffer or *strings.Builder)
// the output is written to it as it is rendered, and it may hold part of
// the output after an error; any other writer gets the whole output in
// one write after the render succeeded.
func (t *Template) ExecuteContext(w io.Writer, c RenderContext) error {
	root := t.env.globalScope()
	if c.Globals != nil || c.GlobalsFunc != nil {
		root = &scope{base: c.Globals, fn: c.GlobalsFunc, parent: root}
	}
	ctx := root
	if c.Context != nil || c.ContextFunc != nil {
		ctx = &scope{base: c.Context, fn: c.ContextFunc, parent: ctx}
	}
	ctx = &scope{base: c.Vars, parent: ctx}
	out, direct := w.(io.StringWriter)
	switch w.(type) {
	case *bytes.Buffer, *strings.Builder:
	default:
		direct = false
	}
	var b strings.Builder
	if !direct {
		b.Grow(int(min(t.lastSize.Load(), maxSizeHint)))
		out = &b
	}
	st := &state{env: t.env, tmpl: t, out: out, autoescape: t.autoescape, iters: new(int), globals: root}
	if err := st.renderRoot(t, ctx); err != nil {
		return err
	}
	if direct {
		return nil
	}
	t.lastSize.Store(int64(b.Len()))
	_, err := io.WriteString(w, b.String())
	return err
}
