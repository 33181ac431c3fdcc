package verify_test

import (
	"fmt"

	"github.com/flagon-go/flagon/bench/verify"
)

func ExampleNormalizeHTML() {
	// Any correct escaping has the same normal form...
	fmt.Println(verify.NormalizeHTML(`<TD>&#60;b&#62; &#34;x&#34;</TD>`))
	fmt.Println(verify.NormalizeHTML(`<td>&lt;b&gt; "x"</td>`))
	// ...while markup left unescaped stays markup.
	fmt.Println(verify.NormalizeHTML(`<td><b> "x"</td>`))
	// Output:
	// <td>&lt;b&gt; &quot;x&quot;</td>
	// <td>&lt;b&gt; &quot;x&quot;</td>
	// <td><b> &quot;x&quot;</td>
}
