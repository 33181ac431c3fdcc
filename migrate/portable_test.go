package migrate_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// revs chains revisions r0, r1, ... with the given upgrades and downgrades.
func revs(pairs ...[2][]migrate.Operation) []*migrate.Revision {
	var out []*migrate.Revision
	for i, p := range pairs {
		up, down := p[0], p[1]
		r := &migrate.Revision{ID: "r" + string(rune('0'+i)),
			Upgrade:   func(op *migrate.Op) error { op.Add(up...); return nil },
			Downgrade: func(op *migrate.Op) error { op.Add(down...); return nil }}
		if i > 0 {
			r.Down = []string{out[i-1].ID}
		}
		out = append(out, r)
	}
	return out
}

// TestAlterTextToInteger changes a string column holding numbers to an
// integer and back, keeping the values: PostgreSQL needs USING
// "code"::integer, and MySQL must drop the string's CHARSET.
func TestAlterTextToInteger(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		sdb := open(t, db)
		create := &migrate.CreateTable{Table: migrate.Table{Name: "coded", Columns: []migrate.Column{
			{Name: "id", Type: migrate.Integer(), Autoincrement: true},
			{Name: "code", Type: migrate.String(10)},
		}, PrimaryKey: []string{"id"}}}
		alter := &migrate.AlterColumn{Table: "coded", Name: "code", Type: migrate.Ptr(migrate.Integer()),
			Existing: migrate.Column{Name: "code", Type: migrate.String(10)}}
		back, err := alter.Reverse()
		if err != nil {
			t.Fatal(err)
		}
		m, _ := migrator(t, sdb, db.Name, revs(
			[2][]migrate.Operation{{create}, {&migrate.DropTable{Name: "coded"}}},
			[2][]migrate.Operation{{alter}, {back}}))
		ctx := context.Background()
		if err := m.Upgrade(ctx, "r0"); err != nil {
			t.Fatal(err)
		}
		if _, err := sdb.Exec("INSERT INTO coded (id, code) VALUES (1, '42')"); err != nil {
			t.Fatal(err)
		}
		for i, step := range []func() error{
			func() error { return m.Upgrade(ctx, "head") },
			func() error { return m.Downgrade(ctx, "r0") },
			func() error { return m.Upgrade(ctx, "head") },
		} {
			if err := step(); err != nil {
				t.Fatal(err)
			}
			// A new query text each time: PostgreSQL's cached plan knows the old type.
			if got := queryInts(t, sdb, fmt.Sprintf("SELECT code FROM coded -- %d", i)); len(got) != 1 || got[0] != 42 {
				t.Fatalf("code = %v, want [42]", got)
			}
		}
	})
}

// TestAlterColumnUsing runs AlterColumn's own USING expression on
// PostgreSQL (Alembic's postgresql_using); the other dialects ignore it.
func TestAlterColumnUsing(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		sdb := open(t, db)
		create := &migrate.CreateTable{Table: migrate.Table{Name: "priced", Columns: []migrate.Column{
			{Name: "id", Type: migrate.Integer(), Autoincrement: true},
			{Name: "price", Type: migrate.String(20)},
		}, PrimaryKey: []string{"id"}}}
		alter := &migrate.AlterColumn{Table: "priced", Name: "price", Type: migrate.Ptr(migrate.Integer()),
			Using: `trim("price")::integer`, Existing: migrate.Column{Name: "price", Type: migrate.String(20)}}
		m, _ := migrator(t, sdb, db.Name, revs([2][]migrate.Operation{{create, alter}, {&migrate.DropTable{Name: "priced"}}}))
		if err := m.Upgrade(context.Background(), "head"); err != nil {
			t.Fatal(err)
		}
		if _, err := sdb.Exec("INSERT INTO priced (id, price) VALUES (1, 7)"); err != nil {
			t.Fatal(err)
		}
	})
}

