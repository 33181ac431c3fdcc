package doccheck

import (
	"bufio"
	"regexp"
	"strings"
)

// block is a fenced code block of a markdown page.
type block struct {
	lang string
	text string
	// file is the path named by the paragraph before the block ("`main.go`:").
	file string
	// after is the last prose line before the block.
	after string
}

var fileLine = regexp.MustCompile("^`([\\w./-]+\\.\\w+)`")

// blocks returns the fenced code blocks of a markdown page, in order.
func blocks(page string) []block {
	var out []block
	var cur *block
	var text strings.Builder
	file, prose := "", ""
	sc := bufio.NewScanner(strings.NewReader(page))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case cur == nil && strings.HasPrefix(line, "```"):
			cur = &block{lang: strings.TrimPrefix(line, "```"), file: file, after: prose}
			text.Reset()
		case cur != nil && line == "```":
			cur.text = text.String()
			out = append(out, *cur)
			cur, file = nil, ""
		case cur != nil:
			text.WriteString(line + "\n")
		default:
			if m := fileLine.FindStringSubmatch(line); m != nil {
				file = m[1]
			} else if strings.HasPrefix(line, "#") {
				file = ""
			}
			if strings.TrimSpace(line) != "" {
				prose = line
			}
		}
	}
	return out
}
