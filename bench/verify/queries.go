package verify

import (
	"context"
	"encoding/json"
)

// A queryCase is a queries parameter and the number of rows it must give.
type queryCase struct {
	param string
	want  int
}

// queryCases are TechEmpower's cases: in range, clamped up, non-numeric,
// clamped down and missing.
var queryCases = []queryCase{{"2", 2}, {"0", 1}, {"foo", 1}, {"501", 500}, {"", 1}, {"20", 20}}

// Queries checks /queries?queries=N for each case.
func (c *Checker) Queries(ctx context.Context) []Problem {
	var out []Problem
	for _, qc := range queryCases {
		ps := &problems{test: "queries", url: c.Base + "/queries?queries=" + qc.param}
		c.worldList(ctx, ps, qc.want)
		out = append(out, ps.list...)
	}
	return out
}

// worldList fetches ps.url and checks it is a list of want world objects;
// it returns the rows as (id, number) pairs.
func (c *Checker) worldList(ctx context.Context, ps *problems, want int) [][2]int {
	r := c.get(ctx, ps, ps.url)
	if r == nil {
		return nil
	}
	checkHeaders(ps, r.header, "json")
	var v any
	if err := json.Unmarshal(r.body, &v); err != nil {
		ps.fail("invalid JSON: %v", err)
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		ps.fail("top-level JSON is an object, want an array")
		return nil
	}
	if len(list) != want {
		ps.fail("JSON array length %d, want %d", len(list), want)
	}
	rows := make([][2]int, 0, len(list))
	for _, item := range list {
		if id, n, ok := checkWorld(ps, item); ok {
			rows = append(rows, [2]int{id, n})
		}
		if len(ps.list) >= 5 {
			break
		}
	}
	return rows
}
