package verify

import (
	"context"
)

// Updates checks /updates?queries=N for each case like Queries, then
// (when World is set) that a 500-row update changed the table and that
// every row it answered holds the number it answered.
func (c *Checker) Updates(ctx context.Context) []Problem {
	var out []Problem
	for _, qc := range queryCases {
		ps := &problems{test: "updates", url: c.Base + "/updates?queries=" + qc.param}
		c.worldList(ctx, ps, qc.want)
		out = append(out, ps.list...)
	}
	return append(out, c.persisted(ctx)...)
}

// persisted runs one 500-row update between two reads of the table.
func (c *Checker) persisted(ctx context.Context) []Problem {
	ps := &problems{test: "updates", url: c.Base + "/updates?queries=500"}
	if c.World == nil {
		ps.warn("no World reader: not checking that the rows were written")
		return ps.list
	}
	before, err := c.World(ctx)
	if err != nil {
		ps.fail("reading the world table: %v", err)
		return ps.list
	}
	rows := c.worldList(ctx, ps, 500)
	after, err := c.World(ctx)
	if err != nil {
		ps.fail("reading the world table: %v", err)
		return ps.list
	}
	compareWorld(ps, before, after, rows)
	return ps.list
}

// compareWorld fails when fewer than 90% of the answered rows changed (as
// TechEmpower) or an answered row, updated once, holds another number.
func compareWorld(ps *problems, before, after map[int]int, rows [][2]int) {
	seen := map[int]int{}
	for _, r := range rows {
		seen[r[0]]++
	}
	changed, mismatched := 0, 0
	for _, r := range rows {
		if seen[r[0]] != 1 {
			continue
		}
		if after[r[0]] != before[r[0]] {
			changed++
		}
		if after[r[0]] != r[1] {
			mismatched++
		}
	}
	if changed == 0 {
		ps.fail("no items were updated in the database")
	} else if float64(changed) <= 0.9*float64(len(seen)) {
		ps.fail("only %d of %d items were updated in the database", changed, len(seen))
	}
	if mismatched > 0 {
		ps.fail("%d answered rows differ from the database after the update", mismatched)
	}
}
