package orm_test

import (
	"context"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Counter has no column but its generated key: its insert names no column.
type Counter struct {
	ID int64
}

// TestInsertWithOnlyGeneratedColumns: a row whose every column is
// generated is inserted as SQLAlchemy compiles an INSERT without
// parameters, "INSERT INTO t DEFAULT VALUES" on PostgreSQL and SQLite
// ("() VALUES ()" on MySQL), on every insert path, and the keys are
// written back.
func TestInsertWithOnlyGeneratedColumns(t *testing.T) {
	paths := []struct {
		name   string
		insert func(ctx context.Context, e *orm.DB, objs []*Counter) error
	}{
		{"Insert", func(ctx context.Context, e *orm.DB, objs []*Counter) error {
			for _, o := range objs {
				if err := orm.Insert(ctx, e, o); err != nil {
					return err
				}
			}
			return nil
		}},
		{"InsertMany", func(ctx context.Context, e *orm.DB, objs []*Counter) error {
			return orm.InsertMany(ctx, e, objs)
		}},
		{"session", func(ctx context.Context, e *orm.DB, objs []*Counter) error {
			s := e.Session()
			for _, o := range objs {
				if err := s.Add(o); err != nil {
					return err
				}
			}
			return s.Commit(ctx)
		}},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		md.Register(Counter{})
		if err := md.CreateAll(ctx, e); err != nil {
			t.Fatal(err)
		}
		seen := map[int64]bool{}
		for _, p := range paths {
			t.Run(p.name, func(t *testing.T) {
				objs := []*Counter{{}, {}, {}}
				if err := p.insert(ctx, e, objs); err != nil {
					t.Fatal(err)
				}
				for i, o := range objs {
					if o.ID == 0 || seen[o.ID] {
						t.Fatalf("object %d got key %d (seen before: %v)", i, o.ID, seen[o.ID])
					}
					seen[o.ID] = true
				}
			})
		}
		n, err := orm.Select[Counter](e).Count(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != int64(len(seen)) {
			t.Errorf("table holds %d rows, want %d", n, len(seen))
		}
	})
}
