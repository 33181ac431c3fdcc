package reload

import (
	"regexp"
	"strings"
)

// fnmatchRegexp translates a shell pattern as Python's fnmatch.translate
// does: "*" matches any run of characters, "/" included, "?" any one
// character, "[seq]" and "[!seq]" a character in or not in seq; an
// unclosed "[" is a literal. The whole string must match.
func fnmatchRegexp(pat string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("(?s)^")
	for i := 0; i < len(pat); i++ {
		switch c := pat[i]; c {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		case '[':
			end := classEnd(pat, i)
			if end < 0 {
				b.WriteString(`\[`)
				continue
			}
			b.WriteString(charClass(pat[i+1 : end]))
			i = end
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	re, err := regexp.Compile(b.String())
	if err != nil {
		return regexp.MustCompile(`^` + regexp.QuoteMeta(pat) + `$`)
	}
	return re
}

// classEnd returns the index of the "]" closing the class that opens at
// i, or -1; a "]" right after "[" or "[!" belongs to the class.
func classEnd(pat string, i int) int {
	j := i + 1
	if j < len(pat) && pat[j] == '!' {
		j++
	}
	if j < len(pat) && pat[j] == ']' {
		j++
	}
	for ; j < len(pat); j++ {
		if pat[j] == ']' {
			return j
		}
	}
	return -1
}

// charClass turns the inside of a fnmatch class into a regexp class.
func charClass(inner string) string {
	neg := strings.HasPrefix(inner, "!")
	if neg {
		inner = inner[1:]
	}
	inner = strings.ReplaceAll(inner, `\`, `\\`)
	inner = strings.ReplaceAll(inner, `[`, `\[`)
	inner = strings.ReplaceAll(inner, `]`, `\]`)
	if strings.HasPrefix(inner, "^") {
		inner = `\` + inner
	}
	if neg {
		return "[^" + inner + "]"
	}
	return "[" + inner + "]"
}
