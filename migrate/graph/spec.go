package graph

import (
	"strconv"
	"strings"
)

// Special spec targets.
const (
	TargetHead  = "head"
	TargetHeads = "heads"
	TargetBase  = "base"
)

// A Spec is a parsed revision specification such as "head", "heads",
// "base", "ae1f", "+2", "-1", "ae1f+1", "shop@head" or "shop@-1".
type Spec struct {
	// Branch is the part before "@", a branch label or revision, if any.
	Branch string
	// Target is "head", "heads", "base", a revision (or prefix or label),
	// or empty for "relative to the current revision".
	Target string
	// Rel is the signed relative step, 0 when absent.
	Rel int
}

// maxRel bounds relative steps so that parsing never overflows.
const maxRel = 1 << 20

// ParseSpec parses a revision specification.
func ParseSpec(s string) (Spec, error) {
	var sp Spec
	if strings.TrimSpace(s) != s || s == "" {
		return sp, specError(s, "empty or padded")
	}
	rest := s
	if i := strings.IndexByte(s, '@'); i >= 0 {
		sp.Branch, rest = s[:i], s[i+1:]
		if sp.Branch == "" || strings.ContainsAny(rest, "@") {
			return sp, specError(s, "expected <branch>@<target>")
		}
	}
	target, rel, err := splitRel(rest)
	if err != nil {
		return sp, specError(s, err.Error())
	}
	if target == "" && rel == 0 {
		return sp, specError(s, "missing target")
	}
	if strings.ContainsAny(target, ": \t\n") {
		return sp, specError(s, "invalid character")
	}
	sp.Target, sp.Rel = target, rel
	if sp.Target == TargetHeads && sp.Rel != 0 {
		return sp, specError(s, "relative steps from 'heads' are not allowed")
	}
	return sp, nil
}

// splitRel splits a trailing "+N" or "-N" off a target.
func splitRel(s string) (string, int, error) {
	i := strings.LastIndexAny(s, "+-")
	if i < 0 || !allDigits(s[i+1:]) {
		if strings.Contains(s, "+") {
			return "", 0, errString("'+' must be followed by a number")
		}
		return s, 0, nil
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil || n > maxRel {
		return "", 0, errString("step too large")
	}
	if n == 0 {
		return "", 0, errString("relative step must not be zero")
	}
	if s[i] == '-' {
		n = -n
	}
	if strings.Contains(s[:i], "+") {
		return "", 0, errString("'+' must be followed by a number")
	}
	return s[:i], n, nil
}

// allDigits reports whether s is a non-empty run of ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// String formats the spec back to its text form.
func (s Spec) String() string {
	var b strings.Builder
	if s.Branch != "" {
		b.WriteString(s.Branch + "@")
	}
	b.WriteString(s.Target)
	if s.Rel > 0 {
		b.WriteString("+")
	}
	if s.Rel != 0 {
		b.WriteString(strconv.Itoa(s.Rel))
	}
	return b.String()
}

type errString string

func (e errString) Error() string { return string(e) }

// specError reports an unparsable specification.
func specError(s, why string) error {
	return &Error{Kind: ErrSpec, Rev: s, Msg: "Invalid revision specification '" + s + "': " + why}
}
