package flagon

import (
	"github.com/flagon-go/flagon/internal/errchain"
	"github.com/flagon-go/flagon/jinja"
)

// TemplateSourceError is a Jinja template error together with the source
// of the template it happened in, so that the debug page can show the
// lines around Line. It unwraps to the *jinja.Error.
type TemplateSourceError struct {
	// Err is the template error (a *jinja.Error).
	Err error
	// Name is the template the error is in (an included or parent
	// template when the error is there) and Line its 1-based line.
	Name string
	Line int
	// Source is the template's text.
	Source string
}

// Error returns the template error's message.
func (e *TemplateSourceError) Error() string { return e.Err.Error() }

// Unwrap returns the template error.
func (e *TemplateSourceError) Unwrap() error { return e.Err }

// withTemplateSource attaches the failing template's source to a Jinja
// error in debug mode; other errors, and errors outside debug mode, are
// returned as they are.
func (a *App) withTemplateSource(err error) error {
	var je *jinja.Error
	env := a.tmpl.jinja.env
	if err == nil || env == nil || !a.Debug() || !errchain.AsTarget(err, &je) || je.Template == "" || je.Line <= 0 {
		return err
	}
	src, rerr := env.Source(je.Template)
	if rerr != nil {
		return err
	}
	return &TemplateSourceError{Err: err, Name: je.Template, Line: je.Line, Source: src}
}
