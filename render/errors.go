package render

import (
	"errors"
	htmltemplate "html/template"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"text/template/parse"
)

// An Error reports a problem in a template file at a position: a parse
// error, an unknown function, an undefined template, an escaping error
// found by html/template, or an error while executing.
type Error struct {
	// Path is the file shown to the user: the root's name and the
	// template's name, e.g. "templates/index.html".
	Path string
	// Line is the 1-based line in the file, or 0 when unknown.
	Line int
	// Msg describes the problem.
	Msg string
	// Err is the underlying error, if any.
	Err error
}

// Error returns "path:line: msg".
func (e *Error) Error() string {
	if e.Line > 0 {
		return e.Path + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
	}
	return e.Path + ": " + e.Msg
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// A NotFoundError reports a template name found in none of the roots
// (Flask's TemplateNotFound).
type NotFoundError struct {
	// Name is the template that was asked for.
	Name string
	// Roots are the names of the roots searched, in order.
	Roots []string
}

// Error names the template and the roots searched.
func (e *NotFoundError) Error() string {
	if len(e.Roots) == 0 {
		return "template " + strconv.Quote(e.Name) + " not found (no template roots)"
	}
	return "template " + strconv.Quote(e.Name) + " not found (searched: " + strings.Join(e.Roots, ", ") + ")"
}

// locRE splits "name:line[:col]: msg" as written by text/template.
var locRE = regexp.MustCompile(`^(.*?):(\d+)(?::\d+)?: ?(?s:(.*))$`)

// pathFunc maps a template file name to the path shown in errors.
type pathFunc func(name string) string

// fromLocated turns a text/template style message "template: f:3: msg"
// into an *Error, or nil when the message has no position.
func fromLocated(msg string, path pathFunc, err error) *Error {
	msg = strings.TrimPrefix(msg, "template: ")
	m := locRE.FindStringSubmatch(msg)
	if m == nil {
		return nil
	}
	line, _ := strconv.Atoi(m[2])
	return &Error{Path: path(m[1]), Line: line, Msg: m[3], Err: err}
}

// parseError converts an error of text/template's parser.
func parseError(err error, file string, path pathFunc) *Error {
	if e := fromLocated(err.Error(), path, err); e != nil {
		return e
	}
	return &Error{Path: path(file), Msg: strings.TrimPrefix(err.Error(), "template: "), Err: err}
}

// locatedEscapeError converts an error of html/template's escaper that
// carries a position, or returns nil.
func locatedEscapeError(err error, path pathFunc) *Error {
	var he *htmltemplate.Error
	if !errors.As(err, &he) || he.Node == nil {
		return nil
	}
	loc, _ := (*parse.Tree)(nil).ErrorContext(he.Node)
	if strings.HasPrefix(loc, probeName+":") {
		return nil
	}
	return fromLocated(loc+": "+he.Description, path, err)
}

// unlocatedEscapeError converts an escaping error without a position,
// blamed on the template define of file.
func unlocatedEscapeError(err error, file, define string, path pathFunc) error {
	var he *htmltemplate.Error
	if !errors.As(err, &he) {
		return &Error{Path: path(file), Msg: err.Error(), Err: err}
	}
	msg := he.Description
	if he.ErrorCode == htmltemplate.ErrBranchEnd || he.ErrorCode == htmltemplate.ErrEndContext {
		msg = "template ends in a non-text context: unclosed tag, attribute, comment or script"
	}
	if define != file {
		msg = "in " + strconv.Quote(define) + ": " + msg
	}
	return &Error{Path: path(file), Msg: msg, Err: err}
}

// runError converts an error returned by Execute.
func runError(err error, entry string, path pathFunc) error {
	if e := locatedEscapeError(err, path); e != nil {
		return e
	}
	var he *htmltemplate.Error
	if errors.As(err, &he) {
		return unlocatedEscapeError(err, entry, entry, path)
	}
	return execError(err, path)
}

// execError converts an error returned while executing; errors of the
// writer pass through unchanged.
func execError(err error, path pathFunc) error {
	var ee template.ExecError
	if !errors.As(err, &ee) {
		return err
	}
	if e := fromLocated(ee.Err.Error(), path, err); e != nil {
		return e
	}
	return err
}
