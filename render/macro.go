package render

import (
	"bytes"
	"io"
	"strconv"
)

// RenderDefine executes the template define ({{define "hello"}}) of the
// page name with data and writes its output to w, or nothing if it fails:
// the Go form of calling a Jinja macro from code, Flask's
// get_template_attribute. The define is escaped (or not) as the page name
// is, and value becomes State.Value as in Render.
func (s *Set) RenderDefine(w io.Writer, name, define string, data, value any) error {
	p, err := s.page(name)
	if err != nil {
		return err
	}
	if !p.defines(define) {
		return &Error{Path: p.self.path, Msg: "no template " + strconv.Quote(define) + " is defined here"}
	}
	inst, err := s.get(p)
	if err != nil {
		return err
	}
	inst.state.Value = value
	buf := buffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer putBuffer(buf)
	err = inst.tmpl.ExecuteTemplate(buf, define, data)
	p.put(inst)
	if err != nil {
		return runError(err, p.entry, s.pathOf)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// defines reports whether the page's template set holds the template name.
func (p *page) defines(name string) bool {
	if p.text != nil {
		t := p.text.Lookup(name)
		return t != nil && t.Tree != nil
	}
	t := p.master.Lookup(name)
	return t != nil && t.Tree != nil
}
