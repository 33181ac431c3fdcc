package orm_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestMergeFieldsCopiesOnlyNamedFields is issue 14 item 6: merging a
// partial object with MergeFields leaves the other columns alone, while
// plain Merge copies every field (zero values included), as documented.
func TestMergeFieldsCopiesOnlyNamedFields(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx, e, s := seededSession(t, db)
		log := record(t, e)
		ann, err := orm.Select[User](s).FilterBy("Name", "ann").One(ctx)
		must(t, err)
		merged, err := orm.MergeFields(ctx, s, &User{ID: ann.ID, Active: false}, "Active")
		must(t, err)
		if merged != ann || ann.Name != "ann" || ann.Active {
			t.Errorf("MergeFields: same object %v, name %q, active %v; want ann's pointer, ann, false", merged == ann, ann.Name, ann.Active)
		}
		log.reset()
		must(t, s.Commit(ctx))
		if ups := log.matching("UPDATE"); len(ups) != 1 || strings.Contains(ups[0], "name") {
			t.Errorf("UPDATEs = %v, want one writing only active", ups)
		}
		if row := userRow(t, e, ann.ID); row.Name != "ann" || row.Active {
			t.Errorf("row = %q active %v, want ann, false", row.Name, row.Active)
		}

		newbie := &User{ID: ann.ID + 100, Name: "zed", Active: true}
		created, err := orm.MergeFields(ctx, s, newbie, "Name")
		must(t, err)
		if created == newbie || created.ID != newbie.ID || created.Name != "zed" || !s.Contains(created) {
			t.Errorf("MergeFields of a new row: %+v, want a new pending copy with the key and the name", created)
		}
		s.Expunge(created)

		bad := []struct{ name, field string }{
			{"unknown field", "Nickname"},
			{"relationship", "Posts"},
		}
		if _, err := orm.Merge[User](ctx, s, nil); err == nil {
			t.Error("Merge of a nil *User: no error, want one")
		}
		if _, err := orm.MergeFields[User](ctx, s, nil, "Name"); err == nil {
			t.Error("MergeFields of a nil *User: no error, want one")
		}
		for _, c := range bad {
			_, err := orm.MergeFields(ctx, s, &User{ID: ann.ID}, c.field)
			if err == nil || !strings.Contains(err.Error(), c.field) {
				t.Errorf("%s: error %v, want one naming %q", c.name, err, c.field)
			}
		}

		plain, err := orm.Merge(ctx, s, &User{ID: ann.ID, Active: true})
		must(t, err)
		if plain != ann || ann.Name != "" {
			t.Errorf("plain Merge copies every field: name %q, want \"\"", ann.Name)
		}
	})
}
