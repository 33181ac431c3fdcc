// Package render loads flagon's templates: Jinja-like inheritance and
// includes on top of html/template, with contextual autoescaping on for
// HTML pages; other pages (.txt...) run through text/template with the same
// functions, as Flask decides by extension (see Options.Autoescape).
//
// # Loading
//
// A Set reads every file with a known extension (DefaultExtensions) from
// one or more roots, searched in order: the application's templates folder
// first, then each blueprint's, so the first root holding a name wins (like
// Flask's DispatchingJinjaLoader). Roots are any fs.FS: os.DirFS (see
// DirRoot) or an embed.FS. Template names are slash paths relative to their
// root: "index.html", "products/list.html".
//
// Every template is parsed and escape-checked by New, which returns an error
// listing every broken template, each as "templates/index.html:12: message":
// syntax errors, unknown functions, calls of undefined templates, and the
// errors html/template's escaper finds (a value in an unquoted attribute, a
// tag left open). Escape analysis runs at load time on a throwaway clone,
// through a probe that calls the page only inside {{if false}}, so none of
// the page's actions or functions execute while loading.
//
// # Inheritance
//
// A page names its parent in its first action and overrides the parent's
// blocks with define:
//
//	{{ extends "layout.html" }}
//	{{ define "content" }}<p>Hello {{ .Name }}</p>{{ end }}
//
// The parent declares each overridable block, with its default content:
//
//	<main>{{ block "content" . }}Nothing here.{{ end }}</main>
//
// Chains may be as long as needed (page -> layout -> base). Anything a page
// writes outside its defines is ignored, as in Jinja. extends must be the
// first action and take a string constant; it is a function that renders
// nothing.
//
// Each page gets its own template set, built from the files of its chain
// added base first and the page last, so the page's defines replace the
// blocks of its parents. Two pages that both define "content" therefore
// never clash, which is the usual pitfall of parsing a whole folder into
// one html/template set.
//
// # Includes
//
// A template includes another file with the standard template action, by
// the file's name:
//
//	{{ template "partials/nav.html" . }}
//
// Template calls are found by walking the parse trees, and the files they
// name are added to the page's set, transitively. A name that is neither
// defined nor a file is reported at load time with the file and line of
// the call. An included file's own extends is ignored.
//
// A file holding only defines (Jinja's macros file) renders nothing, so
// calling it makes its defines available to the page:
//
//	{{ extends "base.html" }}
//	{{ template "macros.html" }}
//	{{ define "content" }}{{ template "button" "Buy" }}{{ end }}
//
// The page's own chain is added after its included files, so the page's
// defines win over an included file's defines of the same name.
//
// # Functions and per-render values
//
// Options.StaticFuncs are shared by every template; Filters returns common
// Jinja filters (upper, truncate, default, join...) to put there.
// Options.Funcs is a
// factory for functions that need the current request (url_for,
// csrf_token, get_flashed_messages...): it is called once per template
// instance with the instance's *State, and the functions it returns read
// State.Value, which holds the value given to the render using the
// instance. Each page keeps a sync.Pool of instances (clones of its parsed
// set), so a render takes an instance, sets State.Value, executes, clears
// State.Value and puts the instance back: no clone, parse or function map
// is made per render.
//
// # Context processors
//
// Options.ContextProcessors are called on every render whose data is a
// map[string]any (or nil); their values are merged into a new map, and the
// render's own values win. Data of any other type, such as a struct, is
// passed to the template unchanged: use a map to receive processor values.
//
// # Auto-reload
//
// With Options.AutoReload (debug mode), a render first stats the files of
// the template's chain and includes, at most once per 100ms per template,
// and re-parses the template if one changed. A broken template is not
// silently replaced by its last good version: the render returns the error
// until the file is fixed.
package render
