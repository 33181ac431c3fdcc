package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strconv"

	"github.com/joho/godotenv"
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

// readDotenv reads and parses one dotenv file with godotenv.
func readDotenv(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &DotenvError{Path: path, Err: err}
	}
	return parseDotenv(path, data)
}

// parseDotenv parses the contents of the dotenv file at path.
func parseDotenv(path string, data []byte) (map[string]string, error) {
	m, err := godotenv.UnmarshalBytes(data)
	if err != nil {
		line, msg := locate(data, err)
		return nil, &DotenvError{Path: path, Line: line, Err: msg}
	}
	return m, nil
}

// godotenv's two parse errors quote the rest of the file from the bad
// statement on (or its first line); they carry no line number.
var (
	reUnexpected   = regexp.MustCompile(`(?s)^(unexpected character "(?:[^"\\]|\\.)*" in variable name) near (".*")$`)
	reUnterminated = regexp.MustCompile(`(?s)^(unterminated quoted value) (.*)$`)
)

// locate finds the line of a godotenv parse error in data and returns it
// with a shorter message that no longer quotes the file (which may hold
// secrets). It returns line 0 and err when the error is not recognised.
func locate(data []byte, err error) (int, error) {
	norm := bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	msg := err.Error()
	if m := reUnexpected.FindStringSubmatch(msg); m != nil {
		rest, uerr := strconv.Unquote(m[2])
		if uerr == nil && bytes.HasSuffix(norm, []byte(rest)) {
			return lineAt(norm, len(norm)-len(rest)), errors.New(m[1])
		}
	}
	if m := reUnterminated.FindStringSubmatch(msg); m != nil {
		if i := bytes.LastIndex(norm, []byte(m[2])); i >= 0 {
			return lineAt(norm, i), errors.New(m[1])
		}
	}
	return 0, err
}

// lineAt returns the 1-based line holding byte offset i of data.
func lineAt(data []byte, i int) int {
	return bytes.Count(data[:i], []byte("\n")) + 1
}
