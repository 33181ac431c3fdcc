package config

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"
)

// A DotenvError reports a dotenv file that cannot be read or parsed.
type DotenvError struct {
	Path string // the file
	Line int    // 1-based line of the error, 0 when unknown
	Err  error  // the underlying error
}

// Error names the file, the line when known, and the problem.
func (e *DotenvError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("config: env file %s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("config: env file %s: %v", e.Path, e.Err)
}

// Unwrap returns the underlying error.
func (e *DotenvError) Unwrap() error { return e.Err }

// readDotenv reads and parses one dotenv file.
func readDotenv(path string) (map[string]*string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &DotenvError{Path: path, Err: err}
	}
	return parseDotenv(path, data)
}

// errUnparsable is the error for a statement python-dotenv skips with the
// warning "could not parse statement".
var errUnparsable = errors.New("could not parse statement")

// parseDotenv parses the contents of the dotenv file at path as Flask's
// load_dotenv reads it with python-dotenv's dotenv_values: the values,
// interpolated with the file's earlier values and the environment; a key
// without "=" is nil (Python's None: it is not set, but hides the key in
// files of lower precedence). Where python-dotenv warns and skips a
// statement it cannot parse, and where Python would fail to decode the
// file as UTF-8, this is an error naming the line.
func parseDotenv(path string, data []byte) (map[string]*string, error) {
	if !utf8.Valid(data) {
		return nil, &DotenvError{Path: path, Line: invalidUTF8Line(data), Err: errors.New("invalid UTF-8")}
	}
	bindings := parseDotenvBindings(string(data))
	for _, b := range bindings {
		if b.Error {
			return nil, &DotenvError{Path: path, Line: statementLine(b), Err: errUnparsable}
		}
	}
	values, err := dotenvValues(bindings, true, os.LookupEnv)
	if err != nil {
		var de *DotenvError
		if errors.As(err, &de) {
			de.Path = path
		}
		return nil, err
	}
	m := map[string]*string{}
	for _, v := range values {
		m[v.Key] = nil
		if v.Set {
			m[v.Key] = &v.Value
		}
	}
	return m, nil
}

// statementLine is the line where b's statement starts after the blank
// lines python-dotenv counts into it.
func statementLine(b dotenvBinding) int {
	lead := b.Original[:len(b.Original)-len(strings.TrimLeftFunc(b.Original, isPySpace))]
	return b.Line + len(reNewline.FindAllStringIndex(lead, -1))
}

// invalidUTF8Line returns the line of the first byte that is not UTF-8.
func invalidUTF8Line(data []byte) int {
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	return len(reNewline.FindAllIndex(data[:i], -1)) + 1
}
