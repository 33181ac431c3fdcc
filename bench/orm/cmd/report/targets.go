package main

import "fmt"

// maxRatio is the target: flagon within 1.15x of raw database/sql.
const maxRatio = 1.15

// A verdict is flagon's standing on one operation of one database.
type verdict struct {
	k             key
	ratio         float64
	vsGorm, vsBun float64 // flagon ns/op over theirs; < 1 is ahead
	raw, ahead    bool    // within maxRatio; ahead of GORM and Bun
}

// ok reports whether every target is met.
func (v verdict) ok() bool { return v.raw && v.ahead }

// verdicts judges flagon on every measured operation.
func (s summary) verdicts() []verdict {
	var out []verdict
	for _, db := range s.dbs {
		for _, op := range s.ops {
			k := key{db, op, "flagon"}
			f, ok := s.stats[k]
			if !ok {
				continue
			}
			v := verdict{k: k, vsGorm: s.versus(f, db, op, "gorm"), vsBun: s.versus(f, db, op, "bun")}
			v.ratio, _ = s.ratio(k)
			v.raw = v.ratio > 0 && v.ratio <= maxRatio
			v.ahead = v.vsGorm < 1 && v.vsBun < 1
			out = append(out, v)
		}
	}
	return out
}

// versus returns flagon's best ns/op over impl's, or 0 when impl did not
// run.
func (s summary) versus(f stat, db, op, impl string) float64 {
	o, ok := s.stats[key{db, op, impl}]
	if !ok || o.minNS == 0 {
		return 0
	}
	return f.minNS / o.minNS
}

// describe says in words what v missed.
func (v verdict) describe() string {
	switch {
	case v.ok():
		return "met"
	case !v.raw && !v.ahead:
		return fmt.Sprintf("missed: %.2fx raw and behind GORM or Bun", v.ratio)
	case !v.raw:
		return fmt.Sprintf("missed: %.2fx raw", v.ratio)
	}
	return "missed: behind GORM or Bun"
}
