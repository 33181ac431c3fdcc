// Package fortunes holds the TechEmpower fortunes test data shared by the
// template benchmarks: the 12 rows of the fortune table and the one added
// at request time, sorted by message as the test requires.
package fortunes

import (
	"slices"
	"strings"
)

// Fortune is one row of the fortune table.
type Fortune struct {
	ID      int
	Message string
}

// Sorted returns the table's rows plus "Additional fortune added at request
// time." (id 0), sorted by message.
func Sorted() []Fortune {
	rows := []Fortune{
		{1, "fortune: No such file or directory"},
		{2, "A computer scientist is someone who fixes things that aren't broken."},
		{3, "After enough decimal places, nobody gives a damn."},
		{4, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1"},
		{5, "A computer program does what you tell it to do, not what you want it to do."},
		{6, "Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen"},
		{7, "Any program that runs doesn't need to be updated."},
		{8, "Feature: A bug with seniority."},
		{9, "Computers make very fast, very accurate mistakes."},
		{10, `<script>alert("This should not be displayed in a browser alert box.");</script>`},
		{11, "フレームワークのベンチマーク"},
		{0, "Additional fortune added at request time."},
	}
	slices.SortFunc(rows, func(a, b Fortune) int { return strings.Compare(a.Message, b.Message) })
	return rows
}
