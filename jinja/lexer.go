package jinja

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// segKind is the kind of a top-level piece of template source.
type segKind int

const (
	segText segKind = iota
	segVar
	segBlock
)

// segment is text, a {{ expression }} or a {% statement %} with the line
// it starts on.
type segment struct {
	kind segKind
	src  string
	line int
}

// Delimiters are the strings that start and end template tags, Jinja's
// block_start_string, block_end_string, variable_start_string,
// variable_end_string, comment_start_string and comment_end_string. An
// empty field keeps Jinja's default ({%, %}, {{, }}, {#, #}).
type Delimiters struct {
	BlockStart, BlockEnd       string
	VariableStart, VariableEnd string
	CommentStart, CommentEnd   string
}

// withDefaults fills the empty fields with Jinja's delimiters.
func (d Delimiters) withDefaults() Delimiters {
	def := func(s *string, v string) {
		if *s == "" {
			*s = v
		}
	}
	def(&d.BlockStart, "{%")
	def(&d.BlockEnd, "%}")
	def(&d.VariableStart, "{{")
	def(&d.VariableEnd, "}}")
	def(&d.CommentStart, "{#")
	def(&d.CommentEnd, "#}")
	return d
}

// isDefault reports whether d are Jinja's default delimiters.
func (d Delimiters) isDefault() bool { return d == Delimiters{}.withDefaults() }

// rawRes are the {% raw %} and {% endraw %} patterns of a block
// delimiter pair.
type rawRes struct{ start, end *regexp.Regexp }

var (
	defaultRaw = makeRawRes("{%", "%}")
	rawCache   sync.Map // "start\x00end" -> rawRes
)

func makeRawRes(start, end string) rawRes {
	s, e := regexp.QuoteMeta(start), regexp.QuoteMeta(end)
	return rawRes{
		start: regexp.MustCompile(`^` + s + `(-|\+)?\s*raw\s*(-)?` + e),
		end:   regexp.MustCompile(s + `(-|\+)?\s*endraw\s*(-|\+)?` + e),
	}
}

func rawFor(d Delimiters) rawRes {
	if d.BlockStart == "{%" && d.BlockEnd == "%}" {
		return defaultRaw
	}
	key := d.BlockStart + "\x00" + d.BlockEnd
	if r, ok := rawCache.Load(key); ok {
		return r.(rawRes)
	}
	r := makeRawRes(d.BlockStart, d.BlockEnd)
	rawCache.Store(key, r)
	return r
}

// lexOptions are the environment's lexer settings: Jinja's trim_blocks,
// lstrip_blocks, keep_trailing_newline and delimiters.
type lexOptions struct {
	trimBlocks, lstripBlocks, keepTrailingNewline bool
	delims                                        Delimiters
	lineStatementPrefix, lineCommentPrefix        string
	newline                                       string
}

// lexer is the state of splitSegments.
type lexer struct {
	o    lexOptions
	segs []segment
	line int
	// stripNext strips the whitespace at the start of the next text (a
	// tag ended with "-"); lineStart says the next text starts a line
	// (for lstrip_blocks).
	stripNext, lineStart bool
}

// leadText is the text before the next tag (or the rest), with the
// previous tag's "-" applied.
func (lx *lexer) leadText(text string) string {
	if !lx.stripNext {
		return text
	}
	lx.stripNext = false
	trimmed := strings.TrimLeft(text, " \t\r\n")
	if d := text[:len(text)-len(trimmed)]; d != "" {
		lx.lineStart = strings.HasSuffix(d, "\n")
	}
	return trimmed
}

// tagText applies a tag's leading whitespace control to the text before
// it: "-" strips the whitespace before the tag; otherwise lstrip_blocks
// strips spaces and tabs from the line start to a block or comment tag,
// unless the tag starts with "+".
func (lx *lexer) tagText(text string, mod byte, variable bool) string {
	if mod == '-' {
		return strings.TrimRight(text, " \t\r\n")
	}
	if !lx.o.lstripBlocks || variable || mod == '+' {
		return text
	}
	l := strings.LastIndexByte(text, '\n') + 1
	if (l > 0 || lx.lineStart) && strings.TrimLeft(text[l:], " \t\f\v\r") == "" {
		return text[:l]
	}
	return text
}

