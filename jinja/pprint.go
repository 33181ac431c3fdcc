package jinja

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// pformat is Python's pprint.pformat(v) with its defaults: width 80,
// dict keys sorted, long containers and strings split over lines.
func pformat(v any) string {
	var b strings.Builder
	pp := &pprinter{w: &b, width: 80}
	pp.format(sortedDicts(normalize(v)), 0, 0, 0)
	return b.String()
}

type pprinter struct {
	w     *strings.Builder
	width int
}

func rlen(s string) int { return utf8.RuneCountInString(s) }

func (p *pprinter) format(v any, indent, allowance, level int) {
	v = normalize(v)
	rep := repr(v)
	if rlen(rep) > p.width-indent-allowance {
		switch x := v.(type) {
		case *Dict:
			p.w.WriteString("{")
			if x.Len() > 0 {
				p.dictItems(x, indent, allowance+1, level+1)
			}
			p.w.WriteString("}")
			return
		case []any:
			p.w.WriteString("[")
			p.items(x, indent, allowance+1, level+1)
			p.w.WriteString("]")
			return
		case Tuple:
			end := ")"
			if len(x) == 1 {
				end = ",)"
			}
			p.w.WriteString("(")
			p.items(x, indent, allowance+len(end), level+1)
			p.w.WriteString(end)
			return
		case string:
			p.str(x, indent, allowance, level+1)
			return
		}
	}
	p.w.WriteString(rep)
}

func (p *pprinter) dictItems(d *Dict, indent, allowance, level int) {
	indent++
	for i, k := range d.keys {
		last := i == len(d.keys)-1
		rep := repr(k)
		p.w.WriteString(rep + ": ")
		a := 1
		if last {
			a = allowance
		}
		p.format(d.m[k], indent+rlen(rep)+2, a, level)
		if !last {
			p.w.WriteString(",\n" + strings.Repeat(" ", indent))
		}
	}
}

func (p *pprinter) items(xs []any, indent, allowance, level int) {
	indent++
	for i, x := range xs {
		if i > 0 {
			p.w.WriteString(",\n" + strings.Repeat(" ", indent))
		}
		a := 1
		if i == len(xs)-1 {
			a = allowance
		}
		p.format(x, indent, a, level)
	}
}

var pprintPartRe = regexp.MustCompile(`\S*\s*`)

// str splits a long string into adjacent literals as pprint does.
func (p *pprinter) str(s string, indent, allowance, level int) {
	if s == "" {
		p.w.WriteString(repr(s))
		return
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if level == 1 {
		indent++
		allowance++
	}
	maxWidth := p.width - indent
	maxWidth1 := maxWidth
	var chunks []string
	var rep string
	for i, line := range lines {
		rep = repr(line)
		if i == len(lines)-1 {
			maxWidth1 -= allowance
		}
		if rlen(rep) <= maxWidth1 {
			chunks = append(chunks, rep)
			continue
		}
		parts := pprintPartRe.FindAllString(line, -1)
		maxWidth2 := maxWidth
		current := ""
		for j, part := range parts {
			candidate := current + part
			if j == len(parts)-1 && i == len(lines)-1 {
				maxWidth2 -= allowance
			}
			if rlen(repr(candidate)) > maxWidth2 {
				if current != "" {
					chunks = append(chunks, repr(current))
				}
				current = part
			} else {
				current = candidate
			}
		}
		if current != "" {
			chunks = append(chunks, repr(current))
		}
	}
	if len(chunks) == 1 {
		p.w.WriteString(rep)
		return
	}
	if level == 1 {
		p.w.WriteString("(")
	}
	for i, c := range chunks {
		if i > 0 {
			p.w.WriteString("\n" + strings.Repeat(" ", indent))
		}
		p.w.WriteString(c)
	}
	if level == 1 {
		p.w.WriteString(")")
	}
}
