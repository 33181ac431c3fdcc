package iri

import (
	"strings"
	"unicode/utf8"

	"github.com/flagon-go/flagon/internal/pct"
)

// unquotePart decodes the %XX escapes of s, as Werkzeug's _unquote_* part
// functions: escapes of controls, space, '%', DEL and the bytes in keep
// stay as written; decoded bytes that are not valid UTF-8 are written
// back as upper-case %XX; anything else (a '%' not followed by two hex
// digits, literal text) is kept.
func unquotePart(s, keep string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	var out strings.Builder
	var run []byte // decoded bytes not yet written
	for i := 0; i < len(s); {
		c, ok := escapeAt(s, i)
		switch {
		case !ok:
			flush(&out, &run)
			out.WriteByte(s[i])
			i++
		case c <= 0x20 || c == '%' || c == 0x7f || strings.IndexByte(keep, c) >= 0:
			flush(&out, &run)
			out.WriteString(s[i : i+3])
			i += 3
		default:
			run = append(run, c)
			i += 3
		}
	}
	flush(&out, &run)
	return out.String()
}

// escapeAt returns the byte of the %XX escape at s[i], if there is one.
func escapeAt(s string, i int) (byte, bool) {
	if s[i] != '%' || i+2 >= len(s) {
		return 0, false
	}
	hi, lo := pct.Unhex(s[i+1]), pct.Unhex(s[i+2])
	if hi == 255 || lo == 255 {
		return 0, false
	}
	return hi<<4 | lo, true
}

// flush writes the decoded bytes in run as text, the bytes of invalid
// UTF-8 as %XX, and empties run.
func flush(out *strings.Builder, run *[]byte) {
	b := *run
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n <= 1 {
			out.WriteString(quote(string(b[:1]), ""))
			b = b[1:]
			continue
		}
		out.Write(b[:n])
		b = b[n:]
	}
	*run = (*run)[:0]
}