func (lx *lexer) emit(t string) {
	if t != "" {
		lx.segs = append(lx.segs, segment{segText, t, lx.line})
	}
}

// tagEnd applies a block or comment tag's trailing whitespace control
// (mod is the character before its closer): "-" strips what follows,
// and trim_blocks removes one newline after it unless mod is "+". It
// returns how many bytes of rest, the source after the tag, to skip.
func (lx *lexer) tagEnd(mod byte, rest string, block bool) int {
	lx.lineStart = false
	switch {
	case mod == '-':
		lx.stripNext = true
	case block && mod != '+' && lx.o.trimBlocks && strings.HasPrefix(rest, "\n"):
		lx.lineStart = true
		return 1
	}
	return 0
}

func lastByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[len(s)-1]
}

// tagKind is the kind of a tag start found in the source.
type tagKind int

const (
	tagBlock tagKind = iota
	tagVar
	tagComment
)

// nextTag finds the next tag start in src: its index, kind and length;
// i < 0 when there is none. At one position the longest start string
// wins, as in Jinja's lexer (<%= before <%).
func nextTag(src string, d Delimiters, deflt bool) (i int, kind tagKind, n int) {
	if deflt {
		i = indexTagStart(src)
		if i < 0 {
			return -1, 0, 0
		}
		switch src[i+1] {
		case '{':
			return i, tagVar, 2
		case '#':
			return i, tagComment, 2
		}
		return i, tagBlock, 2
	}
	i = -1
	for _, c := range []struct {
		s string
		k tagKind
	}{{d.BlockStart, tagBlock}, {d.VariableStart, tagVar}, {d.CommentStart, tagComment}} {
		j := strings.Index(src, c.s)
		if j >= 0 && (i < 0 || j < i || (j == i && len(c.s) > n)) {
			i, kind, n = j, c.k, len(c.s)
		}
	}
	return i, kind, n
}

