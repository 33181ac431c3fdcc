package config

import (
	"regexp"
	"strings"
)

// The dotenv grammar, python-dotenv's parser.py. Python's \s is Unicode
// whitespace (str.isspace); ws and sp spell it out for RE2, sp without \r
// and \n (Python's [^\S\r\n]).
const (
	dotenvWS = `\t\n\v\f\r\x1c-\x1f\x{85}\p{Z}`
	dotenvSP = `\t\v\f\x1c-\x1f\x{85}\p{Z}`
)

// anchored compiles a pattern that must match at the reader's position.
func anchored(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`^(?:` + pattern + `)`)
}

var (
	reNewline            = regexp.MustCompile(`\r\n|\n|\r`)
	reMultilineSpace     = anchored(`[` + dotenvWS + `]*`)
	reWhitespace         = anchored(`[` + dotenvSP + `]*`)
	reExport             = anchored(`(?:export[` + dotenvSP + `]+)?`)
	reSingleQuotedKey    = anchored(`'([^']+)'`)
	reUnquotedKey        = anchored(`([^=#` + dotenvWS + `]+)`)
	reEqualSign          = anchored(`(=[` + dotenvSP + `]*)`)
	reSingleQuotedValue  = anchored(`'((?:\\'|[^'])*)'`)
	reDoubleQuotedValue  = anchored(`"((?:\\"|[^"])*)"`)
	reUnquotedValue      = anchored(`([^\r\n]*)`)
	reComment            = anchored(`(?:[` + dotenvSP + `]*#[^\r\n]*)?`)
	reEndOfLine          = anchored(`[` + dotenvSP + `]*(?:\r\n|\n|\r|$)`)
	reRestOfLine         = anchored(`[^\r\n]*(?:\r|\n|\r\n)?`)
	reInlineComment      = regexp.MustCompile(`[` + dotenvWS + `]+#.*`)
	reDoubleQuoteEscapes = regexp.MustCompile(`\\[\\'"abfnrtv]`)
	reSingleQuoteEscapes = regexp.MustCompile(`\\[\\']`)
)

// A dotenvBinding is one statement of a dotenv file, python-dotenv's
// Binding: a key with or without a value, a blank or comment statement (no
// key), or a statement that cannot be parsed (Error).
type dotenvBinding struct {
	Key      string
	HasKey   bool
	Value    string
	HasValue bool // false for a key without "=" (python-dotenv's None)
	Original string
	Line     int // line where Original starts
	Error    bool
}

// dotenvReader walks the text of a dotenv file.
type dotenvReader struct {
	s           string
	pos, line   int
	mark, mline int
}

// errDotenvSyntax is python-dotenv's parser Error: the statement does not
// match the grammar.
type errDotenvSyntax struct{}

// parseDotenvBindings parses a dotenv file into its statements, as
// python-dotenv's parse_stream (a leading UTF-8 BOM is dropped).
func parseDotenvBindings(s string) []dotenvBinding {
	r := &dotenvReader{s: strings.TrimPrefix(s, "\ufeff"), line: 1}
	var out []dotenvBinding
	for r.pos < len(r.s) {
		out = append(out, r.binding())
	}
	return out
}

// readRegex matches re at the position, advances past it and returns its
// groups; ok is false when re does not match.
func (r *dotenvReader) readRegex(re *regexp.Regexp) (groups []string, ok bool) {
	m := re.FindStringSubmatch(r.s[r.pos:])
	if m == nil {
		return nil, false
	}
	r.pos += len(m[0])
	r.line += len(reNewline.FindAllStringIndex(m[0], -1))
	return m[1:], true
}

// must is readRegex for a pattern the statement needs.
func (r *dotenvReader) must(re *regexp.Regexp) []string {
	g, ok := r.readRegex(re)
	if !ok {
		panic(errDotenvSyntax{})
	}
	return g
}

// peek returns the next byte, or 0 at the end.
func (r *dotenvReader) peek() byte {
	if r.pos < len(r.s) {
		return r.s[r.pos]
	}
	return 0
}

// binding parses one statement (parse_binding). A statement that does not
// match the grammar is skipped to the end of the line where parsing stopped
// and returned with Error set.
func (r *dotenvReader) binding() (b dotenvBinding) {
	r.mark, r.mline = r.pos, r.line
	defer func() {
		if e := recover(); e != nil {
			if _, ok := e.(errDotenvSyntax); !ok {
				panic(e)
			}
			r.readRegex(reRestOfLine)
			b = dotenvBinding{Error: true}
		}
		b.Original, b.Line = r.s[r.mark:r.pos], r.mline
	}()
	r.must(reMultilineSpace)
	if r.pos >= len(r.s) {
		return dotenvBinding{}
	}
	r.must(reExport)
	b.Key, b.HasKey = r.key()
	r.must(reWhitespace)
	if r.peek() == '=' {
		r.must(reEqualSign)
		b.Value, b.HasValue = r.value(), true
	}
	r.must(reComment)
	r.must(reEndOfLine)
	return b
}

// key parses a key (parse_key); a comment has none.
func (r *dotenvReader) key() (string, bool) {
	switch r.peek() {
	case '#':
		return "", false
	case '\'':
		return r.must(reSingleQuotedKey)[0], true
	}
	return r.must(reUnquotedKey)[0], true
}

// value parses a value after "=" (parse_value).
func (r *dotenvReader) value() string {
	switch r.peek() {
	case '\'':
		return decodeEscapes(reSingleQuoteEscapes, r.must(reSingleQuotedValue)[0])
	case '"':
		return decodeEscapes(reDoubleQuoteEscapes, r.must(reDoubleQuotedValue)[0])
	case 0, '\n', '\r':
		return ""
	}
	part := r.must(reUnquotedValue)[0]
	return strings.TrimRightFunc(reInlineComment.ReplaceAllString(part, ""), isPySpace)
}

// pyEscapes are the escapes python-dotenv decodes (as "unicode-escape").
var pyEscapes = map[byte]string{
	'\\': `\`, '\'': `'`, '"': `"`, 'a': "\a", 'b': "\b", 'f': "\f",
	'n': "\n", 'r': "\r", 't': "\t", 'v': "\v",
}

// decodeEscapes replaces the escapes re finds (decode_escapes).
func decodeEscapes(re *regexp.Regexp, s string) string {
	return re.ReplaceAllStringFunc(s, func(m string) string { return pyEscapes[m[1]] })
}

// isPySpace is Python's str.isspace for one character.
func isPySpace(r rune) bool {
	return strings.ContainsRune(" \t\n\v\f\r\u0085", r) || (r >= 0x1c && r <= 0x1f) ||
		r == 0xa0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200a) ||
		r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000
}
