package orm_test

import (
	"context"
	"slices"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Cases ported from SQLAlchemy's test/orm/test_events.py
// (SessionEventsTest, MapperEventsTest) onto flagon's session hooks and
// model hook interfaces.

// EvUser records its model hooks in canary.
type EvUser struct {
	ID     int64
	Name   string `orm:"size:30"`
	canary *[]string
}

func (u *EvUser) note(ev string) error {
	if u.canary != nil {
		*u.canary = append(*u.canary, ev)
	}
	return nil
}

// BeforeInsert records before_insert.
func (u *EvUser) BeforeInsert(context.Context) error { return u.note("before_insert") }

// AfterInsert records after_insert.
func (u *EvUser) AfterInsert(context.Context) error { return u.note("after_insert") }

// BeforeUpdate records before_update.
func (u *EvUser) BeforeUpdate(context.Context) error { return u.note("before_update") }

// AfterUpdate records after_update.
func (u *EvUser) AfterUpdate(context.Context) error { return u.note("after_update") }

// BeforeDelete records before_delete.
func (u *EvUser) BeforeDelete(context.Context) error { return u.note("before_delete") }

// AfterDelete records after_delete.
func (u *EvUser) AfterDelete(context.Context) error { return u.note("after_delete") }

// listenerFixture is the test module's _listener_fixture: a session
// whose hooks append their names to the returned canary.
func listenerFixture(e *orm.DB) (*orm.Session, *[]string) {
	s := orm.NewSession(e)
	canary := &[]string{}
	add := func(ev string) { *canary = append(*canary, ev) }
	s.OnBeforeFlush(func(context.Context, *orm.Session) error { add("before_flush"); return nil })
	s.OnAfterFlush(func(context.Context, *orm.Session) error { add("after_flush"); return nil })
	s.OnBeforeCommit(func(context.Context, *orm.Session, []orm.Change) error { add("before_commit"); return nil })
	s.OnAfterCommit(func(context.Context, *orm.Session, []orm.Change) { add("after_commit") })
	s.OnAfterRollback(func(context.Context, *orm.Session) { add("after_rollback") })
	return s, canary
}

func TestSAEventsPort(t *testing.T) {
	tests := []struct {
		name string
		run  func(t *testing.T, ctx context.Context, e *orm.DB)
	}{
		{"test_flush_in_commit_hook", func(t *testing.T, ctx context.Context, e *orm.DB) {
			s, canary := listenerFixture(e)
			defer s.Close(ctx)
			u := &EvUser{Name: "u1"}
			must(t, s.Add(u))
			must(t, s.Flush(ctx))
			*canary = nil
			u.Name = "ed"
			must(t, s.Commit(ctx))
			// SQLAlchemy: before_commit, before_flush, after_flush,
			// after_commit; flagon's before-commit hook follows the final
			// flush (docs/orm-session.md, Events).
			if want := []string{"before_flush", "after_flush", "before_commit", "after_commit"}; !slices.Equal(*canary, want) {
				t.Errorf("events = %v, want %v", *canary, want)
			}
		}},
		{"test_standalone_on_commit_hook", func(t *testing.T, ctx context.Context, e *orm.DB) {
			s, canary := listenerFixture(e)
			defer s.Close(ctx)
			must(t, s.Commit(ctx))
			if want := []string{"before_commit", "after_commit"}; !slices.Equal(*canary, want) {
				t.Errorf("events = %v, want %v", *canary, want)
			}
		}},
		{"test_rollback_hook", func(t *testing.T, ctx context.Context, e *orm.DB) {
			s, canary := listenerFixture(e)
			defer s.Close(ctx)
			must(t, s.Add(&EvUser{Name: "u1"}))
			must(t, s.Flush(ctx))
			must(t, s.Rollback(ctx))
			if want := []string{"before_flush", "after_flush", "after_rollback"}; !slices.Equal(*canary, want) {
				t.Errorf("events = %v, want %v", *canary, want)
			}
		}},
		{"test_before_flush_affects_dirty", func(t *testing.T, ctx context.Context, e *orm.DB) {
			s := orm.NewSession(e)
			defer s.Close(ctx)
			u := &EvUser{Name: "u1"}
			s.OnBeforeFlush(func(context.Context, *orm.Session) error {
				if u.ID != 0 { // in the identity map: persistent
					u.Name += " modified"
				}
				return nil
			})
			must(t, s.Add(u))
			must(t, s.Flush(ctx))
			must(t, s.Add(&EvUser{Name: "u2"}))
			must(t, s.Flush(ctx))
			s.ExpungeAll()
			got, err := orm.Select[EvUser](s).OrderBy("Name").All(ctx)
			must(t, err)
			if len(got) != 2 || got[0].Name != "u1 modified" || got[1].Name != "u2" {
				t.Errorf("users = %+v, want u1 modified and u2", got)
			}
		}},
		{"test_snapshot_still_present_after_rollback", func(t *testing.T, ctx context.Context, e *orm.DB) {
			s := orm.NewSession(e)
			defer s.Close(ctx)
			must(t, s.Add(&EvUser{Name: "u1"}))
			must(t, s.Commit(ctx))
			u1, err := orm.Select[EvUser](s).First(ctx)
			must(t, err)
			var seen string
			s.OnAfterRollback(func(context.Context, *orm.Session) { seen = u1.Name })
			u1.Name = "changed"
			must(t, s.Flush(ctx))
			must(t, s.Rollback(ctx))
			if seen != "u1" || u1.Name != "u1" {
				t.Errorf("name in after_rollback %q, after %q; want u1", seen, u1.Name)
			}
		}},
		{"test_basic[mapper events]", func(t *testing.T, ctx context.Context, e *orm.DB) {
			s := orm.NewSession(e)
			defer s.Close(ctx)
			canary := &[]string{}
			u := &EvUser{Name: "u1", canary: canary}
			must(t, s.Add(u))
			must(t, s.Flush(ctx))
			u.Name = "u2"
			must(t, s.Flush(ctx))
			must(t, s.Flush(ctx)) // nothing changed: no update events
			must(t, s.Delete(u))
			must(t, s.Flush(ctx))
			want := []string{"before_insert", "after_insert", "before_update", "after_update", "before_delete", "after_delete"}
			if !slices.Equal(*canary, want) {
				t.Errorf("events = %v, want %v", *canary, want)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
				ctx := context.Background()
				e := openDB(t, db)
				md := orm.NewMetaData()
				must(t, md.Register(EvUser{}))
				must(t, md.CreateAll(ctx, e))
				tt.run(t, ctx, e)
			})
		})
	}
}
