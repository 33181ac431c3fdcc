// Package jinja is a Jinja2 3.1-compatible template engine, so that a Flask
// app's templates render unchanged in Go.
//
// It follows Python's value model (None, tuples, floor division, half-even
// rounding, Python's str and repr of values) and MarkupSafe's escaping
// (Markup survives operations, autoescape chosen per template name as
// Flask does). Its conformance corpus, rendered by real Jinja2, lives in
// testdata/conformance; docs/templates.md lists the differences from Jinja.
//
//	env := &jinja.Environment{Loader: os.DirFS("templates")}
//	t, err := env.GetTemplate("index.html")
//	out, err := t.Render(map[string]any{"posts": posts})
package jinja
