package routing

import "fmt"

// pathConverter is Werkzeug's PathConverter: one or more segments, slashes
// included, not starting with '/'.
type pathConverter struct{}

func newPathConverter(args []any, kwargs map[string]any) (Converter, error) {
	if _, err := bindArgs("path", args, kwargs); err != nil {
		return nil, err
	}
	return pathConverter{}, nil
}

// Match reports whether s is non-empty and does not start with '/'.
func (pathConverter) Match(s string) bool { return s != "" && s[0] != '/' }

// MatchesSlashes reports true: paths span segments.
func (pathConverter) MatchesSlashes() bool { return true }

// Weight places path variables last.
func (pathConverter) Weight() int { return weightPath }

// ToGo returns s itself.
func (c pathConverter) ToGo(s string) (any, error) {
	if !c.Match(s) {
		return nil, fmt.Errorf("routing: %q is not a valid path", s)
	}
	return s, nil
}

// ToURL renders v as text; Build keeps its slashes.
func (c pathConverter) ToURL(v any) (string, error) {
	s, ok := toText(v)
	if !ok {
		return "", fmt.Errorf("cannot use %T as a path", v)
	}
	if !c.Match(s) {
		return "", fmt.Errorf("path %q is empty or starts with '/'", s)
	}
	return s, nil
}
