package routing

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func TestStaticPathIndex(t *testing.T) {
	var x staticIndex
	leaves := map[string]*node{}
	for i := range 1000 {
		path := fmt.Sprintf("/section-%d/page/%d", i%37, i)
		if i%3 == 0 {
			path += "/"
		}
		leaves[path] = &node{}
		x.set(path, leaves[path])
	}
	replaced := &node{}
	x.set("/section-0/page/0/", replaced)
	leaves["/section-0/page/0/"] = replaced
	tests := []struct {
		name string
		path string
		want *node
	}{
		{"stored", "/section-5/page/5", leaves["/section-5/page/5"]},
		{"stored with slash", "/section-3/page/3/", leaves["/section-3/page/3/"]},
		{"replaced", "/section-0/page/0/", replaced},
		{"without its slash", "/section-3/page/3", nil},
		{"prefix", "/section-5/page/", nil},
		{"longer", "/section-5/page/55", nil},
		{"empty", "", nil},
		{"one byte", "/", nil},
		{"differs in the middle", "/section-5/pagE/5", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := x.get(tt.path); got != tt.want {
				t.Fatalf("get(%q) = %p, want %p", tt.path, got, tt.want)
			}
		})
	}
	t.Run("every stored path", func(t *testing.T) {
		if x.n != len(leaves) {
			t.Fatalf("%d paths stored, want %d", x.n, len(leaves))
		}
		for path, leaf := range leaves {
			if got := x.get(path); got != leaf {
				t.Fatalf("get(%q) = %p, want %p", path, got, leaf)
			}
		}
	})
	t.Run("empty index", func(t *testing.T) {
		var empty staticIndex
		if got := empty.get("/"); got != nil {
			t.Fatalf("get on an empty index = %p", got)
		}
	})
}

// TestStaticFastPathAgreesWithTree matches many requests against many
// random rule sets twice, with the static index and with the tree alone,
// and requires the same rule, values and error (404, 405, automatic
// OPTIONS, strict-slashes, merged-slashes, defaults and alias redirects)
// both ways, by path alone, with host matching and with subdomains.
func TestStaticFastPathAgreesWithTree(t *testing.T) {
	fastHits := 0
	for seed := range uint64(300) {
		rng := rand.New(rand.NewPCG(seed, 16))
		mode := matchMode(seed % 3)
		m := randomMap(rng, mode)
		type probe struct{ method, host, path string }
		type result struct {
			rule   *Rule
			params string
			err    error
		}
		probes := make([]probe, 200)
		for i := range probes {
			host := pick(rng, probeHosts)
			if mode == bySubdomain {
				host = pick(rng, probeSubdomains)
			}
			probes[i] = probe{pick(rng, probeMethods), host, randomPath(rng, probeSegments)}
		}
		match := func(pr probe) result {
			var p Params
			var r *Rule
			var err error
			switch mode {
			case byHost:
				r, err = m.MatchHost(pr.method, pr.host, pr.path, &p)
			case bySubdomain:
				r, err = m.MatchSubdomain(pr.method, pr.host, pr.path, &p)
			default:
				r, err = m.Match(pr.method, pr.path, &p)
			}
			return result{r, paramString(&p), err}
		}
		fast := make([]result, len(probes))
		for i, pr := range probes {
			fast[i] = match(pr)
			if m.main.static.get(pr.path) != nil {
				fastHits++
			}
			for _, h := range m.hosts {
				if h.static.get(pr.path) != nil {
					fastHits++
				}
			}
		}
		m.main.static = staticIndex{}
		for _, h := range m.hosts {
			h.static = staticIndex{}
		}
		for i, pr := range probes {
			if got := match(pr); !reflect.DeepEqual(got, fast[i]) {
				t.Fatalf("seed %d, %s %s%s:\n with the static index: %s %q %v\n tree alone:            %s %q %v\nrules:\n%s",
					seed, pr.method, pr.host, pr.path, describeRule(fast[i].rule), fast[i].params, fast[i].err,
					describeRule(got.rule), got.params, got.err, ruleList(m))
			}
		}
	}
	if fastHits < 1000 {
		t.Fatalf("only %d requests had a static rule's path: the test exercises too little of the fast path", fastHits)
	}
}

