package jinja

import "fmt"

// Error is a template error: Kind is the name of the Jinja exception it
// stands for (UndefinedError, TemplateSyntaxError, TemplateNotFound,
// TemplateAssertionError, TypeError, ZeroDivisionError, ...), Template and
// Line say where it happened.
type Error struct {
	Kind     string
	Template string
	Line     int
	Msg      string
}

// Error formats the error as Jinja does: the kind, the message and where.
func (e *Error) Error() string {
	where := e.Template
	if where == "" {
		where = "<template>"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s: %s (%s, line %d)", e.Kind, e.Msg, where, e.Line)
	}
	return fmt.Sprintf("%s: %s (%s)", e.Kind, e.Msg, where)
}

// newErr builds an Error without position; the renderer fills it in.
func newErr(kind, format string, args ...any) *Error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...)}
}

func typeErr(format string, args ...any) *Error { return newErr("TypeError", format, args...) }
