package jinja

// UndefinedPolicy is how undefined values behave, Jinja's choice of
// undefined class (Environment(undefined=...)).
type UndefinedPolicy int

const (
	// DefaultUndefined is Jinja's Undefined: prints as "", is false and
	// iterates as empty; other uses fail with an UndefinedError.
	DefaultUndefined UndefinedPolicy = iota
	// StrictUndefined is Jinja's StrictUndefined: printing, iterating,
	// testing for truth or comparing it fails too; only the defined and
	// undefined tests and the default filter accept it.
	StrictUndefined
	// ChainableUndefined is Jinja's ChainableUndefined: reading an
	// attribute or item of it gives it again, instead of failing.
	ChainableUndefined
	// DebugUndefined is Jinja's DebugUndefined: prints as the expression
	// that was undefined ({{ name }}).
	DebugUndefined
)

// strictErr is the error using v fails with when v is a StrictUndefined
// in a way the default Undefined allows (printing, iterating, len, truth,
// comparing); nil otherwise.
func strictErr(v any) error {
	if u, ok := v.(Undefined); ok && u.policy == StrictUndefined {
		return u.err()
	}
	return nil
}

// truth is Python's bool(v), which fails for a StrictUndefined.
func truth(v any) (bool, error) {
	if err := strictErr(v); err != nil {
		return false, err
	}
	return truthy(v), nil
}

// debugText is how a DebugUndefined prints: the expression that was
// undefined, inside {{ }}.
func (u Undefined) debugText() string {
	msg := u.Name
	switch {
	case u.hint != "":
		msg = "undefined value printed: " + u.hint
	case u.owner != "":
		key := repr(u.Name)
		if u.elem {
			key = u.Name
		}
		msg = "no such element: " + u.owner + "[" + key + "]"
	}
	return "{{ " + msg + " }}"
}
