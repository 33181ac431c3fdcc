package tfb_test

import (
	"fmt"

	"github.com/flagon-go/flagon/bench/internal/tfb"
)

func ExampleQueryCount() {
	for _, s := range []string{"", "foo", "0", "20", "501"} {
		fmt.Printf("%q -> %d\n", s, tfb.QueryCount(s))
	}
	// Output:
	// "" -> 1
	// "foo" -> 1
	// "0" -> 1
	// "20" -> 20
	// "501" -> 500
}
