package verify

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Tests are the test types in the order Run checks them.
var Tests = []string{"json", "plaintext", "db", "queries", "updates", "fortunes"}

// A Checker verifies the server at Base ("http://127.0.0.1:8080").
type Checker struct {
	// Base is the server's URL without a trailing slash.
	Base string
	// Client sends the requests; nil uses a client with a 10s timeout.
	Client *http.Client
	// World reads the world table as id -> randomNumber. When set, the
	// updates check verifies that the rows were written; when nil that
	// part is skipped with a Warn.
	World func(ctx context.Context) (map[int]int, error)
	// DateWait is how long DateAdvances waits between its two requests
	// (TechEmpower waits 3s; 0 means 1.1s, enough for the second to turn).
	DateWait time.Duration
}

var defaultClient = &http.Client{
	Timeout:   10 * time.Second,
	Transport: &http.Transport{DisableCompression: true},
}

func (c *Checker) client() *http.Client {
	if c.Client != nil {
		return c.Client
	}
	return defaultClient
}

// Run checks the named test types (Tests when tests is empty), then that
// the Date header is not cached, and returns every problem found.
func (c *Checker) Run(ctx context.Context, tests ...string) []Problem {
	if len(tests) == 0 {
		tests = Tests
	}
	var out []Problem
	for _, t := range tests {
		check, ok := c.checks()[t]
		if !ok {
			out = append(out, Problem{t, "", Fail, fmt.Sprintf("unknown test type %q", t)})
			continue
		}
		out = append(out, check(ctx)...)
	}
	return append(out, c.DateAdvances(ctx, tests[0])...)
}

func (c *Checker) checks() map[string]func(context.Context) []Problem {
	return map[string]func(context.Context) []Problem{
		"json": c.JSON, "plaintext": c.Plaintext, "db": c.DB,
		"queries": c.Queries, "updates": c.Updates, "fortunes": c.Fortunes,
	}
}

// paths are the URL paths of the test types.
var paths = map[string]string{
	"json": "/json", "plaintext": "/plaintext", "db": "/db",
	"queries": "/queries?queries=", "updates": "/updates?queries=", "fortunes": "/fortunes",
}

// DateAdvances fetches the test type's URL twice, DateWait apart, and
// fails when both answers carry the same Date (a cached date).
func (c *Checker) DateAdvances(ctx context.Context, test string) []Problem {
	ps := &problems{test: test, url: c.Base + paths[test]}
	if strings.HasSuffix(ps.url, "=") {
		ps.url += "2"
	}
	first := c.get(ctx, ps, ps.url)
	wait := c.DateWait
	if wait == 0 {
		wait = 1100 * time.Millisecond
	}
	select {
	case <-time.After(wait):
	case <-ctx.Done():
		ps.fail("%v", ctx.Err())
		return ps.list
	}
	second := c.get(ctx, ps, ps.url)
	if first != nil && second != nil && first.header.Get("Date") == second.header.Get("Date") {
		ps.fail("cached Date: %q on requests %v apart", first.header.Get("Date"), wait)
	}
	return ps.list
}
