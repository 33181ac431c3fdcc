package render

import (
	"fmt"
	"html/template"
)

// An instance is one executable clone of a page's template set, with its
// own State bound into the functions of Options.Funcs. An instance is used
// by one render at a time; html/template escapes it on its first use.
type instance struct {
	tmpl  executor
	state State
}

// get takes an instance from the page's pool, cloning a new one if empty.
func (s *Set) get(p *page) (*instance, error) {
	if v := p.pool.Get(); v != nil {
		return v.(*instance), nil
	}
	inst := &instance{}
	var funcs template.FuncMap
	if s.opts.Funcs != nil {
		funcs = s.opts.Funcs(&inst.state)
		for _, name := range s.dynamic {
			if funcs[name] == nil {
				return nil, fmt.Errorf("render: Options.Funcs returned no function %q this time", name)
			}
		}
	}
	var err error
	if p.text != nil {
		inst.tmpl, err = cloneText(p, funcs)
		return inst, err
	}
	c, err := p.master.Clone()
	if err != nil {
		return nil, &Error{Path: p.self.path, Msg: err.Error(), Err: err}
	}
	if funcs != nil {
		c.Funcs(funcs)
	}
	inst.tmpl = c.Lookup(p.entry)
	return inst, nil
}

// put clears the instance's State and returns it to the page's pool.
func (p *page) put(inst *instance) {
	inst.state.Value = nil
	p.pool.Put(inst)
}
