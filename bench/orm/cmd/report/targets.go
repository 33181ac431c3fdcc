package main

import "fmt"

// maxRatio is the target: flagon within 1.15x of raw database/sql.
const maxRatio = 1.15

// A verdict is flagon's standing on one operation of one database.
type verdict struct {
	k             key
	ratio         float64 // flagon over database_sql
	bestRatio     float64 // the same from BenchmarkORM's best runs
	vsGorm, vsBun float64 // flagon ns/op over theirs; < 1 is ahead
	pairedRuns    int     // the paired runs the ratios come from; 0: best-of
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
			v.bestRatio, _ = s.ratio(k)
			v.ratio = v.bestRatio
			s.judgePaired(&v)
			v.raw = v.ratio > 0 && v.ratio <= maxRatio
			v.ahead = v.vsGorm < 1 && v.vsBun < 1
			out = append(out, v)
		}
	}
	return out
}

// judgePaired replaces v's ratios by the medians of the paired runs when
// there are any: the implementations took turns in one loop there, so the
// machine's slow moments do not fall on one of them only.
func (s summary) judgePaired(v *verdict) {
	db, op := v.k.db, v.k.op
	r, n := s.pairedRatio(db, op, "flagon", baseline)
	if n == 0 {
		return
	}
	v.ratio, v.pairedRuns = r, n
	if g, n := s.pairedRatio(db, op, "flagon", "gorm"); n > 0 {
		v.vsGorm = g
	}
	if b, n := s.pairedRatio(db, op, "flagon", "bun"); n > 0 {
		v.vsBun = b
	}
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
