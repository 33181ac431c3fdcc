package postgres

import (
	"strconv"
	"unsafe"
)

// ArrayValue encodes a column of strings or integers as one PostgreSQL
// array literal ({"a","b"} / {1,2}), which the driver sends as text: one
// allocation for the column, where the driver's own array encoder boxes
// every element. Other slices are returned unchanged.
func (Dialect) ArrayValue(elems any) any {
	switch a := elems.(type) {
	case []string:
		return stringArrayLiteral(a)
	case []int64:
		return intArrayLiteral(a)
	}
	return elems
}

// stringArrayLiteral quotes every element, escaping '"' and '\' with a
// backslash as the array input syntax requires.
func stringArrayLiteral(a []string) string {
	n := 2
	for _, s := range a {
		n += len(s) + 3
	}
	b := make([]byte, 0, n)
	b = append(b, '{')
	for i, s := range a {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		for j := 0; j < len(s); j++ {
			if s[j] == '"' || s[j] == '\\' {
				b = append(b, '\\')
			}
			b = append(b, s[j])
		}
		b = append(b, '"')
	}
	return bytesToString(append(b, '}'))
}

// intArrayLiteral writes the integers in decimal.
func intArrayLiteral(a []int64) string {
	b := make([]byte, 0, 2+len(a)*8)
	b = append(b, '{')
	for i, n := range a {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, n, 10)
	}
	return bytesToString(append(b, '}'))
}

// bytesToString returns b as a string without copying; b is not used
// afterwards.
func bytesToString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
