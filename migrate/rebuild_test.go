package migrate_test

import (
	"context"
	"slices"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// parentChildRevisions create parent and child (ON DELETE CASCADE), then
// change parent in ways SQLite can only do by rebuilding the table.
func parentChildRevisions() []*migrate.Revision {
	return []*migrate.Revision{
		{ID: "p1", Message: "tables", Upgrade: func(op *migrate.Op) error {
			op.CreateTable(migrate.Table{Name: "parent", Columns: []migrate.Column{
				{Name: "id", Type: migrate.Integer(), Autoincrement: true},
				{Name: "name", Type: migrate.String(50)},
				{Name: "extra", Type: migrate.Integer(), Nullable: true},
			}, PrimaryKey: []string{"id"}})
			op.CreateTable(migrate.Table{Name: "child", Columns: []migrate.Column{
				{Name: "id", Type: migrate.Integer(), Autoincrement: true},
				{Name: "parent_id", Type: migrate.Integer()},
			}, PrimaryKey: []string{"id"}, ForeignKeys: []migrate.ForeignKey{
				{Name: "fk_child_parent", Columns: []string{"parent_id"}, RefTable: "parent", RefColumns: []string{"id"}, OnDelete: "CASCADE"},
			}})
			return nil
		}},
		{ID: "p2", Down: []string{"p1"}, Message: "rebuild parent", Upgrade: func(op *migrate.Op) error {
			op.AlterColumn(migrate.AlterColumn{Table: "parent", Name: "name", Nullable: migrate.Ptr(true), Type: migrate.Ptr(migrate.String(80)),
				Existing: migrate.Column{Name: "name", Type: migrate.String(50)}})
			op.DropColumn("parent", "extra")
			op.CreateCheckConstraint("parent", migrate.Check{Name: "ck_parent_id", Expr: "name <> ''"})
			return nil
		}, Downgrade: func(op *migrate.Op) error {
			op.DropConstraint("parent", "ck_parent_id", migrate.ConstraintCheck)
			op.AddColumn("parent", migrate.Column{Name: "extra", Type: migrate.Integer(), Nullable: true})
			op.AlterColumn(migrate.AlterColumn{Table: "parent", Name: "name", Nullable: migrate.Ptr(false), Type: migrate.Ptr(migrate.String(50)),
				Existing: migrate.Column{Name: "name", Type: migrate.String(80), Nullable: true}})
			return nil
		}},
	}
}

func TestParentRebuildKeepsCascadeChildren(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		sdb := open(t, db)
		m, _ := migrator(t, sdb, db.Name, parentChildRevisions())
		if err := m.Upgrade(ctx, "p1"); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{
			"INSERT INTO parent (name) VALUES ('a'), ('b'), ('c')",
			"INSERT INTO child (parent_id) VALUES (1), (1), (2), (3), (3)",
		} {
			if _, err := sdb.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
		for _, target := range []string{"head", "-1", "head"} {
			run := m.Upgrade
			if target == "-1" {
				run = m.Downgrade
			}
			if err := run(ctx, target); err != nil {
				t.Fatalf("%s: %v", target, err)
			}
			if got := queryInts(t, sdb, "SELECT parent_id FROM child ORDER BY id"); !slices.Equal(got, []int64{1, 1, 2, 3, 3}) {
				t.Fatalf("after %s: child parent ids = %v, want all 5 rows kept", target, got)
			}
			if got := queryInts(t, sdb, "SELECT id FROM parent ORDER BY id"); !slices.Equal(got, []int64{1, 2, 3}) {
				t.Fatalf("after %s: parent ids = %v", target, got)
			}
		}
		if db.Name == migrate.SQLite {
			// Foreign keys are enforced again on the pool's connections.
			if _, err := sdb.Exec("INSERT INTO child (parent_id) VALUES (99)"); err == nil {
				t.Error("foreign keys are no longer enforced after the migration")
			}
		}
	})
}
