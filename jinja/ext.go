package jinja

import "strings"

// The extensions Environment.Extensions can enable, by Jinja's names.
// Flask enables none by default; an app that set jinja_options
// ["extensions"] lists the same names here.
const (
	// ExtDo adds {% do expr %}, which evaluates expr and discards it.
	ExtDo = "jinja2.ext.do"
	// ExtLoopControls adds {% break %} and {% continue %} inside loops.
	ExtLoopControls = "jinja2.ext.loopcontrols"
)

// extensions are the extension tags the parser accepts.
type extensions struct {
	do, loopControls bool
}

// parseExtensions reads Environment.Extensions; an unknown name fails as
// Jinja fails to import it.
func parseExtensions(names []string) (extensions, error) {
	var ext extensions
	for _, n := range names {
		switch n {
		case ExtDo, "do":
			ext.do = true
		case ExtLoopControls, "loopcontrols":
			ext.loopControls = true
		default:
			return ext, newErr("ImportError", "unknown Jinja extension %q; flagon has %s", n, strings.Join([]string{ExtDo, ExtLoopControls}, " and "))
		}
	}
	return ext, nil
}

// errBreak and errContinue carry {% break %} and {% continue %} from the
// tag up to its loop; they never leave a render.
var (
	errBreak    = &Error{Kind: "break"}
	errContinue = &Error{Kind: "continue"}
)
