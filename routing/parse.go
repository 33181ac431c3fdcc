package routing

import (
	"fmt"
	"strings"
)

// A segment is one '/'-separated part of a parsed rule: static text, or a
// variable with its converter between optional static affixes (a path
// path variable may span several segments, its affixes in the first and
// last of them).
type segment struct {
	text   string // static text, or the variable name
	prefix string // static text before the variable in its segment
	suffix string // static text after the variable in its segment
	spec   string // canonical converter spec; "" for static text
	conv   Converter
	path   bool // a variable's converter matches slashes: the segment spans several
	weight int
	// more holds the further variables of a segment with several
	// (/v<int:major>.<int:minor>): each after its static separator; suffix
	// then follows the last one.
	more []extraVar
}

// An extraVar is a further variable of a segment, after static text sep.
type extraVar struct {
	sep    string
	name   string
	spec   string
	conv   Converter
	weight int
	path   bool // the converter matches slashes
}

func (s *segment) static() bool { return s.conv == nil }

// render writes the segment back in rule syntax.
func (s *segment) render() string {
	if s.static() {
		return s.text
	}
	out := s.prefix + "<" + s.spec + ":" + s.text + ">"
	for _, x := range s.more {
		out += x.sep + "<" + x.spec + ":" + x.name + ">"
	}
	return out + s.suffix
}

// key identifies a variable segment's matching behaviour, name aside.
func (s *segment) key() string {
	out := s.prefix + "<" + s.spec + ">"
	for _, x := range s.more {
		out += x.sep + "<" + x.spec + ">"
	}
	return out + s.suffix
}

// ruleParser parses one rule pattern.
type ruleParser struct {
	rule  string
	convs map[string]ConverterFactory
	names map[string]bool
}

func (p *ruleParser) fail(pos int, format string, a ...any) error {
	return &ParseError{Rule: p.rule, Pos: pos, Msg: fmt.Sprintf(format, a...)}
}

// parseRule splits a pattern into segments, building each variable's
// converter from convs.
func parseRule(rule string, convs map[string]ConverterFactory) ([]segment, error) {
	p := &ruleParser{rule: rule, convs: convs, names: map[string]bool{}}
	if rule == "" || rule[0] != '/' {
		return nil, p.fail(0, "rule must start with '/'")
	}
	var segs []segment
	for i := 1; ; {
		s, end, err := p.segment(i)
		if err != nil {
			return nil, err
		}
		segs = append(segs, s)
		if end == len(rule) {
			return segs, nil
		}
		i = end + 1
	}
}

// segment parses the segment starting at i and returns where it ends (at a
// '/' or the end of the rule). A segment is static text, or variables with
// optional static text around and between them; variables after the first
// must be separated by static text.
func (p *ruleParser) segment(i int) (segment, int, error) {
	lt := staticEnd(p.rule, i)
	if lt == len(p.rule) || p.rule[lt] == '/' {
		return segment{text: p.rule[i:lt]}, lt, nil
	}
	s, j, err := p.variable(lt)
	if err != nil {
		return s, 0, err
	}
	end := staticEnd(p.rule, j)
	for end < len(p.rule) && p.rule[end] == '<' {
		if end == j {
			return s, 0, p.fail(end, "variables in a segment must be separated by static text")
		}
		x, k, err := p.variable(end)
		if err != nil {
			return s, 0, err
		}
		s.more = append(s.more, extraVar{sep: p.rule[j:end], name: x.text, spec: x.spec, conv: x.conv, weight: x.weight, path: x.path})
		j, end = k, staticEnd(p.rule, k)
	}
	s.prefix, s.suffix = p.rule[i:lt], p.rule[j:end]
	for _, x := range s.more {
		s.path = s.path || x.path // the segment spans slashes
	}
	return s, end, nil
}

// staticEnd returns the offset of the first '/' or '<' at or after i.
func staticEnd(s string, i int) int {
	for i < len(s) && s[i] != '/' && s[i] != '<' {
		i++
	}
	return i
}

