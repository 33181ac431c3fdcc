package jinja

import "strconv"

// maxSize bounds what one operation may build: the characters of a
// repeated string or padded field, the items of a repeated list. Python
// would try to allocate (and a Go program cannot recover from running out
// of memory), so a template that asks for more, such as 'a' * 10**9 or
// '%1000000000d', fails with a MemoryError instead.
const maxSize = 1 << 24

// checkSize fails when an operation would build n characters or items.
func checkSize(n int) error {
	if n > maxSize || n < 0 {
		return newErr("MemoryError", "the result would have %d characters or items, more than the limit of %d", n, maxSize)
	}
	return nil
}

// checkRepeat fails when repeating n items count times exceeds maxSize.
func checkRepeat(n, count int) error {
	if n > 0 && count > maxSize/n {
		return newErr("MemoryError", "repeating %d characters or items %d times is more than the limit of %d", n, count, maxSize)
	}
	return nil
}

// checkSpecNumbers fails when a width or precision in a format spec
// ("%10.2f", "{:>10}") exceeds maxSize.
func checkSpecNumbers(spec string) error {
	for i := 0; i < len(spec); {
		j := i
		for j < len(spec) && spec[j] >= '0' && spec[j] <= '9' {
			j++
		}
		if j == i {
			i++
			continue
		}
		if n, err := strconv.Atoi(spec[i:j]); err != nil || n > maxSize {
			return newErr("MemoryError", "the width or precision %s is more than the limit of %d", spec[i:j], maxSize)
		}
		i = j
	}
	return nil
}