// splitSegments cuts source into text, variable and block segments,
// applying whitespace control and dropping comments. Like Jinja with
// keep_trailing_newline off, one trailing newline is removed.
func splitSegments(src string, o lexOptions) ([]segment, error) {
	src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
	if !o.keepTrailingNewline {
		src = strings.TrimSuffix(src, "\n")
	}
	d := o.delims.withDefaults()
	deflt := d.isDefault()
	raw := rawFor(d)
	lx := &lexer{o: o, line: 1, lineStart: true}
	lines := o.lineStatementPrefix != "" || o.lineCommentPrefix != ""
	atStart := true // src begins a line of the source
	for len(src) > 0 {
		i, kind, n := nextTag(src, d, deflt)
		if lines {
			if m, ok := nextLine(src, o, atStart); ok && (i < 0 || m.start <= i) {
				consumed := lx.lineSegment(src, m)
				lx.line += strings.Count(src[:consumed], "\n")
				atStart = consumed > 0 && src[consumed-1] == '\n'
				src = src[consumed:]
				continue
			}
		}
		if i < 0 {
			lx.emit(lx.leadText(src))
			break
		}
		text := lx.leadText(src[:i])
		rest := src[i:]
		var mod byte
		if len(rest) > n {
			mod = rest[n]
		}
		text = lx.tagText(text, mod, kind == tagVar)
		startLine := lx.line + strings.Count(src[:i], "\n")
		consumed := 0
		switch kind {
		case tagComment:
			end := strings.Index(rest[n:], d.CommentEnd)
			if end < 0 {
				return nil, &Error{Kind: "TemplateSyntaxError", Line: startLine, Msg: "Missing end of comment tag"}
			}
			lx.emit(text)
			consumed = i + n + end + len(d.CommentEnd)
			consumed += lx.tagEnd(lastByte(rest[n:n+end]), src[consumed:], true)
		case tagBlock:
			if m := raw.start.FindStringSubmatch(rest); m != nil {
				lx.emit(text)
				body := rest[len(m[0]):]
				loc := raw.end.FindStringSubmatchIndex(body)
				if loc == nil {
					return nil, &Error{Kind: "TemplateSyntaxError", Line: startLine, Msg: "Missing end of raw directive"}
				}
				rawText := body[:loc[0]]
				if m[2] == "-" {
					rawText = strings.TrimLeft(rawText, " \t\r\n")
				}
				var endMod, closeMod byte
				if loc[2] >= 0 {
					endMod = body[loc[2]]
				}
				if loc[4] >= 0 {
					closeMod = body[loc[4]]
				}
				lx.lineStart = false
				rawText = lx.tagText(rawText, endMod, false)
				if rawText != "" {
					lx.segs = append(lx.segs, segment{segText, rawText, startLine})
				}
				consumed = i + len(m[0]) + loc[1]
				consumed += lx.tagEnd(closeMod, src[consumed:], true)
				break
			}
			fallthrough
		default:
			closer, sk := d.VariableEnd, segVar
			if kind == tagBlock {
				closer, sk = d.BlockEnd, segBlock
			}
			end := indexCloser(rest[n:], closer)
			if end < 0 {
				return nil, &Error{Kind: "TemplateSyntaxError", Line: startLine, Msg: "unexpected end of template, expected '" + closer + "'"}
			}
			lx.emit(text)
			inner := rest[n : n+end]
			if strings.HasPrefix(inner, "-") || strings.HasPrefix(inner, "+") {
				inner = inner[1:]
			}
			endMod := lastByte(inner)
			if endMod == '-' || (endMod == '+' && sk == segBlock) {
				inner = inner[:len(inner)-1]
			}
			lx.segs = append(lx.segs, segment{sk, inner, startLine})
			consumed = i + n + end + len(closer)
			consumed += lx.tagEnd(endMod, src[consumed:], sk == segBlock)
		}
		lx.line += strings.Count(src[:consumed], "\n")
		atStart = consumed > 0 && src[consumed-1] == '\n'
		src = src[consumed:]
	}
	if o.newline != "" && o.newline != "\n" {
		for i, s := range lx.segs {
			if s.kind == segText {
				lx.segs[i].src = strings.ReplaceAll(s.src, "\n", o.newline)
			}
		}
	}
	return lx.segs, nil
}

// indexTagStart finds the next "{{", "{%" or "{#".
func indexTagStart(s string) int {
	off := 0
	for {
		i := strings.IndexByte(s[off:], '{')
		if i < 0 || off+i+1 >= len(s) {
			return -1
		}
		switch s[off+i+1] {
		case '{', '%', '#':
			return off + i
		}
		off += i + 1
	}
}

// indexCloser finds closer outside string literals and brackets.
func indexCloser(s, closer string) int {
	var quote byte
	depth := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case depth == 0 && strings.HasPrefix(s[i:], closer):
			return i
		case c == '(' || c == '[' || c == '{':
			depth++
		case (c == ')' || c == ']' || c == '}') && depth > 0:
			depth--
		}
	}
	return -1
}

// tokKind classifies expression tokens.
type tokKind int

const (
	tokEOF tokKind = iota
	tokName
	tokString
	tokInt
	tokFloat
	tokOp
)

type token struct {
	kind tokKind
	val  string
}

