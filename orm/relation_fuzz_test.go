package orm

import "testing"

func FuzzRelationTag(f *testing.F) {
	for _, s := range []string{"cascade:all,delete-orphan", "lazy:selectin;order_by:-id", "secondary:x;backref:Y", "post_update", ";;", "cascade:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tag string) {
		r := &Relation{}
		if err := r.parseTag(tag); err == nil && r.Lazy > LazyRaise {
			t.Errorf("parseTag(%q) accepted an unknown strategy %d", tag, r.Lazy)
		}
	})
}