// variable parses `<[conv[(args)]:]name>` at i and returns the offset after '>'.
func (p *ruleParser) variable(i int) (segment, int, error) {
	start := i + 1
	n := identEnd(p.rule, start)
	if n == start {
		return segment{}, 0, p.badName(start, "variable or converter name")
	}
	conv, argText, argPos, name, j := "string", "", -1, p.rule[start:n], n
	if j < len(p.rule) && (p.rule[j] == '(' || p.rule[j] == ':') {
		conv = name
		var err error
		if argText, argPos, j, err = p.arguments(i, j); err != nil {
			return segment{}, 0, err
		}
		if name, j, err = p.varName(i, j); err != nil {
			return segment{}, 0, err
		}
	}
	if j >= len(p.rule) {
		return segment{}, 0, p.fail(i, "unclosed '<'")
	}
	if p.rule[j] != '>' {
		return segment{}, 0, p.fail(j, "unexpected %q in variable, expected '>'", p.rule[j])
	}
	s, err := p.converter(conv, start, argText, argPos)
	if err == nil {
		err = p.declare(name, start)
	}
	s.text = name
	return s, j + 1, err
}

// arguments parses an optional `(args)` at j followed by ':'.
func (p *ruleParser) arguments(lt, j int) (text string, pos, end int, err error) {
	pos = -1
	if p.rule[j] == '(' {
		close := closingParen(p.rule, j+1)
		if close < 0 {
			return "", 0, 0, p.fail(j, "unclosed '(' in converter arguments")
		}
		text, pos, j = p.rule[j+1:close], j+1, close+1
	}
	if j >= len(p.rule) {
		return "", 0, 0, p.fail(lt, "unclosed '<'")
	}
	if p.rule[j] != ':' {
		return "", 0, 0, p.fail(j, "expected ':' after converter, found %q", p.rule[j])
	}
	return text, pos, j + 1, nil
}

// varName parses the variable name after the converter's ':'.
func (p *ruleParser) varName(lt, j int) (string, int, error) {
	n := identEnd(p.rule, j)
	if n == j {
		if j >= len(p.rule) {
			return "", 0, p.fail(lt, "unclosed '<'")
		}
		return "", 0, p.badName(j, "variable name")
	}
	return p.rule[j:n], n, nil
}

func (p *ruleParser) badName(pos int, what string) error {
	if pos >= len(p.rule) {
		return p.fail(pos-1, "unclosed '<'")
	}
	return p.fail(pos, "bad %s starting with %q (want a letter or '_' then letters, digits, '_')", what, p.rule[pos])
}

// closingParen finds the ')' closing arguments that start at i, skipping
// quoted strings; -1 if none.
func closingParen(s string, i int) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case ')':
			return i
		case '\'', '"':
			q := strings.IndexByte(s[i+1:], s[i])
			if q < 0 {
				return -1
			}
			i += q + 1
		case '>', '<':
			return -1
		}
	}
	return -1
}

// converter builds the named converter from its argument text.
func (p *ruleParser) converter(name string, pos int, argText string, argPos int) (segment, error) {
	f, ok := p.convs[name]
	if !ok {
		return segment{}, p.fail(pos, "unknown converter %q", name)
	}
	args, kwargs, err := parseArgs(argText)
	if err != nil {
		ae := err.(*argError)
		return segment{}, p.fail(argPos+ae.pos, "bad arguments for converter %q: %s", name, ae.msg)
	}
	c, err := f(args, kwargs)
	if err == nil && c == nil {
		err = fmt.Errorf("factory returned no converter")
	}
	if err != nil {
		return segment{}, p.fail(pos, "bad arguments for converter %q: %v", name, err)
	}
	spec := converterSpec(name, args, kwargs)
	return segment{spec: spec, conv: c, path: matchesSlashes(c), weight: weightOf(c)}, nil
}

// declare records a variable name, rejecting duplicates.
func (p *ruleParser) declare(name string, pos int) error {
	if p.names[name] {
		return p.fail(pos, "duplicate variable name %q", name)
	}
	p.names[name] = true
	return nil
}

// renderSegments writes segments back as a rule pattern.
func renderSegments(segs []segment) string {
	parts := make([]string, len(segs))
	for i := range segs {
		parts[i] = segs[i].render()
	}
	return "/" + strings.Join(parts, "/")
}

// shapeOf renders segments without variable names: rules with equal shapes
// match exactly the same paths.
func shapeOf(segs []segment) string {
	var b strings.Builder
	for i := range segs {
		b.WriteByte('/')
		if segs[i].static() {
			b.WriteString(segs[i].text)
		} else {
			b.WriteString(segs[i].key())
		}
	}
	return b.String()
}
