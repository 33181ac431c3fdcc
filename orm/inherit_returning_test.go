package orm_test

import (
	"context"
	"errors"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// TestSingleInheritanceBulkReturning: a bulk UPDATE or DELETE of a
// single-table subtype returns, and synchronizes in the session, only the
// subtype's rows, also where RETURNING is emulated (MySQL's UPDATE), whose
// locking pre-select must carry the discriminator filter too.
func TestSingleInheritanceBulkReturning(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		_, s := singleDB(t, db)
		held, err := orm.Select[SManager](s).All(ctx)
		must(t, err)
		heldEngineers, err := orm.Select[SEngineer](s).All(ctx)
		must(t, err)
		updated, err := orm.Update[SManager](s).Set("Name", "boss").All(ctx)
		must(t, err)
		if len(updated) != 1 || updated[0].Name != "boss" || updated[0].ManagerData == "" {
			t.Fatalf("update returned %d managers (%+v), want Tom renamed boss", len(updated), updated)
		}
		if len(held) != 1 || held[0].Name != "boss" {
			t.Errorf("the manager the session held was not synchronized: %+v", held)
		}
		staff, err := orm.Select[SEmployee](s).OrderBy("employee_id").All(ctx)
		must(t, err)
		names := ""
		for _, e := range staff {
			names += e.Name + " "
		}
		if names != "boss Kurt Ed Joe " {
			t.Errorf("after the update the session reads %q", names)
		}
		deleted, err := orm.Delete[SEngineer](s).All(ctx)
		must(t, err)
		if len(deleted) != 2 {
			t.Fatalf("delete returned %d engineers, want Kurt and Ed", len(deleted))
		}
		for _, e := range heldEngineers {
			if s.Contains(e) {
				t.Errorf("engineer %s is still in the session after the bulk delete", e.Name)
			}
			if _, err := orm.Get[SEngineer](ctx, s, e.EmployeeID); !errors.Is(err, orm.ErrNoRows) {
				t.Errorf("Get of deleted engineer %s: %v, want ErrNoRows", e.Name, err)
			}
		}
		must(t, s.Commit(ctx))
		left, err := orm.Select[SEmployee](s).Count(ctx)
		must(t, err)
		if left != 2 {
			t.Errorf("%d rows left, want boss and Joe", left)
		}
	})
}
