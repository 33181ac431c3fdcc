package jinja

import (
	"strings"

	"github.com/flagon-go/flagon/internal/utf8x"
)

// splitTemplatePath is Jinja's split_template_path: the name is split at
// "/", empty and "." pieces are dropped ("./a//b.html" is "a/b.html",
// "/a.html" is "a.html"), and a name with a ".." piece is refused, so that
// a template cannot reach files outside its loader. A backslash (a path
// separator on Windows, where Jinja refuses it too) or a NUL byte is
// refused as well. ok is false for a refused or empty name.
func splitTemplatePath(name string) (clean string, ok bool) {
	if strings.ContainsAny(name, "\\\x00") {
		return "", false
	}
	if name != "" && !hasDotOrEmptyPiece(name) {
		return name, true // the common case: nothing to drop
	}
	pieces := make([]string, 0, strings.Count(name, "/")+1)
	for _, p := range strings.Split(name, "/") {
		switch p {
		case "..":
			return "", false
		case "", ".":
		default:
			pieces = append(pieces, p)
		}
	}
	return strings.Join(pieces, "/"), len(pieces) > 0
}

// hasDotOrEmptyPiece reports whether a "/"-separated piece of name is
// empty, "." or "..".
func hasDotOrEmptyPiece(name string) bool {
	for len(name) > 0 {
		piece, rest, _ := strings.Cut(name, "/")
		if piece == "" || piece == "." || piece == ".." {
			return true
		}
		if len(rest) == 0 && len(piece) < len(name) {
			return true // a trailing "/"
		}
		name = rest
	}
	return false
}

// checkSource refuses template source that is not valid UTF-8, as Jinja's
// loaders do when they decode a file (UnicodeDecodeError), naming the
// line of the first invalid byte.
func checkSource(name, src string) error {
	off, n := utf8x.FirstInvalid(src)
	if off < 0 {
		return nil
	}
	return &Error{Kind: "UnicodeDecodeError", Template: name, Line: 1 + strings.Count(src[:off], "\n"),
		Msg: "'utf-8' codec can't decode " + byteList(src[off:off+n]) + ": invalid UTF-8 in template source"}
}

// byteList names bytes as Python's codec errors do: "byte 0xff" or
// "bytes 0xe2 0x82".
func byteList(b string) string {
	const hex = "0123456789abcdef"
	var out strings.Builder
	if len(b) == 1 {
		out.WriteString("byte ")
	} else {
		out.WriteString("bytes ")
	}
	for i := 0; i < len(b); i++ {
		if i > 0 {
			out.WriteByte(' ')
		}
		out.WriteString("0x")
		out.WriteByte(hex[b[i]>>4])
		out.WriteByte(hex[b[i]&15])
	}
	return out.String()
}
