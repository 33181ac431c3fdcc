package routing

import (
	"fmt"
	"sort"
	"strings"
)

// A methodSet holds methods as bits for the common ones plus a list of
// others, so checking a request method costs a switch and an AND.
type methodSet struct {
	bits  uint16
	other []string
}

func methodBit(m string) uint16 {
	switch m {
	case "GET":
		return 1 << 0
	case "HEAD":
		return 1 << 1
	case "POST":
		return 1 << 2
	case "PUT":
		return 1 << 3
	case "DELETE":
		return 1 << 4
	case "PATCH":
		return 1 << 5
	case "OPTIONS":
		return 1 << 6
	case "CONNECT":
		return 1 << 7
	case "TRACE":
		return 1 << 8
	}
	return 0
}

func (s *methodSet) add(m string) {
	if b := methodBit(m); b != 0 {
		s.bits |= b
	} else if !contains(s.other, m) {
		s.other = append(s.other, m)
	}
}

func (s *methodSet) has(m string) bool {
	if b := methodBit(m); b != 0 {
		return s.bits&b != 0
	}
	return contains(s.other, m)
}

func (s *methodSet) overlaps(t *methodSet) bool {
	if s.bits&t.bits != 0 {
		return true
	}
	for _, m := range s.other {
		if t.has(m) {
			return true
		}
	}
	return false
}

// normalizeMethods upper-cases, defaults, completes and sorts a rule's methods.
func normalizeMethods(in []string, noAuto bool) ([]string, methodSet, bool, error) {
	var set methodSet
	if len(in) == 0 {
		in = []string{"GET"}
	}
	for _, m := range in {
		m = strings.ToUpper(strings.TrimSpace(m))
		if m == "" || strings.ContainsAny(m, " \t\r\n,") {
			return nil, set, false, fmt.Errorf("routing: bad method name %q", m)
		}
		set.add(m)
	}
	if set.has("GET") {
		set.add("HEAD")
	}
	auto := !noAuto && !set.has("OPTIONS")
	out := set.list()
	if auto {
		out = append(out, "OPTIONS")
		sort.Strings(out)
	}
	return out, set, auto, nil
}

// list returns the set's methods, sorted.
func (s *methodSet) list() []string {
	var out []string
	for b := uint16(1); b != 0 && b <= 1<<8; b <<= 1 {
		if s.bits&b != 0 {
			out = append(out, bitName(b))
		}
	}
	out = append(out, s.other...)
	sort.Strings(out)
	return out
}

func bitName(b uint16) string {
	for _, m := range [...]string{"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE"} {
		if methodBit(m) == b {
			return m
		}
	}
	return ""
}

// listsMethod reports whether the method list names m, in any case.
func listsMethod(in []string, m string) bool {
	for _, x := range in {
		if strings.EqualFold(strings.TrimSpace(x), m) {
			return true
		}
	}
	return false
}
