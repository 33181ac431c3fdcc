package routing

import "fmt"

// inlineParams is the number of values Params holds without allocating.
const inlineParams = 8

// Params holds the variable values of a match as raw (decoded path) text.
// Up to eight values are stored inline, so matching allocates nothing; reuse
// a Params across requests, calling Reset (Match does) between them.
type Params struct {
	rule   *Rule
	n      int
	inline [inlineParams]string
	spill  []string
}

// Reset empties p.
func (p *Params) Reset() {
	p.rule, p.n = nil, 0
	p.spill = p.spill[:0]
}

// Rule returns the rule whose variables p holds, or nil.
func (p *Params) Rule() *Rule { return p.rule }

// Len returns the number of values.
func (p *Params) Len() int {
	if p.rule == nil {
		return 0
	}
	return p.n
}

// At returns the name and raw text of the i'th variable, 0 <= i < Len().
func (p *Params) At(i int) (name, raw string) {
	return p.rule.args[i], p.raw(i)
}

// Get returns the raw text of the named variable.
func (p *Params) Get(name string) (string, bool) {
	if p.rule == nil {
		return "", false
	}
	if i := p.rule.argIndex(name); i >= 0 {
		return p.raw(i), true
	}
	if d, ok := p.rule.Defaults[name]; ok {
		return fmt.Sprint(d), true
	}
	return "", false
}

// Value returns the named variable converted by its converter's ToGo, e.g.
// an int for `<int:id>`.
func (p *Params) Value(name string) (any, error) {
	raw, ok := p.Get(name)
	if !ok {
		return nil, fmt.Errorf("routing: no variable %q in this match", name)
	}
	i := p.rule.argIndex(name)
	if i < 0 {
		return p.rule.Defaults[name], nil
	}
	return p.rule.convs[i].ToGo(raw)
}

// Values returns all variables converted by their converters, keyed by
// name, and the rule's defaults.
func (p *Params) Values() (map[string]any, error) {
	out := make(map[string]any, p.Len())
	if p.rule != nil {
		for k, v := range p.rule.Defaults {
			out[k] = v
		}
	}
	for i := 0; i < p.Len(); i++ {
		name, raw := p.At(i)
		v, err := p.rule.convs[i].ToGo(raw)
		if err != nil {
			return nil, err
		}
		out[name] = v
	}
	return out, nil
}

func (p *Params) push(v string) {
	if p.n < inlineParams {
		p.inline[p.n] = v
	} else {
		p.spill = append(p.spill[:p.n-inlineParams], v)
	}
	p.n++
}

func (p *Params) raw(i int) string {
	if i < inlineParams {
		return p.inline[i]
	}
	return p.spill[i-inlineParams]
}