// TestCompileBeforeRun: an operation that cannot compile stops the
// revision before its first statement, so that MySQL, which commits each
// DDL statement, is not left half-migrated.
func TestCompileBeforeRun(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		sdb := open(t, db)
		create := &migrate.CreateTable{Table: migrate.Table{Name: "early", Columns: []migrate.Column{
			{Name: "id", Type: migrate.Integer(), Autoincrement: true},
		}, PrimaryKey: []string{"id"}}}
		bad := &migrate.AlterColumn{Table: "early", Name: "missing", Nullable: migrate.Ptr(true)}
		m, _ := migrator(t, sdb, db.Name, revs([2][]migrate.Operation{{create, bad}, nil}))
		err := m.Upgrade(context.Background(), "head")
		if err == nil || !strings.Contains(err.Error(), `column "missing" does not exist`) {
			t.Fatalf("Upgrade = %v, want the missing column", err)
		}
		if tableExists(sdb, "early") {
			t.Error("table early was created before the revision failed")
		}
	})
}

// TestRenameReferencedTable renames a table that another table's foreign
// key references and back, on every database, then uses the key.
func TestRenameReferencedTable(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		sdb := open(t, db)
		parent := &migrate.CreateTable{Table: migrate.Table{Name: "parent", Columns: []migrate.Column{
			{Name: "id", Type: migrate.BigInteger(), Autoincrement: true},
		}, PrimaryKey: []string{"id"}}}
		child := &migrate.CreateTable{Table: migrate.Table{Name: "child", Columns: []migrate.Column{
			{Name: "id", Type: migrate.BigInteger(), Autoincrement: true},
			{Name: "parent_id", Type: migrate.BigInteger()},
			{Name: "note", Type: migrate.String(10), Nullable: true},
		}, PrimaryKey: []string{"id"}, ForeignKeys: []migrate.ForeignKey{{Name: "fk_child_parent", Columns: []string{"parent_id"}, RefTable: "parent", RefColumns: []string{"id"}}}}}
		// After the rename, a change of child rebuilds it on SQLite: the
		// rebuilt key must name the parent by its new name.
		rename := []migrate.Operation{&migrate.RenameTable{From: "parent", To: "elder"},
			&migrate.AlterColumn{Table: "child", Name: "note", Type: migrate.Ptr(migrate.String(20)), Existing: migrate.Column{Name: "note", Type: migrate.String(10), Nullable: true}}}
		back := []migrate.Operation{&migrate.AlterColumn{Table: "child", Name: "note", Type: migrate.Ptr(migrate.String(10)), Existing: migrate.Column{Name: "note", Type: migrate.String(20), Nullable: true}},
			&migrate.RenameTable{From: "elder", To: "parent"}}
		m, _ := migrator(t, sdb, db.Name, revs(
			[2][]migrate.Operation{{parent, child}, {&migrate.DropTable{Name: "child"}, &migrate.DropTable{Name: "parent"}}},
			[2][]migrate.Operation{rename, back}))
		ctx := context.Background()
		for _, step := range []struct {
			run    func() error
			parent string
		}{
			{func() error { return m.Upgrade(ctx, "head") }, "elder"},
			{func() error { return m.Downgrade(ctx, "r0") }, "parent"},
			{func() error { return m.Upgrade(ctx, "head") }, "elder"},
		} {
			if err := step.run(); err != nil {
				t.Fatal(err)
			}
			if _, err := sdb.Exec("DELETE FROM child"); err != nil {
				t.Fatal(err)
			}
			if _, err := sdb.Exec("INSERT INTO " + step.parent + " (id) VALUES (1)"); err != nil {
				t.Fatal(err)
			}
			if _, err := sdb.Exec("INSERT INTO child (id, parent_id) VALUES (1, 1)"); err != nil {
				t.Fatalf("insert into child referencing %s: %v", step.parent, err)
			}
			if _, err := sdb.Exec("DELETE FROM child"); err != nil {
				t.Fatal(err)
			}
			if _, err := sdb.Exec("DELETE FROM " + step.parent); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// TestQuotedCheckOnEveryDatabase: a CHECK naming its column in double
// quotes (as SQLite and the ORM write enum checks) restricts the values on
// every database; MySQL would read "status" as a string, always false.
func TestQuotedCheckOnEveryDatabase(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		sdb := open(t, db)
		create := &migrate.CreateTable{Table: migrate.Table{Name: "checked", Columns: []migrate.Column{
			{Name: "id", Type: migrate.Integer(), Autoincrement: true},
			{Name: "status", Type: migrate.String(9)},
			{Name: "kind", Type: migrate.String(9)},
		}, PrimaryKey: []string{"id"}, Checks: []migrate.Check{{Name: "ck_checked_kind", Expr: `"kind" <> 'it''s "x"'`}}}}
		check := &migrate.CreateCheckConstraint{Table: "checked", Check: migrate.Check{Name: "ck_checked_status", Expr: `"status" IN ('draft', 'published')`}}
		m, _ := migrator(t, sdb, db.Name, revs([2][]migrate.Operation{{create, check}, nil}))
		if err := m.Upgrade(context.Background(), "head"); err != nil {
			t.Fatal(err)
		}
		if _, err := sdb.Exec("INSERT INTO checked (id, status, kind) VALUES (1, 'draft', 'a')"); err != nil {
			t.Errorf("a valid row is refused: %v", err)
		}
		if _, err := sdb.Exec("INSERT INTO checked (id, status, kind) VALUES (2, 'other', 'a')"); err == nil {
			t.Error("a status outside the CHECK is accepted")
		}
	})
}

