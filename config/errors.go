package config

import "fmt"

// A TypeError reports a configuration value that a typed getter cannot
// convert to the type it returns.
type TypeError struct {
	Key   string // configuration key
	Value any    // the stored value
	Want  string // the wanted type, such as "int" or "duration"
}

// Error describes the key, the stored value and its type, and the wanted
// type.
func (e *TypeError) Error() string {
	return fmt.Sprintf("config: %s is %T (%s), want %s", e.Key, e.Value, brief(e.Value), e.Want)
}

// brief formats v for an error message, shortened to 40 bytes.
func brief(v any) string {
	s := fmt.Sprintf("%#v", v)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}
