package routing

import (
	"slices"
	"strconv"
	"strings"
)

// targetRedirect returns the redirect of a match of a rule with RedirectTo
// or RedirectFunc, Werkzeug's redirect_to.
func (r *Rule) targetRedirect(p *Params) error {
	values, err := p.Values()
	if err != nil {
		return ErrNotFound
	}
	var target string
	if r.RedirectFunc != nil {
		if target, err = r.RedirectFunc(values); err != nil {
			return err
		}
	} else if target, err = r.fillTarget(values); err != nil {
		return err
	}
	return &RedirectError{Location: target, Code: 308, Target: true}
}

// fillTarget replaces each <name> of RedirectTo by the variable's value
// rendered by its converter and percent-escaped as Build escapes it
// (Werkzeug's _simple_rule_re substitution).
func (r *Rule) fillTarget(values map[string]any) (string, error) {
	src := r.RedirectTo
	var b strings.Builder
	for {
		i := strings.IndexByte(src, '<')
		j := strings.IndexByte(src[i+1:], '>')
		if i < 0 || j < 0 {
			b.WriteString(src)
			return b.String(), nil
		}
		name := src[i+1 : i+1+j]
		b.WriteString(src[:i])
		text, err := r.targetValue(name, values)
		if err != nil {
			return "", err
		}
		b.WriteString(text)
		src = src[i+j+2:]
	}
}

// targetValue renders the value of variable name for a redirect target.
func (r *Rule) targetValue(name string, values map[string]any) (string, error) {
	for k, a := range r.args {
		if a != name {
			continue
		}
		text, err := r.convs[k].ToURL(values[name])
		if err != nil {
			return "", err
		}
		return escapePath(text, r.isPathArg(name)), nil
	}
	return "", &ParseError{Rule: r.Pattern, Msg: "redirect target " + strconv.Quote(r.RedirectTo) + " names no variable " + strconv.Quote(name) + " of the rule"}
}

// isPathArg reports whether name is a path variable (its slashes kept).
func (r *Rule) isPathArg(name string) bool {
	for i := range r.segs {
		s := &r.segs[i]
		if !s.static() && s.text == name {
			return matchesSlashes(s.conv)
		}
		for _, x := range s.more {
			if x.name == name {
				return x.path
			}
		}
	}
	return false
}

// checkTarget reports a <name> of RedirectTo that is no variable of the
// rule.
func (r *Rule) checkTarget() error {
	src := r.RedirectTo
	for {
		i := strings.IndexByte(src, '<')
		if i < 0 {
			return nil
		}
		j := strings.IndexByte(src[i+1:], '>')
		if j < 0 {
			return nil
		}
		name := src[i+1 : i+1+j]
		if !slices.Contains(r.args, name) {
			return &ParseError{Rule: r.Pattern, Msg: "redirect target " + strconv.Quote(r.RedirectTo) + " names no variable " + strconv.Quote(name) + " of the rule"}
		}
		src = src[i+j+2:]
	}
}
