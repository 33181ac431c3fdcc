package tfb

import (
	"math/rand/v2"
	"strconv"
)

// QueryCount parses the queries parameter by the benchmark's rule: a
// missing or non-numeric value counts as 1, and the count is clamped to
// MinQueries..MaxQueries.
func QueryCount(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return MinQueries
	}
	return min(max(n, MinQueries), MaxQueries)
}

// RandomID returns a random world id in 1..WorldRows.
func RandomID() int { return rand.IntN(WorldRows) + 1 }
