package debugpage

import (
	"bufio"
	"os"
	"strconv"
	"strings"

	"github.com/flagon-go/flagon"
)

// frame is one call of the stack.
type frame struct {
	Func    string
	File    string
	Line    int
	App     bool
	Source  []SourceLine
	Library []frame // folded library frames before this app frame
}

// SourceLine is a line of code shown around a frame's or an error's
// line.
type SourceLine struct {
	// N is the line number.
	N int
	// Text is the line, without its newline.
	Text string
	// Current marks the line the frame or the error is on.
	Current bool
}

// contextLines is how many lines show around a frame's line.
const contextLines = 5

// stackOf returns the frames of a panic, or, for a returned error, the
// handler's registration site and a note.
func stackOf(c *flagon.Ctx, err error) ([]frame, string) {
	if pe, ok := findInChain[*flagon.PanicError](err); ok && len(pe.Stack) > 0 {
		return withSource(parseStack(string(pe.Stack))), ""
	}
	note := "The handler returned this error, so there is no stack trace (only panics carry one)."
	var frames []frame
	if te, ok := findInChain[*flagon.TemplateSourceError](err); ok {
		frames = append(frames, frame{Func: "template " + te.Name, File: te.Name, Line: te.Line, App: true, Source: sourceAround(te.Source, te.Line)})
	}
	rule := c.Rule()
	if rule == nil || rule.Site == "" {
		return frames, note
	}
	file, line := splitSite(rule.Site)
	f := frame{Func: "route " + rule.Pattern + " registered here", File: file, Line: line, App: true}
	return append(frames, withSource([]frame{f})...), note
}

// sourceAround returns the lines of src around line (a template's
// source, for a template error).
func sourceAround(src string, line int) []SourceLine {
	var out []SourceLine
	for i, text := range strings.Split(src, "\n") {
		if n := i + 1; n >= line-contextLines && n <= line+contextLines {
			out = append(out, SourceLine{N: n, Text: text, Current: n == line})
		}
	}
	return withCurrent(out)
}

// withCurrent returns lines, or nil when none of them is the current
// line: a line number beyond the source shows no source, as in
// Werkzeug's DebugFrameSummary.render_html (test_missing_source_lines).
func withCurrent(lines []SourceLine) []SourceLine {
	for _, l := range lines {
		if l.Current {
			return lines
		}
	}
	return nil
}

// parseStack parses runtime/debug.Stack output into frames, dropping the
// frames of the recovery (everything up to the last panic call).
func parseStack(s string) []frame {
	var frames []frame
	fn := ""
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(line, "\t") {
			fn = strings.TrimSpace(line)
			continue
		}
		if fn == "" {
			continue
		}
		loc := strings.TrimSpace(line)
		if sp := strings.LastIndex(loc, " +0x"); sp >= 0 {
			loc = loc[:sp]
		}
		file, n := splitSite(loc)
		if strings.HasPrefix(fn, "panic(") {
			frames, fn = frames[:0], ""
			continue
		}
		name := trimArgs(fn)
		frames = append(frames, frame{Func: name, File: file, Line: n, App: isAppFrame(name, file)})
		fn = ""
	}
	return frames
}

// trimArgs drops the argument words of "pkg.fn(0x1, ...)".
func trimArgs(fn string) string {
	if rest, ok := strings.CutPrefix(fn, "created by "); ok {
		fn, _, _ = strings.Cut(rest, " in goroutine ")
		return fn
	}
	if i := strings.LastIndex(fn, "("); i > 0 && strings.HasSuffix(fn, ")") {
		return fn[:i]
	}
	return fn
}

// splitSite splits "file.go:12" into the file and the line.
func splitSite(site string) (string, int) {
	i := strings.LastIndex(site, ":")
	if i < 0 {
		return site, 0
	}
	n, err := strconv.Atoi(site[i+1:])
	if err != nil || n < 0 {
		return site, 0
	}
	return site[:i], n
}

// isAppFrame reports whether a frame is the application's: not the
// standard library, not a module from the module cache, and not flagon
// itself (its tests count as application code).
func isAppFrame(fn, file string) bool {
	pkg := funcPackage(fn)
	switch {
	case pkg == "main":
		return true
	case !strings.Contains(firstSegment(pkg), "."):
		return false // standard library and runtime
	case strings.Contains(file, "/pkg/mod/"):
		return false
	case strings.HasPrefix(pkg, "github.com/flagon-go/flagon"):
		return strings.HasSuffix(pkg, "_test") || strings.HasSuffix(file, "_test.go")
	}
	return true
}

// funcPackage returns the import path of a function name such as
// "github.com/a/b.(*T).M".
func funcPackage(fn string) string {
	slash := strings.LastIndex(fn, "/")
	dot := strings.Index(fn[slash+1:], ".")
	if dot < 0 {
		return fn
	}
	return fn[:slash+1+dot]
}

func firstSegment(pkg string) string {
	first, _, _ := strings.Cut(pkg, "/")
	return first
}

// withSource adds source lines to the application's frames and folds
// library frames into the next application frame (or a last fold).
func withSource(frames []frame) []frame {
	var out []frame
	var folded []frame
	for _, f := range frames {
		if !f.App {
			folded = append(folded, f)
			continue
		}
		f.Source = readSource(f.File, f.Line)
		f.Library, folded = folded, nil
		out = append(out, f)
	}
	if len(folded) > 0 {
		out = append(out, frame{Func: "", Library: folded})
	}
	return out
}

// readSource returns the lines around line of file, or nil when the file
// cannot be read.
func readSource(file string, line int) []SourceLine {
	fh, err := os.Open(file)
	if err != nil || line <= 0 {
		return nil
	}
	defer fh.Close()
	var out []SourceLine
	sc := bufio.NewScanner(fh)
	for n := 1; sc.Scan() && n <= line+contextLines; n++ {
		if n >= line-contextLines {
			out = append(out, SourceLine{N: n, Text: sc.Text(), Current: n == line})
		}
	}
	return withCurrent(out)
}
