package debugpage

import (
	"fmt"
	"strings"

	"github.com/flagon-go/flagon"
)

// traceback is the plain-text report to copy: the request, the error
// chain and the raw goroutine stack.
func traceback(f *failure, err error) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s\n\n", f.Method, f.URL)
	fmt.Fprintf(&b, "Error: %s\n", f.Message)
	for _, l := range f.Chain {
		fmt.Fprintf(&b, "%s%s: %s\n", strings.Repeat("  ", l.Depth+1), l.Type, l.Message)
	}
	if pe, ok := findInChain[*flagon.PanicError](err); ok {
		b.WriteString("\n")
		b.Write(pe.Stack)
		return b.String()
	}
	b.WriteString("\n" + f.StackNote + "\n")
	for _, fr := range f.Frames {
		if fr.File != "" {
			fmt.Fprintf(&b, "%s\n\t%s:%d\n", fr.Func, fr.File, fr.Line)
		}
	}
	return b.String()
}
