package config

import (
	"fmt"
	"regexp"
	"strings"
)

// maxDotenvExpansion caps the size of a value once its ${...} references
// are expanded: python-dotenv has no cap, and a chain of lines like
// b=${a}${a}, c=${b}${b} doubles the size on each line.
const maxDotenvExpansion = 1 << 20

// errDotenvTooLarge is the error for a value expanding past
// maxDotenvExpansion.
var errDotenvTooLarge = fmt.Errorf("value expands to more than %d bytes", maxDotenvExpansion)

// rePosixVariable is python-dotenv's ${NAME} and ${NAME:-default}; a bare
// $NAME is not expanded.
var rePosixVariable = regexp.MustCompile(`\$\{([^}:]*)(?::-([^}]*))?\}`)

// A dotenvAtom is a literal or a variable reference of a value
// (python-dotenv's Literal and Variable).
type dotenvAtom struct {
	Literal    string
	Variable   bool
	Name       string
	Default    string
	HasDefault bool
}

// parseDotenvVariables splits a value into atoms (parse_variables).
func parseDotenvVariables(value string) []dotenvAtom {
	var atoms []dotenvAtom
	cursor := 0
	for _, m := range rePosixVariable.FindAllStringSubmatchIndex(value, -1) {
		if m[0] > cursor {
			atoms = append(atoms, dotenvAtom{Literal: value[cursor:m[0]]})
		}
		a := dotenvAtom{Variable: true, Name: value[m[2]:m[3]]}
		if m[4] >= 0 {
			a.Default, a.HasDefault = value[m[4]:m[5]], true
		}
		atoms = append(atoms, a)
		cursor = m[1]
	}
	if cursor < len(value) {
		atoms = append(atoms, dotenvAtom{Literal: value[cursor:]})
	}
	return atoms
}

// A dotenvValue is a key of a file with its final value; Set is false for a
// key without "=" (python-dotenv's None), which Flask does not set.
type dotenvValue struct {
	Key   string
	Value string
	Set   bool
}

// dotenvValues returns a file's keys in order of first appearance with the
// value of their last binding, as python-dotenv's dotenv_values. With
// interpolate, ${NAME} resolves to the file's latest value of NAME before
// the statement, else the environment (lookup), else the default, else ""
// (resolve_variables with override=True, which Flask uses). A key without
// a value hides the environment and resolves to "". A value expanding past
// maxDotenvExpansion is a *DotenvError naming its line (Path left empty).
func dotenvValues(bindings []dotenvBinding, interpolate bool, lookup func(string) (string, bool)) ([]dotenvValue, error) {
	var out []dotenvValue
	index := map[string]int{}
	for _, b := range bindings {
		if !b.HasKey {
			continue
		}
		v := dotenvValue{Key: b.Key, Value: b.Value, Set: b.HasValue}
		if interpolate && v.Set {
			var ok bool
			v.Value, ok = resolveDotenv(b.Value, func(name string) (string, bool) {
				if i, ok := index[name]; ok {
					return out[i].Value, true
				}
				return lookup(name)
			})
			if !ok {
				return nil, &DotenvError{Line: statementLine(b), Err: errDotenvTooLarge}
			}
		}
		if i, ok := index[b.Key]; ok {
			out[i] = v
			continue
		}
		index[b.Key] = len(out)
		out = append(out, v)
	}
	return out, nil
}

// resolveDotenv expands the variables of value with lookup (Atom.resolve);
// false when a variable's text would take the result past
// maxDotenvExpansion.
func resolveDotenv(value string, lookup func(string) (string, bool)) (string, bool) {
	var sb strings.Builder
	for _, a := range parseDotenvVariables(value) {
		text := a.Literal
		if a.Variable {
			v, ok := lookup(a.Name)
			if !ok {
				v = a.Default
			}
			if sb.Len()+len(v) > maxDotenvExpansion {
				return "", false
			}
			text = v
		}
		sb.WriteString(text)
	}
	return sb.String(), true
}