var (
	ruleSegments    = []string{"a", "b", "users", "plain.txt", "<v>", "<int:n>", "<any(a,b):k>", "v<int:ver>", "<path:p>"}
	probeSegments   = []string{"a", "b", "users", "plain.txt", "1", "42", "zz", "v2", ""}
	probeMethods    = []string{"GET", "GET", "HEAD", "POST", "OPTIONS", "PUT"}
	probeHosts      = []string{"a.test", "x.a.test", "b.test", "c.test"}
	ruleHosts       = []string{"a.test", "<sub>.a.test", "b.test"}
	probeSubdomains = []string{"", "", "api", "x"}
	ruleSubdomains  = []string{"", "", "api", "<sub>"}
	ruleMethods     = [][]string{nil, nil, {"GET"}, {"POST"}, {"GET", "POST"}, {"HEAD"}, {"OPTIONS"}, {"PUT", "OPTIONS"}}
)

func pick[T any](rng *rand.Rand, from []T) T { return from[rng.IntN(len(from))] }

// A matchMode says how a map matches requests.
type matchMode int

const (
	byPath      matchMode = iota // Match
	byHost                       // HostMatching and MatchHost
	bySubdomain                  // MatchSubdomain
)

// randomMap returns a map of random rules: static and variable segments,
// trailing slashes, methods, lax slashes, unmerged slashes, and endpoints
// shared between rules, some with defaults or as aliases.
func randomMap(rng *rand.Rand, mode matchMode) *Map {
	m := NewMap()
	m.HostMatching = mode == byHost
	for range 4 + rng.IntN(20) {
		r := &Rule{
			Pattern:        randomRule(rng),
			Endpoint:       fmt.Sprintf("e%d", rng.IntN(6)),
			Methods:        pick(rng, ruleMethods),
			StrictSlashes:  rng.IntN(4) != 0,
			NoMergeSlashes: rng.IntN(6) == 0,
			Alias:          rng.IntN(8) == 0,
		}
		if !strings.Contains(r.Pattern, "<") && rng.IntN(3) == 0 {
			r.Defaults = map[string]any{"n": 1 + rng.IntN(2)}
		}
		switch mode {
		case byHost:
			r.Host = pick(rng, ruleHosts)
		case bySubdomain:
			r.Subdomain = pick(rng, ruleSubdomains)
		}
		_ = m.Add(r) // conflicting and invalid rules are left out
	}
	return m
}

// randomRule returns a pattern of up to three segments, half of them
// static, with variables named apart.
func randomRule(rng *rand.Rand) string {
	var b strings.Builder
	n := rng.IntN(4)
	for i := range n {
		seg := ruleSegments[rng.IntN(4)]
		if rng.IntN(3) == 0 {
			seg = pick(rng, ruleSegments[4:])
		}
		if strings.HasPrefix(seg, "<path:") && i < n-1 {
			seg = "<p>"
		}
		b.WriteString("/" + strings.NewReplacer(":v>", fmt.Sprintf(":v%d>", i), "<v>", fmt.Sprintf("<v%d>", i),
			":n>", fmt.Sprintf(":n%d>", i), ":k>", fmt.Sprintf(":k%d>", i), "<p>", fmt.Sprintf("<p%d>", i)).Replace(seg))
	}
	if n == 0 || rng.IntN(3) == 0 {
		b.WriteString("/")
	}
	return b.String()
}

// randomPath returns a request path of up to four segments, sometimes
// with a trailing or a repeated slash.
func randomPath(rng *rand.Rand, segs []string) string {
	var b strings.Builder
	for range rng.IntN(5) {
		b.WriteString("/")
		if rng.IntN(10) == 0 {
			b.WriteString("/")
		}
		b.WriteString(pick(rng, segs))
	}
	if b.Len() == 0 || rng.IntN(3) == 0 {
		b.WriteString("/")
	}
	return b.String()
}

func ruleList(m *Map) string {
	var b strings.Builder
	for _, r := range m.Rules() {
		b.WriteString("  " + describeRule(r) + "\n")
	}
	return b.String()
}

func describeRule(r *Rule) string {
	if r == nil {
		return "<no rule>"
	}
	return fmt.Sprintf("%s %v host=%q subdomain=%q endpoint=%s strict=%v defaults=%v alias=%v",
		r.Pattern, r.Methods, r.Host, r.Subdomain, r.Endpoint, r.StrictSlashes, r.Defaults, r.Alias)
}
