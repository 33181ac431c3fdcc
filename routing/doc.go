// Package routing is flagon's URL routing: Werkzeug's rule syntax and
// matching semantics on a decision tree that allocates nothing on a
// successful match.
//
// # Rules
//
// A rule is a path starting with '/' whose segments are static text or
// variables, possibly with static text around and between them in the same
// segment (/<int:id>.json, /page-<int:n>, /v<int:major>.<int:minor>: each
// variable takes the longest text its converter accepts, as Werkzeug's
// regular expressions do, a path variable the shortest); a path variable
// spans one or more segments (/Talk:<path:name>, /<path:a>:<path:b>):
//
//	/post/<int:id>              an int variable named id
//	/<name>                     a string variable (the default converter)
//	/files/<path:p>             a path variable: one or more segments, slashes included
//	/v/<uuid:u>                 a UUID
//	/<any(about, help):page>    one of the listed segments
//	/x/<int(min=1, max=9):n>    converter arguments, positional or by keyword
//	/f/<float:f>                digits '.' digits
//	/s/<string(length=2):code>  exactly two characters
//
// Built-in converters and their arguments, as in Werkzeug:
//
//	string (alias default)  minlength=1, maxlength, length; no '/'
//	int                     fixed_digits, min, max, signed=False; value int
//	float                   min, max, signed=False; value float64
//	path                    any text not starting with '/'; value string
//	uuid                    8-4-4-4-12 hex digits; value UUID
//	any(a, b, ...)          one of the items; value string
//
// Argument values are Python-like literals: integers, floats, True, False,
// None, bare words and quoted strings. Map.AddConverter registers more
// converters; a Converter may implement PathConverter to span slashes and
// WeightedConverter to choose its priority. A rule ending in '/' is a
// "directory": with StrictSlashes, a request without the slash is redirected
// (308) to the path with it.
//
// # Matching
//
// Static segments are tried before variables, and variables in the order of
// Werkzeug's weighting: more static text in the part first, then more
// variables, then the converter weight (int, float, uuid and any, then
// string, then path), backtracking on failure, so /a/<int:x>/b and /a/<y>/c
// both match. As in Werkzeug, a path variable and the rest of the rule
// after it form one part: /<path:p>/edit is tried before /<a>/<b>/<c>, and
// a path variable at the end of a lax (non-strict-slashes) rule keeps a
// trailing slash. A rule that matches the path but not the method yields a
// *MethodNotAllowedError (GET implies HEAD; a rule listing HEAD itself wins
// HEAD requests over one whose HEAD comes from GET); OPTIONS is answered
// automatically with an *OptionsError unless a rule lists OPTIONS itself
// (then the first such rule answers it).
//
// # Defaults and merged slashes
//
// Rule.Defaults gives a rule values that are not in its path (Werkzeug's
// defaults), with redirect_defaults: a match of another rule of the same
// endpoint whose values equal them is redirected to the defaults rule.
// Repeated slashes are merged (merge_slashes) unless Rule.NoMergeSlashes.
//
// # Building
//
// Map.Build is Flask's url_for: it fills an endpoint's rule with values,
// percent-escapes them and returns the unused values as query parameters.
package routing
