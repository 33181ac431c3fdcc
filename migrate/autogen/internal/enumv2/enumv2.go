// Package enumv2 holds a second version of the tests' status enum type:
// the same type name (so the same enum type name) with a value added.
package enumv2

// Status is the status enum with an "archived" value.
type Status string

// Values returns the enum's values.
func (Status) Values() []string { return []string{"draft", "published", "archived"} }
