package migrate_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
)

// pgEnumsSQL lists the current schema's enum types with their values.
const pgEnumsSQL = `SELECT t.typname || ':' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = current_schema() GROUP BY t.typname ORDER BY 1`

// wantEnums are the PostgreSQL enum types left by each enum case.
var wantEnums = map[string]string{
	"enum_create_twice":      "status:draft,published",
	"enum_drop_table_shared": "status:draft,published",
	"enum_drop_last_users":   "",
	"enum_add_value":         "status:draft,published,archived",
	"enum_insert_value":      "status:new,draft,review,published",
	"enum_remove_value":      "status:draft",
	"enum_reorder_values":    "status:published,draft",
	"enum_to_string":         "",
	"enum_same_values":       "status:draft,published",
	"enum_tables_apart":      "status:draft,published",
}

// ops returns a revision recording ops.
func opsRevision(id, down string, ops []migrate.Operation) *migrate.Revision {
	r := &migrate.Revision{ID: id, Message: id, Upgrade: func(op *migrate.Op) error { op.Add(ops...); return nil }}
	if down != "" {
		r.Down = []string{down}
	}
	return r
}

// TestEnumTypesOnDatabases applies the enum cases to real databases, with
// rows in the tables: each PostgreSQL type is created once, dropped with
// its last column (never while a table outside the revision uses it) and
// altered in place or recreated; the rows keep their values.
func TestEnumTypesOnDatabases(t *testing.T) {
	cases := append([]struct {
		Name string
		Ops  []migrate.Operation
	}{}, migrate.EnumCases...)
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		for _, tc := range append(cases, struct {
			Name string
			Ops  []migrate.Operation
		}{"enum_tables_apart", nil}) {
			t.Run(tc.Name, func(t *testing.T) {
				sdb := open(t, fresh(t, db.Name))
				tables := migrate.EnumTables()
				revs := []*migrate.Revision{opsRevision("r1", "", tables), opsRevision("r2", "r1", tc.Ops)}
				if tc.Name == "enum_tables_apart" { // the second table in its own revision
					revs = []*migrate.Revision{opsRevision("r1", "", tables[:1]), opsRevision("r2", "r1", tables[1:])}
				}
				m, _ := migrator(t, sdb, db.Name, revs)
				ctx := context.Background()
				if err := m.Upgrade(ctx, "r1"); err != nil {
					t.Fatal(err)
				}
				pageRows := tableExists(sdb, "page") && tc.Name != "enum_drop_last_users"
				for _, table := range []string{"post", "page"} {
					if tableExists(sdb, table) {
						mustExec(t, sdb, fmt.Sprintf("INSERT INTO %s (id, status) VALUES (1, 'draft')", table))
					}
				}
				if err := m.Upgrade(ctx, "head"); err != nil {
					t.Fatal(err)
				}
				if db.Name == migrate.PostgreSQL {
					if got := strings.Join(queryStrings(t, sdb, pgEnumsSQL), ";"); got != wantEnums[tc.Name] {
						t.Errorf("enum types = %q, want %q", got, wantEnums[tc.Name])
					}
				}
				if pageRows {
					if got := queryStrings(t, sdb, "SELECT status FROM page"); len(got) != 1 || got[0] != "draft" {
						t.Errorf("page rows = %q, want [draft]", got)
					}
				}
			})
		}
	})
}

// fresh returns a new database of a dialect, as dbtest.ForEach made one.
func fresh(t *testing.T, dialectName string) dbtest.DB {
	switch dialectName {
	case migrate.PostgreSQL:
		return dbtest.Postgres(t, os.Getenv(dbtest.EnvPostgres))
	case migrate.MySQL:
		return dbtest.MySQL(t, os.Getenv(dbtest.EnvMySQL))
	}
	return dbtest.SQLite(t)
}

// mustExec runs a statement.
func mustExec(t *testing.T, sdb *sql.DB, q string) {
	t.Helper()
	if _, err := sdb.Exec(q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
