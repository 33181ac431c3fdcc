package orm_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Audited records its hooks.
type Audited struct {
	ID    int
	Title string `orm:"size:50"`
	log   []string
}

func (a *Audited) BeforeInsert(context.Context) error {
	if a.Title == "forbidden" {
		return errors.New("title forbidden")
	}
	a.Title = strings.TrimSpace(a.Title)
	a.log = append(a.log, "before insert")
	return nil
}
func (a *Audited) AfterInsert(context.Context) error {
	a.log = append(a.log, "after insert")
	return nil
}
func (a *Audited) BeforeUpdate(context.Context) error {
	a.log = append(a.log, "before update")
	return nil
}
func (a *Audited) AfterUpdate(context.Context) error {
	a.log = append(a.log, "after update")
	return nil
}
func (a *Audited) BeforeDelete(context.Context) error {
	a.log = append(a.log, "before delete")
	return nil
}
func (a *Audited) AfterDelete(context.Context) error {
	a.log = append(a.log, "after delete")
	return nil
}
func (a *Audited) AfterLoad(context.Context) error { a.log = append(a.log, "loaded"); return nil }

func TestHooks(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		if err := md.Register(Audited{}); err != nil {
			t.Fatal(err)
		}
		if err := md.CreateAll(ctx, e); err != nil {
			t.Fatal(err)
		}
		a := &Audited{Title: "  hello "}
		if err := orm.Insert(ctx, e, a); err != nil {
			t.Fatal(err)
		}
		if err := orm.Save(ctx, e, a); err != nil {
			t.Fatal(err)
		}
		if err := orm.DeleteObject(ctx, e, a); err != nil {
			t.Fatal(err)
		}
		want := "before insert,after insert,before update,after update,before delete,after delete"
		if got := strings.Join(a.log, ","); got != want {
			t.Errorf("hooks = %s, want %s", got, want)
		}
		if err := orm.Insert(ctx, e, &Audited{Title: "forbidden"}); err == nil || err.Error() != "title forbidden" {
			t.Errorf("BeforeInsert error = %v, want it to abort the insert", err)
		}
		b := &Audited{Title: "x"}
		_ = orm.Insert(ctx, e, b)
		got, err := orm.Get[Audited](ctx, e, b.ID)
		if err != nil || strings.Join(got.log, ",") != "loaded" {
			t.Errorf("AfterLoad: %v, %v", got, err)
		}
	})
}

func TestStatementEvents(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := setup(t, db)
		var mu sync.Mutex
		var events []orm.StatementEvent
		remove := e.OnStatement(func(ev orm.StatementEvent) {
			mu.Lock()
			events = append(events, ev)
			mu.Unlock()
		})
		_, _ = orm.Select[Owner](e).FilterBy("Email", "who@x").All(ctx)
		_ = orm.Insert(ctx, e, &Owner{Email: "dup@x"})
		_ = orm.Insert(ctx, e, &Owner{Email: "dup@x"})
		remove()
		_, _ = orm.Select[Owner](e).All(ctx)
		if len(events) != 3 {
			t.Fatalf("got %d events, want 3 (none after remove)", len(events))
		}
		sel := events[0]
		if !strings.HasPrefix(sel.SQL, "SELECT") || len(sel.Args) != 1 || sel.Args[0] != "who@x" || sel.Err != nil {
			t.Errorf("select event = %+v", sel)
		}
		if !strings.Contains(sel.Caller, "hooks_test.go:") {
			t.Errorf("Caller = %q, want this test file", sel.Caller)
		}
		if sel.Duration <= 0 || sel.Start.IsZero() {
			t.Errorf("event timing not recorded: %+v", sel)
		}
		if !errors.Is(events[2].Err, orm.ErrUniqueViolation) {
			t.Errorf("failed insert event Err = %v, want unique violation", events[2].Err)
		}
		events = nil
		remove = e.OnStatement(func(ev orm.StatementEvent) { events = append(events, ev) })
		defer remove()
		_ = e.Transaction(ctx, func(tx *orm.Tx) error { return tx.Transaction(ctx, func(*orm.Tx) error { return nil }) })
		var stmts []string
		for _, ev := range events {
			stmts = append(stmts, ev.SQL)
		}
		if got := strings.Join(stmts, "; "); got != "BEGIN; SAVEPOINT sp_1; RELEASE SAVEPOINT sp_1; COMMIT" {
			t.Errorf("transaction events = %s", got)
		}
	})
}
