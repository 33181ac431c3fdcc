package debugpage

import (
	"net/http"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/flagon-go/flagon"
)

// BuildStatus reports the reloader's last build: the main package's
// directory, the compiler output, and whether the build failed.
type BuildStatus func() (dir, output string, failed bool)

// ServeBuildErrors makes app answer browsers with the compiler errors
// while the reloader's last build is failing: requests that accept HTML
// get the build page (500) with the errors and the source lines around
// them; other clients keep getting the last good build's responses. The
// page is at Prefix+"build" in any case. Like the debug page, it is shown
// only in debug mode to trusted hosts.
func ServeBuildErrors(app *flagon.App, status BuildStatus) {
	app.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			dir, output, failed := status()
			explicit := r.URL.Path == Prefix+"build"
			if (!failed && !explicit) || !allowed(app, DefaultTrustedHosts, r) ||
				(!explicit && !acceptsHTML(r)) {
				next.ServeHTTP(w, r)
				return
			}
			code := http.StatusInternalServerError
			if !failed {
				code, output = http.StatusOK, ""
			}
			writePage(w, "build", buildData{Output: output, Errors: ParseBuildErrors(dir, output)}, code)
		})
	})
}

// acceptsHTML reports whether the request comes from a browser page load.
func acceptsHTML(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "text/html")
}

type buildData struct {
	Output string
	Errors []BuildError
}

// BuildError is one compiler error with the source around it.
type BuildError struct {
	// File is the source file's path.
	File string
	// Line and Col locate the error (Col is 0 when unknown).
	Line, Col int
	// Message is the compiler's message.
	Message string
	// Source holds the lines around the error.
	Source []SourceLine
}

// compilerLine matches "path/file.go:12:5: message".
var compilerLine = regexp.MustCompile(`^\s*(\S+\.go):(\d+)(?::(\d+))?: (.+)$`)

// ParseBuildErrors extracts the errors of go build's output, reading the
// source lines around each from files relative to dir.
func ParseBuildErrors(dir, output string) []BuildError {
	var out []BuildError
	for _, line := range strings.Split(output, "\n") {
		m := compilerLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		file := m[1]
		if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		n, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		out = append(out, BuildError{File: file, Line: n, Col: col, Message: m[4], Source: readSource(file, n)})
	}
	return out
}
