package config

import (
	"errors"
	"testing"
)

// FuzzParseDotenv parses arbitrary dotenv files: a malformed one is a
// *DotenvError naming the file (and a line inside it when known), never a
// panic.
func FuzzParseDotenv(f *testing.F) {
	for _, s := range []string{
		"A=1\nB='two'\n", "export A=\"x\\ny\"", "A=\"unterminated\nB=2", "1BAD-NAME=x", "A", "=x",
		"# comment\r\nA=1\r\n", "A=${B}\nB=1", "A='\\''", "\x00=\xff", "A=\"\\\"", "A=1\n\n\n\"bad",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := parseDotenv("fuzz.env", data)
		if err == nil {
			return
		}
		var de *DotenvError
		if !errors.As(err, &de) || de.Path != "fuzz.env" {
			t.Fatalf("error %v is not a DotenvError naming the file", err)
		}
		if de.Line < 0 || de.Line > 1+countLines(data) {
			t.Fatalf("error line %d outside the file's %d lines", de.Line, 1+countLines(data))
		}
	})
}

// countLines counts the line breaks of data: \r\n, \n and \r, as
// python-dotenv.
func countLines(data []byte) int {
	return len(reNewline.FindAllIndex(data, -1))
}

// FuzzLoadJSON loads arbitrary configuration files as FromFile does:
// an error or a map, never a panic.
func FuzzLoadJSON(f *testing.F) {
	for _, s := range []string{`{"A": 1, "B": [1.5, {"C": 1e400}]}`, `null`, `[1]`, `{"A": 1} x`, `{`, `"s"`, `{"A": 9223372036854775808}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m := map[string]any{}
		_ = LoadJSON(data, &m)
		var v any
		_ = LoadJSON(data, &v)
		c := New()
		c.FromMap(m)
	})
}
