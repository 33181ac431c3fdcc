package verify

import "testing"

func TestNormalizeHTML(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"named entities", `<td>&lt;b&gt; &quot;x&quot; &apos;</td>`, `<td>&lt;b&gt; &quot;x&quot; &apos;</td>`},
		{"numeric entities", `<td>&#60;b&#62; &#34;x&#x22; &#39;&#43;</td>`, `<td>&lt;b&gt; &quot;x&quot; &apos;+</td>`},
		{"bare quotes and apostrophes", `<td>"x" it's a > b</td>`, `<td>&quot;x&quot; it&apos;s a &gt; b</td>`},
		{"mdash entity", `<td>a &mdash; b</td>`, `<td>a — b</td>`},
		{"raw script is a tag", `<td><script>x</script></td>`, `<td><script>x</script></td>`},
		{"tag case, attributes, whitespace", "<!DOCTYPE html>\n<TABLE class=\"x\">\n  <TR></tr></table>\n", `<!doctype html><table><tr></tr></table>`},
		{"self-closing tag", `<br/>a`, `<br>a`},
		{"unclosed bracket is text", `a <b`, `a &lt;b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeHTML(tt.in); got != tt.want {
				t.Errorf("NormalizeHTML(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzNormalizeHTML(f *testing.F) {
	f.Add(ValidFortunes)
	f.Add(`<td>&#60;&#x3E;&amp;&quot;'</td>`)
	f.Add("a <b")
	f.Fuzz(func(t *testing.T, page string) {
		once := NormalizeHTML(page)
		if twice := NormalizeHTML(once); twice != once {
			t.Errorf("not idempotent: %q -> %q -> %q", page, once, twice)
		}
	})
}
