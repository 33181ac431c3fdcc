package jinja

import (
	"html"
	"regexp"
	"strconv"
	"strings"
)

// reCharref is Python's html._charref.
var reCharref = regexp.MustCompile(`&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)`)

// unescape is Python's html.unescape, which Markup.unescape and striptags
// use: numeric references as the HTML5 parser reads them (windows-1252 for
// 0x80-0x9F, U+FFFD for surrogates and beyond U+10FFFF, nothing for the
// noncharacters and C0/C1 controls), named ones from the HTML5 table with
// the longest-prefix rule for those without ";".
func unescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return reCharref.ReplaceAllStringFunc(s, replaceCharref)
}

// replaceCharref is html._replace_charref for one match.
func replaceCharref(m string) string {
	ref := m[1:]
	if ref[0] != '#' {
		return html.UnescapeString(m)
	}
	digits, base := strings.TrimSuffix(ref[1:], ";"), 10
	if digits[0] == 'x' || digits[0] == 'X' {
		digits, base = digits[1:], 16
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || n > 0x10FFFF {
		return "\uFFFD"
	}
	if r, ok := invalidCharrefs[n]; ok {
		return r
	}
	switch {
	case n >= 0xD800 && n <= 0xDFFF:
		return "\uFFFD"
	case invalidCodepoint(n):
		return ""
	}
	return string(rune(n))
}

// invalidCharrefs is html._invalid_charrefs.
var invalidCharrefs = map[uint64]string{
	0x00: "\ufffd", 0x0d: "\r", 0x80: "\u20ac", 0x81: "\x81", 0x82: "\u201a", 0x83: "\u0192",
	0x84: "\u201e", 0x85: "\u2026", 0x86: "\u2020", 0x87: "\u2021", 0x88: "\u02c6", 0x89: "\u2030",
	0x8a: "\u0160", 0x8b: "\u2039", 0x8c: "\u0152", 0x8d: "\x8d", 0x8e: "\u017d", 0x8f: "\x8f",
	0x90: "\x90", 0x91: "\u2018", 0x92: "\u2019", 0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022",
	0x96: "\u2013", 0x97: "\u2014", 0x98: "\u02dc", 0x99: "\u2122", 0x9a: "\u0161", 0x9b: "\u203a",
	0x9c: "\u0153", 0x9d: "\x9d", 0x9e: "\u017e", 0x9f: "\u0178",
}

// invalidCodepoint is html._invalid_codepoints: C0 and C1 controls but
// whitespace, and the noncharacters.
func invalidCodepoint(n uint64) bool {
	return (n >= 0x1 && n <= 0x8) || n == 0xb || (n >= 0xe && n <= 0x1f) || (n >= 0x7f && n <= 0x9f) ||
		(n >= 0xfdd0 && n <= 0xfdef) || n&0xfffe == 0xfffe
}