// TestEnumColumnOnEveryDatabase: an Enum column is a native enum on
// PostgreSQL and MySQL and a CHECK on SQLite; on every database its values
// are accepted and others refused, through add, alter and drop.
func TestEnumColumnOnEveryDatabase(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		sdb := open(t, db)
		create := &migrate.CreateTable{Table: migrate.Table{Name: "doc", Columns: []migrate.Column{
			{Name: "id", Type: migrate.Integer(), Autoincrement: true},
		}, PrimaryKey: []string{"id"}}}
		add := &migrate.AddColumn{Table: "doc", Column: migrate.Column{Name: "state", Type: migrate.Enum("doc_state", "draft", "published"), Nullable: true}}
		widen := &migrate.AlterColumn{Table: "doc", Name: "state", Type: migrate.Ptr(migrate.Enum("doc_state", "draft", "published", "archived")),
			Existing: add.Column}
		narrow, _ := widen.Reverse()
		m, _ := migrator(t, sdb, db.Name, revs(
			[2][]migrate.Operation{{create, add}, nil},
			[2][]migrate.Operation{{widen}, {narrow}}))
		ctx := context.Background()
		insert := func(id int, v string) error {
			_, err := sdb.Exec(fmt.Sprintf("INSERT INTO doc (id, state) VALUES (%d, '%s')", id, v))
			return err
		}
		if err := m.Upgrade(ctx, "r0"); err != nil {
			t.Fatal(err)
		}
		if err := insert(1, "draft"); err != nil {
			t.Fatalf("draft refused: %v", err)
		}
		if err := insert(2, "archived"); err == nil {
			t.Fatal("archived accepted before it is a value")
		}
		if err := m.Upgrade(ctx, "head"); err != nil {
			t.Fatal(err)
		}
		if err := insert(3, "archived"); err != nil {
			t.Fatalf("archived refused after widening: %v", err)
		}
		if _, err := sdb.Exec("DELETE FROM doc WHERE id = 3"); err != nil {
			t.Fatal(err)
		}
		if err := m.Downgrade(ctx, "r0"); err != nil {
			t.Fatal(err)
		}
		if err := insert(4, "archived"); err == nil {
			t.Error("archived accepted after narrowing back")
		}
	})
}
