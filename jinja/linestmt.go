package jinja

import "strings"

// This file holds Jinja's line statements and line comments
// (Environment.LineStatementPrefix and LineCommentPrefix): a line whose
// first non-blank characters are the statement prefix is a block tag, and
// the comment prefix starts a comment that runs to the end of the line.

// lineMatch is a line statement or line comment found in the source.
type lineMatch struct {
	start   int // where the match begins (the blanks before the prefix)
	body    int // where the text after the prefix begins
	comment bool
	n       int // the prefix's length, which decides between the two
}

// isLineBlank reports whether c is a blank Jinja's line rules skip.
func isLineBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\v' || c == '\f' }

// findLineStatement finds the first line of src (its first only when
// atStart) that starts, after spaces and tabs, with prefix.
func findLineStatement(src, prefix string, atStart bool) (lineMatch, bool) {
	for p := 0; p <= len(src); {
		if p > 0 || atStart {
			q := p
			for q < len(src) && (src[q] == ' ' || src[q] == '\t' || src[q] == '\v') {
				q++
			}
			if strings.HasPrefix(src[q:], prefix) {
				return lineMatch{start: p, body: q + len(prefix), n: len(prefix)}, true
			}
		}
		nl := strings.IndexByte(src[p:], '\n')
		if nl < 0 {
			break
		}
		p += nl + 1
	}
	return lineMatch{}, false
}

// findLineComment finds the first line comment in src, with the blanks
// before it, which it removes too.
func findLineComment(src, prefix string) (lineMatch, bool) {
	i := strings.Index(src, prefix)
	if i < 0 {
		return lineMatch{}, false
	}
	s := i
	for s > 0 && isLineBlank(src[s-1]) {
		s--
	}
	return lineMatch{start: s, body: i + len(prefix), comment: true, n: len(prefix)}, true
}

// nextLine finds the first line statement or comment of src; at one
// position the longer prefix wins, as in Jinja's lexer.
func nextLine(src string, o lexOptions, atStart bool) (lineMatch, bool) {
	var best lineMatch
	found := false
	if o.lineStatementPrefix != "" {
		best, found = findLineStatement(src, o.lineStatementPrefix, atStart)
	}
	if o.lineCommentPrefix != "" {
		if m, ok := findLineComment(src, o.lineCommentPrefix); ok && (!found || m.start < best.start || (m.start == best.start && m.n > best.n)) {
			best, found = m, true
		}
	}
	return best, found
}

// lineStatementEnd returns where the statement starting at src[body:]
// ends (a newline outside brackets and strings, or the end) and how far
// the match reaches: Jinja's \s*(\n|$), which takes blank lines after it.
func lineStatementEnd(src string, body int) (end, consumed int) {
	depth := 0
	var quote byte
	end = len(src)
	for i := body; i < len(src); i++ {
		c := src[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
			continue
		case c == '\'' || c == '"':
			quote = c
		case c == '(' || c == '[' || c == '{':
			depth++
		case (c == ')' || c == ']' || c == '}') && depth > 0:
			depth--
		case c == '\n' && depth == 0:
			end = i
		}
		if end != len(src) {
			break
		}
	}
	k := end
	lastNL := -1
	for k < len(src) && (isLineBlank(src[k]) || src[k] == '\n' || src[k] == '\r') {
		if src[k] == '\n' {
			lastNL = k + 1
		}
		k++
	}
	switch {
	case k == len(src):
		return end, k
	case lastNL >= 0:
		return end, lastNL
	}
	return end, end
}

// lineSegment handles the line statement or comment m at the start of
// src[m.start:] and returns how many bytes of src it consumed.
func (lx *lexer) lineSegment(src string, m lineMatch) int {
	lx.emit(lx.leadText(src[:m.start]))
	startLine := lx.line + strings.Count(src[:m.start], "\n")
	if m.comment {
		nl := strings.IndexByte(src[m.body:], '\n')
		if nl < 0 {
			return len(src)
		}
		return m.body + nl
	}
	end, consumed := lineStatementEnd(src, m.body)
	inner := strings.TrimRight(src[m.body:end], " \t\r\v\f")
	inner = strings.TrimSuffix(inner, ":")
	lx.segs = append(lx.segs, segment{segBlock, inner, startLine})
	lx.lineStart = true
	return consumed
}