// tokenize splits an expression or statement into tokens.
func tokenize(s string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case isNameStart(c):
			j := scanName(s, i)
			if j == i {
				r, _ := utf8.DecodeRuneInString(s[i:])
				return nil, newErr("TemplateSyntaxError", "unexpected char %s", reprString(string(r)))
			}
			toks = append(toks, token{tokName, s[i:j]})
			i = j
		case c >= '0' && c <= '9':
			afterDot := len(toks) > 0 && toks[len(toks)-1].kind == tokOp && toks[len(toks)-1].val == "."
			j, isFloat := scanNumber(s, i, afterDot)
			k := tokInt
			if isFloat {
				k = tokFloat
			}
			toks = append(toks, token{k, strings.ReplaceAll(s[i:j], "_", "")})
			i = j
		case c == '\'' || c == '"':
			str, j, err := scanString(s, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, token{tokString, str})
			i = j
		default:
			op := ""
			for _, o := range []string{"**", "//", "==", "!=", "<=", ">="} {
				if strings.HasPrefix(s[i:], o) {
					op = o
					break
				}
			}
			if op == "" {
				if !strings.ContainsRune("+-*/%~()[]{},.:|=<>", rune(c)) {
					return nil, newErr("TemplateSyntaxError", "unexpected char %q", string(c))
				}
				op = string(c)
			}
			toks = append(toks, token{tokOp, op})
			i += len(op)
		}
	}
	return toks, nil
}

func isNameStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80
}

// scanName returns the end of the identifier at s[i:], as Python's
// str.isidentifier reads one (Jinja's names): a letter, letter number,
// "_" or Other_ID_Start character, then those, marks, digits,
// connector punctuation or Other_ID_Continue characters. It returns i
// when s[i:] does not start an identifier.
func scanName(s string, i int) int {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		ok := isIdentStart(r) || (j > i && isIdentContinue(r))
		if !ok {
			break
		}
		j += size
	}
	return j
}

func isIdentStart(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func isIdentContinue(r rune) bool {
	return isIdentStart(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
}

// scanNumber finds the end of the number literal at s[i:] and whether it
// is a float, as Jinja's lexer reads them: 0b, 0o and 0x integers,
// underscores between digits, and no float right after a "." (so that
// items.0.1 reads as two subscripts).
func scanNumber(s string, i int, afterDot bool) (int, bool) {
	j := i
	if j+1 < len(s) && s[j] == '0' && strings.IndexByte("bBoOxX", s[j+1]) >= 0 {
		digits := map[byte]string{'b': "01_", 'o': "01234567_", 'x': "0123456789abcdefABCDEF_"}[s[j+1]|0x20]
		k := j + 2
		for k < len(s) && strings.IndexByte(digits, s[k]) >= 0 {
			k++
		}
		if k > j+2 {
			return k, false
		}
	}
	isFloat := false
	for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '_') {
		j++
	}
	if !afterDot && j+1 < len(s) && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9' {
		isFloat = true
		j++
		for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '_') {
			j++
		}
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '+' || s[k] == '-') {
			k++
		}
		if k < len(s) && s[k] >= '0' && s[k] <= '9' {
			isFloat = true
			j = k
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == '_') {
				j++
			}
		}
	}
	return j, isFloat
}

// scanString reads a quoted literal with Python escapes.
func scanString(s string, i int) (string, int, error) {
	q := s[i]
	var b strings.Builder
	j := i + 1
	for j < len(s) {
		c := s[j]
		if c == q {
			return b.String(), j + 1, nil
		}
		if c == '\\' && j+1 < len(s) {
			j++
			switch e := s[j]; e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case '\\', '\'', '"':
				b.WriteByte(e)
			case 'u', 'x', 'U':
				n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
				if j+n < len(s) {
					var r rune
					ok := true
					for _, h := range s[j+1 : j+1+n] {
						d := strings.IndexRune("0123456789abcdef", h|0x20)
						if d < 0 {
							ok = false
							break
						}
						r = r*16 + rune(d)
					}
					if ok {
						b.WriteRune(r)
						j += n
						break
					}
				}
				b.WriteByte('\\')
				b.WriteByte(e)
			default:
				b.WriteByte('\\')
				b.WriteByte(e)
			}
			j++
			continue
		}
		b.WriteByte(c)
		j++
	}
	return "", j, newErr("TemplateSyntaxError", "unexpected end of string")
}
