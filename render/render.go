package render

import (
	"bytes"
	"io"
	"sync"
)

// maxPooledBuffer is the largest buffer kept for reuse by Render.
const maxPooledBuffer = 64 << 10

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Render executes the template name with data and writes the whole output
// to w, or nothing if rendering fails. value becomes State.Value for the
// functions of Options.Funcs during this render.
//
// When data is a map[string]any (or nil) and Options.ContextProcessors is
// set, the template receives a new map holding the processors' values and
// then data's own values, which win. Other data, such as a struct, is
// passed as is: use a map to receive processor values.
func (s *Set) Render(w io.Writer, name string, data, value any) error {
	p, err := s.page(name)
	if err != nil {
		return err
	}
	buf := buffers.Get().(*bytes.Buffer)
	buf.Reset()
	defer putBuffer(buf)
	if err := s.run(buf, p, data, value); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// putBuffer returns buf to the pool unless it grew too large.
func putBuffer(buf *bytes.Buffer) {
	if buf.Cap() <= maxPooledBuffer {
		buffers.Put(buf)
	}
}

// RenderString renders src as a template, like Flask's
// render_template_string. src may extend and include the Set's templates.
// Each distinct src is parsed once and kept in a bounded cache.
func (s *Set) RenderString(src string, data, value any) (string, error) {
	p := s.stringPage(src)
	if s.opts.AutoReload {
		p = s.refreshString(src, p)
	}
	if p.err != nil {
		return "", p.err
	}
	var buf bytes.Buffer
	if err := s.run(&buf, p, data, value); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// run executes one instance of p into w.
func (s *Set) run(w io.Writer, p *page, data, value any) error {
	inst, err := s.get(p)
	if err != nil {
		return err
	}
	inst.state.Value = value
	data = s.context(data, value)
	if s.opts.BeforeRender != nil {
		s.opts.BeforeRender(p.name, data)
	}
	err = inst.tmpl.Execute(w, data)
	p.put(inst)
	if err != nil {
		return runError(err, p.entry, s.pathOf)
	}
	if s.opts.OnRender != nil {
		s.opts.OnRender(p.name, data)
	}
	return nil
}

// context merges the context processors' values into map data.
func (s *Set) context(data, value any) any {
	if len(s.opts.ContextProcessors) == 0 {
		return data
	}
	m, ok := data.(map[string]any)
	if !ok && data != nil {
		return data
	}
	merged := make(map[string]any, len(m)+4)
	for _, proc := range s.opts.ContextProcessors {
		for k, v := range proc(value) {
			merged[k] = v
		}
	}
	for k, v := range m {
		merged[k] = v
	}
	return merged
}
