// Package script reads and writes revision files: Go source files in an
// application's migrations/versions package, one per revision, plus the
// generated index file revisions.go listing them all.
//
// Since a running program only knows the revisions it was compiled with,
// Scan reads the revision literals straight from the files (with go/parser)
// so that commands can notice revisions the program lacks.
package script

import (
	"crypto/rand"
	"encoding/hex"
	"regexp"
	"slices"
	"strings"
)

// NewID returns a random 12-hex-digit revision identifier, like Alembic's.
func NewID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// word is Python's \w+, the words Alembic joins into a slug.
var word = regexp.MustCompile(`[\p{L}\p{N}\p{Mn}_]+`)

// buildSuffixes are file name suffixes that Go treats as build constraints.
var buildSuffixes = []string{"test", "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios",
	"js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
	"386", "amd64", "arm", "arm64", "loong64", "mips", "mipsle", "mips64", "mips64le", "ppc64", "ppc64le",
	"riscv64", "s390x", "wasm"}

// Slug turns a message into the file name part Alembic uses
// ("add price column" -> "add_price_column"): its words joined by "_",
// lowercased; one longer than 40 characters is cut back to its last "_"
// within them, which it keeps ("..._lots_of_"). It never ends in a word
// Go would read as a build constraint.
func Slug(message string) string {
	s := strings.ToLower(strings.Join(word.FindAllString(message, -1), "_"))
	if r := []rune(s); len(r) > 40 {
		cut := string(r[:40])
		if i := strings.LastIndex(cut, "_"); i >= 0 {
			cut = cut[:i]
		}
		return cut + "_"
	}
	parts := strings.Split(s, "_")
	if slices.Contains(buildSuffixes, parts[len(parts)-1]) {
		s += "_rev"
	}
	return s
}

// FileName returns the revision file name "<id>_<slug>.go".
func FileName(id, message string) string {
	if s := Slug(message); s != "" {
		return id + "_" + s + ".go"
	}
	return id + ".go"
}

// VarName returns the Go identifier of a revision's variable.
func VarName(id string) string {
	return "rev" + goIdent(id)
}

// goIdent maps a revision id to identifier characters.
func goIdent(id string) string {
	var b strings.Builder
	for _, r := range id {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteString("_")
		}
	}
	return b.String()
}
