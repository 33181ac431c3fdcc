package jinja

import (
	"math/rand/v2"
	"strings"
)

func fRandom(st *state, v any, _ []any, _ *Dict) (any, error) {
	items, err := iterate(v)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return Undefined{Name: "random", hint: "No random item, sequence was empty."}, nil
	}
	return items[rand.IntN(len(items))], nil
}

var lorem = strings.Fields(`lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod
tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation
ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure in reprehenderit voluptate
velit esse cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non proident sunt culpa
qui officia deserunt mollit anim id est laborum`)

// lipsum is Jinja's lipsum(n=5, html=True, min=20, max=100): n paragraphs
// of min to max random words, wrapped in <p> when html is true.
func lipsum(st *state, args []any, kw *Dict) (any, error) {
	a, err := bind("lipsum", args, kw, []string{"n", "html", "min", "max"}, 5, true, 20, 100)
	if err != nil {
		return nil, err
	}
	n, _ := normalize(a[0]).(int)
	lo, _ := normalize(a[2]).(int)
	hi, _ := normalize(a[3]).(int)
	if lo < 1 || hi < lo || n < 0 || n > 1000 || hi > 10000 {
		return nil, newErr("ValueError", "lipsum arguments out of range")
	}
	paras := make([]string, n)
	for i := range paras {
		words := make([]string, lo+rand.IntN(hi-lo+1))
		for j := range words {
			words[j] = lorem[rand.IntN(len(lorem))]
		}
		p := strings.Join(words, " ") + "."
		paras[i] = strings.ToUpper(p[:1]) + p[1:]
	}
	if truthy(a[1]) {
		for i, p := range paras {
			paras[i] = "<p>" + escapeString(p) + "</p>"
		}
		return Markup(strings.Join(paras, "\n")), nil
	}
	return strings.Join(paras, "\n\n"), nil
}
