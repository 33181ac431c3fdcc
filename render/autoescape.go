package render

import (
	"html/template"
	"io"
	"path"
	"strings"
	texttemplate "text/template"
)

// escapedExtensions are the file extensions Flask autoescapes
// (Flask.select_jinja_autoescape).
var escapedExtensions = []string{".html", ".htm", ".xml", ".xhtml", ".svg"}

// AutoescapeByExtension reports whether the template name is rendered
// with HTML escaping, as Flask's select_jinja_autoescape decides: names
// ending in .html, .htm, .xml, .xhtml or .svg are escaped, others (.txt,
// .tmpl, .md...) are rendered as plain text. It is the default of
// Options.Autoescape.
func AutoescapeByExtension(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	for _, e := range escapedExtensions {
		if ext == e {
			return true
		}
	}
	return false
}

// escaped reports whether the page named name is HTML-escaped. Sources
// given to RenderString always are, as Flask's render_template_string.
func (s *Set) escaped(name string) bool {
	if name == stringName {
		return true
	}
	if s.opts.Autoescape != nil {
		return s.opts.Autoescape(name)
	}
	return AutoescapeByExtension(name)
}

// An executor is an executable template of either package.
type executor interface {
	Execute(w io.Writer, data any) error
	ExecuteTemplate(w io.Writer, name string, data any) error
}

// assembleText adds the trees of files, in order, to a new text/template
// set, for a page rendered without escaping.
func (s *Set) assembleText(entry string, files []*file) (*texttemplate.Template, error) {
	left, right := s.opts.delims()
	t := texttemplate.New(entry).Delims(left, right).Funcs(texttemplate.FuncMap(s.parseFuncs))
	for _, f := range files {
		for _, tree := range f.trees {
			if _, err := t.AddParseTree(tree.Name, tree); err != nil {
				return nil, &Error{Path: f.path, Msg: err.Error(), Err: err}
			}
		}
	}
	return t, nil
}

// cloneText clones the text master of p, binds funcs and returns the entry.
func cloneText(p *page, funcs template.FuncMap) (executor, error) {
	c, err := p.text.Clone()
	if err != nil {
		return nil, &Error{Path: p.self.path, Msg: err.Error(), Err: err}
	}
	if funcs != nil {
		c.Funcs(texttemplate.FuncMap(funcs))
	}
	return c.Lookup(p.entry), nil
}
