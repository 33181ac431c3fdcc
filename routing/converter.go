package routing

// A Converter matches one variable part of a rule, converts the matched text
// to a Go value and renders Go values back into URL text.
//
// Match receives a single path segment (never containing '/') unless the
// converter is a PathConverter reporting MatchesSlashes. Match must accept
// exactly the texts ToGo converts without error, and must not allocate if the
// match path is to stay allocation-free.
//
// ToURL returns unescaped text; Map.Build percent-escapes it. It returns an
// error for values of the wrong type or values the converter would not match.
type Converter interface {
	Match(segment string) bool
	ToGo(s string) (any, error)
	ToURL(v any) (string, error)
}

// A PathConverter is a Converter that may match text spanning several
// segments, slashes included, when MatchesSlashes reports true. Such a
// converter sees candidate texts from shortest to longest.
type PathConverter interface {
	Converter
	MatchesSlashes() bool
}

// A WeightedConverter is a Converter that chooses its place among dynamic
// siblings: lower weights are tried first. Built-in weights are 50 for int,
// float, uuid and any, 100 for string (and converters without a weight) and
// 200 for path.
type WeightedConverter interface {
	Converter
	Weight() int
}

// A ConverterFactory builds a converter from the arguments written in a rule,
// as in `<name(1, 'x', max=9):var>`. Argument values are int, float64, bool,
// nil (for None) or string.
type ConverterFactory func(args []any, kwargs map[string]any) (Converter, error)

// Default converter weights.
const (
	weightNumber = 50
	weightString = 100
	weightPath   = 200
)

func matchesSlashes(c Converter) bool {
	pc, ok := c.(PathConverter)
	return ok && pc.MatchesSlashes()
}

func weightOf(c Converter) int {
	if w, ok := c.(WeightedConverter); ok {
		return w.Weight()
	}
	if matchesSlashes(c) {
		return weightPath
	}
	return weightString
}
