package jinja

import (
	"regexp"
	"sort"
	"strings"
)

// This file is Jinja's urlize (jinja2.utils.urlize and the filter
// do_urlize), with its policies urlize.rel, urlize.target and
// urlize.extra_schemes.

const urlWordChar = `[\p{L}\p{N}_]`

var (
	urlSplitRe = regexp.MustCompile(`[\s\v\p{Z}\x{1c}-\x{1f}\x{85}]+`)
	urlHeadRe  = regexp.MustCompile(`^([(<]|&lt;)+`)
	urlTailRe  = regexp.MustCompile(`([)>.,\n]|&gt;)+$`)
	httpRe     = regexp.MustCompile(`(?i)^(` +
		`(https?://|www\.)((` + `[\p{L}\p{N}_%-]+\.)+)?([a-z]{2,63}|xn--[\p{L}\p{N}_%]{2,59})` +
		`|([\p{L}\p{N}_%-]{2,63}\.)+(com|net|int|edu|gov|org|info|mil)` +
		`|(https?://)((([\d]{1,3})(\.[\d]{1,3}){3})|(\[([\da-f]{0,4}:){2}([\da-f]{0,4}:?){1,6}\]))` +
		`)(:[\d]{1,5})?([/?#]\S*)?$`)
	emailRe     = regexp.MustCompile(`^\S+@` + urlWordChar + `[\p{L}\p{N}_.-]*\.` + urlWordChar + `+$`)
	uriSchemeRe = regexp.MustCompile(`^([\p{L}\p{N}_.+-]{2,}:(/){0,2})$`)
)

// policy is the environment's policy key, or def when it is not set.
func (e *Environment) policy(key string, def any) any {
	if v, ok := e.Policies[key]; ok {
		return v
	}
	return def
}

func fUrlize(st *state, v any, args []any, kw *Dict) (any, error) {
	a, err := bind("urlize", args, kw, []string{"trim_url_limit", "nofollow", "target", "rel", "extra_schemes"}, nil, false, nil, nil, nil)
	if err != nil {
		return nil, err
	}
	relParts := map[string]bool{}
	addRel := func(x any) {
		if x == nil {
			return
		}
		if _, u := x.(Undefined); u {
			return
		}
		for _, p := range strings.Fields(toStr(normalize(x))) {
			relParts[p] = true
		}
	}
	addRel(a[3])
	if truthy(a[1]) {
		relParts["nofollow"] = true
	}
	addRel(st.env.policy("urlize.rel", "noopener"))
	rels := make([]string, 0, len(relParts))
	for p := range relParts {
		rels = append(rels, p)
	}
	sort.Strings(rels)
	target := a[2]
	if target == nil {
		target = st.env.policy("urlize.target", nil)
	}
	schemesV := a[4]
	if schemesV == nil {
		schemesV = st.env.policy("urlize.extra_schemes", nil)
	}
	var schemes []string
	if schemesV != nil {
		items, err := iterate(schemesV)
		if err != nil {
			return nil, err
		}
		for _, x := range items {
			sc := toStr(normalize(x))
			if !uriSchemeRe.MatchString(sc) {
				return nil, newErr("FilterArgumentError", "%s is not a valid URI scheme prefix.", reprString(sc))
			}
			schemes = append(schemes, sc)
		}
	}
	limit := -1
	if a[0] != nil {
		n, ok := normalize(a[0]).(int)
		if !ok {
			return nil, typeErr("trim_url_limit must be an integer")
		}
		limit = n
	}
	opts := urlizeOpts{limit: limit, schemes: schemes}
	if len(rels) > 0 {
		opts.rel = ` rel="` + escapeString(strings.Join(rels, " ")) + `"`
	}
	if target != nil && truthy(target) {
		opts.target = ` target="` + escapeString(toStr(normalize(target))) + `"`
	}
	out := urlize(string(Escape(v)), opts)
	if st.autoescape {
		return Markup(out), nil
	}
	return out, nil
}

type urlizeOpts struct {
	limit       int
	rel, target string
	schemes     []string
}

// urlize is jinja2.utils.urlize of text already escaped (MarkupSafe's
// escape, which leaves Markup alone).
func urlize(text string, o urlizeOpts) string {
	trim := func(x string) string {
		if o.limit >= 0 && len([]rune(x)) > o.limit {
			return string([]rune(x)[:o.limit]) + "..."
		}
		return x
	}
	var b strings.Builder
	last := 0
	for _, loc := range append(urlSplitRe.FindAllStringIndex(text, -1), []int{len(text), len(text)}) {
		b.WriteString(urlizeWord(text[last:loc[0]], o, trim))
		b.WriteString(text[loc[0]:loc[1]])
		last = loc[1]
	}
	return b.String()
}

func urlizeWord(word string, o urlizeOpts, trim func(string) string) string {
	head, middle, tail := "", word, ""
	if m := urlHeadRe.FindString(middle); m != "" {
		head, middle = m, middle[len(m):]
	}
	if loc := urlTailRe.FindStringIndex(middle); loc != nil {
		middle, tail = middle[:loc[0]], middle[loc[0]:]
	}
	for _, pair := range [][2]string{{"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}} {
		start := strings.Count(middle, pair[0])
		if start <= strings.Count(middle, pair[1]) {
			continue
		}
		for range min(start, strings.Count(tail, pair[1])) {
			end := strings.Index(tail, pair[1]) + len(pair[1])
			middle += tail[:end]
			tail = tail[end:]
		}
	}
	switch {
	case httpRe.MatchString(middle):
		href := middle
		if !strings.HasPrefix(middle, "https://") && !strings.HasPrefix(middle, "http://") {
			href = "https://" + middle
		}
		middle = `<a href="` + href + `"` + o.rel + o.target + `>` + trim(middle) + `</a>`
	case strings.HasPrefix(middle, "mailto:") && emailRe.MatchString(middle[7:]):
		middle = `<a href="` + middle + `">` + middle[7:] + `</a>`
	case strings.Contains(middle, "@") && !strings.HasPrefix(middle, "www.") && !strings.Contains(middle, ":") && emailRe.MatchString(middle):
		middle = `<a href="mailto:` + middle + `">` + middle + `</a>`
	default:
		for _, sc := range o.schemes {
			if middle != sc && strings.HasPrefix(middle, sc) {
				middle = `<a href="` + middle + `"` + o.rel + o.target + `>` + middle + `</a>`
			}
		}
	}
	return head + middle + tail
}
