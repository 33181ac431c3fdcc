package flagon

import (
	"strings"
	"unicode/utf8"
)

// parseOptionsHeader parses a header value with ";"-separated key=value
// parameters (Content-Type, Content-Disposition) as Werkzeug's
// parse_options_header does: it is lenient where mime.ParseMediaType
// fails the whole header, skipping invalid parameters, keeping the last of
// duplicated ones, lower-casing names, unquoting quoted values (with "\"
// escapes and the HTML standard's "%22"), joining RFC 2231 continuations
// (name*0, name*1) and decoding name*=charset”value for the ASCII, UTF-8
// and ISO-8859-1 charsets. The value itself is returned trimmed, not
// lower-cased. Only the first maxOptionParams parameters are read: the
// rest of a longer header is ignored.
func parseOptionsHeader(header string) (string, map[string]string) {
	value, rest, _ := strings.Cut(header, ";")
	value, rest = strings.TrimSpace(value), strings.TrimSpace(rest)
	if value == "" || rest == "" {
		return value, map[string]string{}
	}
	return value, decodeOptions(splitOptions(rest))
}

// maxOptionParams caps the parameters parseOptionsHeader reads from one
// header (Werkzeug has no cap): a header made of thousands of tiny
// parameters costs work without carrying anything a request needs.
const maxOptionParams = 64

// splitOptions collects the syntactically valid key=value parts of rest,
// keys lower-cased, values as written (quotes included), at most
// maxOptionParams of them.
func splitOptions(rest string) [][2]string {
	var parts [][2]string
	for len(parts) < maxOptionParams {
		if n := tokenLen(rest); n > 0 && n < len(rest) && rest[n] == '=' {
			key := strings.ToLower(rest[:n])
			rest = rest[n+1:]
			if m := tokenLen(rest); m > 0 {
				parts = append(parts, [2]string{key, rest[:m]})
			} else if q := quotedLen(rest); q > 0 {
				parts = append(parts, [2]string{key, rest[:q]})
				rest = rest[q:]
			}
		}
		end := strings.IndexByte(rest, ';')
		if end < 0 {
			return parts
		}
		rest = strings.TrimLeft(rest[end+1:], " \t\r\n\v\f")
	}
	return parts
}

// tokenLen is the length of the RFC 9110 token at the start of s
// (Werkzeug's [\w!#$%&'*+\-.^`|~]+ with ASCII \w).
func tokenLen(s string) int {
	for i := 0; i < len(s); i++ {
		if !isParamTokenChar(s[i]) {
			return i
		}
	}
	return len(s)
}

func isParamTokenChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("_!#$%&'*+-.^`|~", c) >= 0
}

// quotedLen is the length of the quoted string at the start of s,
// closing quote included, or 0 when s does not start with a complete one.
func quotedLen(s string) int {
	if s == "" || s[0] != '"' {
		return 0
	}
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s) && (s[i+1] == '\\' || s[i+1] == '"'):
			i++
		case s[i] == '"':
			return i + 1
		}
	}
	return 0
}

// decodeOptions applies RFC 2231 charsets and continuations and unquotes
// the values, as the second half of parse_options_header.
// Continuation pieces are collected per key and joined once.
func decodeOptions(parts [][2]string) map[string]string {
	pieces := map[string][]string{}
	var encoding, continued string
	for _, kv := range parts {
		key, v := kv[0], kv[1]
		if strings.HasSuffix(key, "*") {
			key = key[:len(key)-1]
			if cs, rest, ok := splitCharsetValue(v); ok {
				encoding, v = strings.ToLower(cs), rest
			}
			if encoding == "" {
				encoding = continued
			}
			if isSafeCharset(encoding) {
				continued = encoding
				v = percentDecode(v, encoding)
			}
		}
		if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
			v = strings.NewReplacer(`\\`, `\`, `\"`, `"`, "%22", `"`).Replace(v[1 : len(v)-1])
		}
		if k, ok := continuationKey(key); ok {
			pieces[k] = append(pieces[k], v)
		} else {
			pieces[key] = []string{v}
		}
	}
	options := make(map[string]string, len(pieces))
	for k, p := range pieces {
		options[k] = strings.Join(p, "")
	}
	return options
}

// splitCharsetValue splits charset'language'value (RFC 2231 section 4).
func splitCharsetValue(v string) (charset, value string, ok bool) {
	cs, rest, ok1 := strings.Cut(v, "'")
	lang, value, ok2 := strings.Cut(rest, "'")
	if !ok1 || !ok2 || value == "" || strings.Contains(cs+lang, "'") || tokenLen(value) != len(value) {
		return "", "", false
	}
	if tokenLen(cs) != len(cs) || tokenLen(lang) != len(lang) {
		return "", "", false
	}
	return cs, value, true
}

// continuationKey strips an RFC 2231 "*N" suffix from key.
func continuationKey(key string) (string, bool) {
	i := strings.LastIndexByte(key, '*')
	if i < 0 || i == len(key)-1 {
		return key, false
	}
	for _, c := range key[i+1:] {
		if c < '0' || c > '9' {
			return key, false
		}
	}
	return key[:i], true
}

func isSafeCharset(cs string) bool {
	switch cs {
	case "ascii", "us-ascii", "utf-8", "iso-8859-1":
		return true
	}
	return false
}

// percentDecode is Python's unquote(v, encoding): escapes decoded to
// bytes, the bytes decoded in the charset with invalid UTF-8 replaced.
func percentDecode(v, charset string) string {
	return decodeCharset([]byte(unquotePlus(strings.ReplaceAll(v, "+", "%2B"))), charset)
}

// decodeCharset decodes b in one of the safe charsets: ISO-8859-1 maps
// each byte to its code point, the others are read as UTF-8 with invalid
// sequences replaced by U+FFFD, ASCII with every byte over 0x7F replaced
// (Python's errors="replace").
func decodeCharset(b []byte, charset string) string {
	switch charset {
	case "iso-8859-1", "ascii", "us-ascii":
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
			if c > 0x7f && charset != "iso-8859-1" {
				r[i] = utf8.RuneError
			}
		}
		return string(r)
	}
	return replaceInvalidUTF8(string(b))
}
