package orm_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// PlanRow is the model of the cached-statement tests.
type PlanRow struct {
	ID   int64
	Name string `orm:"size:50"`
	Note *string
}

// lastSQL records the SQL of the statements run on db.
type lastSQL struct {
	mu  sync.Mutex
	sql []string
}

func (l *lastSQL) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.sql
	l.sql = nil
	return out
}

// TestCachedStatementsMatchRendered checks that the statements whose text
// is cached per model and dialect (Get, Save, plain inserts, the select
// list) are the ones the query builder renders, on first use and after.
func TestCachedStatementsMatchRendered(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, tdb dbtest.DB) {
		ctx := context.Background()
		db, err := orm.Open(tdb.URL)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		md := orm.NewMetaData()
		must(t, md.Register(PlanRow{}))
		must(t, md.CreateAll(ctx, db))
		rec := &lastSQL{}
		db.OnStatement(func(ev orm.StatementEvent) {
			rec.mu.Lock()
			rec.sql = append(rec.sql, ev.SQL)
			rec.mu.Unlock()
		})
		first := &PlanRow{Name: "a"}
		tests := []struct {
			name string
			run  func() error
			want func() (string, []any, error)
		}{
			{"insert one",
				func() error { return orm.Insert(ctx, db, &PlanRow{Name: "x"}) },
				orm.InsertInto[PlanRow](db).Values(&PlanRow{Name: "x"}).SQL},
			{"insert three",
				func() error { return orm.InsertMany(ctx, db, []*PlanRow{{Name: "x"}, {Name: "y"}, {Name: "z"}}) },
				orm.InsertInto[PlanRow](db).Values(&PlanRow{Name: "x"}, &PlanRow{Name: "y"}, &PlanRow{Name: "z"}).SQL},
			{"get",
				func() error { _, err := orm.Get[PlanRow](ctx, db, first.ID); return err },
				orm.Select[PlanRow](db).Where(orm.C("id").Eq(first.ID)).Limit(2).SQL},
			{"save",
				func() error { return orm.Save(ctx, db, first) },
				orm.Update[PlanRow](db).Set("Name", "a").Set("Note", nil).Where(orm.C("id").Eq(first.ID)).SQL},
			{"select",
				func() error { _, err := orm.Select[PlanRow](db).Limit(5).All(ctx); return err },
				orm.Select[PlanRow](db).Limit(5).SQL},
		}
		must(t, orm.Insert(ctx, db, first))
		rec.take()
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				want, _, err := tt.want()
				if err != nil {
					t.Fatal(err)
				}
				for round := range 2 {
					if err := tt.run(); err != nil {
						t.Fatal(err)
					}
					got := rec.take()
					if len(got) == 0 || got[0] != want {
						t.Errorf("round %d ran %q, want %q", round, got, want)
					}
				}
			})
		}
	})
}

// TestGetFallbacks checks Get with key values whose SQL is not cached.
func TestGetFallbacks(t *testing.T) {
	ctx := context.Background()
	db, err := orm.Open("sqlite://")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	md := orm.NewMetaData()
	must(t, md.Register(PlanRow{}))
	must(t, md.CreateAll(ctx, db))
	row := &PlanRow{Name: "a"}
	must(t, orm.Insert(ctx, db, row))
	tests := []struct {
		name    string
		key     any
		wantErr error
	}{
		{"plain value", row.ID, nil},
		{"SQL expression", orm.SQL("? + 0", row.ID), nil},
		{"NULL", nil, orm.ErrNoRows},
		{"missing", row.ID + 100, orm.ErrNoRows},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := orm.Get[PlanRow](ctx, db, tt.key)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil || got.ID != row.ID || got.Name != "a" {
				t.Fatalf("Get = %+v, %v", got, err)
			}
		})
	}
}
