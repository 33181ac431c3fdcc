package orm

import "strings"

// A tokKind is the kind of a sqlToken.
type tokKind uint8

const (
	tokEnd    tokKind = iota // end of the text
	tokWord                  // a keyword or bare identifier
	tokQuoted                // a quoted identifier: "x", `x` or [x]
	tokString                // a string literal
	tokNumber                // a numeric literal
	tokPunct                 // one punctuation character
)

// A sqlToken is one token of a SQL text; comments and spaces are skipped.
type sqlToken struct {
	kind tokKind
	text string
}

// is reports whether the token is the punctuation c.
func (t sqlToken) is(c byte) bool { return t.kind == tokPunct && t.text[0] == c }

// isWord reports whether the token is the keyword kw, in any case.
func (t sqlToken) isWord(kw string) bool { return t.kind == tokWord && strings.EqualFold(t.text, kw) }

// A sqlLexer splits SQLite's SQL into tokens, just far enough to classify
// a statement: unterminated literals and comments run to the end, and no
// input makes it fail.
type sqlLexer struct {
	s       string
	pos     int
	pending *sqlToken // a token put back by back
}

// back makes t the next token again.
func (l *sqlLexer) back(t sqlToken) { l.pending = &t }

// next returns the next token, or a tokEnd token at the end.
func (l *sqlLexer) next() sqlToken {
	if t := l.pending; t != nil {
		l.pending = nil
		return *t
	}
	l.skipSpaceAndComments()
	if l.pos >= len(l.s) {
		return sqlToken{}
	}
	start, c := l.pos, l.s[l.pos]
	switch {
	case isWordStart(c):
		l.pos = l.scanWhile(start, isWordByte)
		return sqlToken{tokWord, l.s[start:l.pos]}
	case c >= '0' && c <= '9' || c == '.' && l.pos+1 < len(l.s) && isDigit(l.s[l.pos+1]):
		l.pos = l.scanWhile(start, isNumberByte)
		return sqlToken{tokNumber, l.s[start:l.pos]}
	case c == '\'':
		return sqlToken{tokString, l.quoted('\'')}
	case c == '"' || c == '`':
		return sqlToken{tokQuoted, l.quoted(c)}
	case c == '[':
		return sqlToken{tokQuoted, l.quoted(']')}
	}
	l.pos++
	return sqlToken{tokPunct, l.s[start:l.pos]}
}

// skipSpaceAndComments moves past spaces, -- line comments and /* */
// block comments.
func (l *sqlLexer) skipSpaceAndComments() {
	for l.pos < len(l.s) {
		rest := l.s[l.pos:]
		switch {
		case rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r' || rest[0] == '\f' || rest[0] == '\v':
			l.pos++
		case strings.HasPrefix(rest, "--"):
			l.pos = endAfter(l.s, l.pos, "\n")
		case strings.HasPrefix(rest, "/*"):
			l.pos = endAfter(l.s, l.pos+2, "*/")
		default:
			return
		}
	}
}

// endAfter returns the position just past the first end at or after pos,
// or the end of s.
func endAfter(s string, pos int, end string) int {
	if i := strings.Index(s[pos:], end); i >= 0 {
		return pos + i + len(end)
	}
	return len(s)
}

// quoted moves past a literal opened at pos and closed by close (doubled,
// the closing character stands for itself) and returns its text.
func (l *sqlLexer) quoted(close byte) string {
	start := l.pos
	l.pos++
	for l.pos < len(l.s) {
		c := l.s[l.pos]
		l.pos++
		if c != close {
			continue
		}
		if close == ']' || l.pos >= len(l.s) || l.s[l.pos] != close {
			break
		}
		l.pos++
	}
	return l.s[start:l.pos]
}

// scanWhile returns the position of the first byte from pos that ok
// refuses.
func (l *sqlLexer) scanWhile(pos int, ok func(byte) bool) int {
	for pos < len(l.s) && ok(l.s[pos]) {
		pos++
	}
	return pos
}

// skipToClose moves past the ")" closing a "(" just read, nested
// parentheses included; false when the text ends first.
func (l *sqlLexer) skipToClose() bool {
	for depth := 1; ; {
		switch t := l.next(); {
		case t.kind == tokEnd:
			return false
		case t.is('('):
			depth++
		case t.is(')'):
			if depth--; depth == 0 {
				return true
			}
		}
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isWordStart reports whether c starts a keyword or identifier (bytes of
// non-ASCII characters included, as SQLite allows).
func isWordStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80
}

func isWordByte(c byte) bool { return isWordStart(c) || isDigit(c) || c == '$' }

func isNumberByte(c byte) bool { return isWordByte(c) || c == '.' }
