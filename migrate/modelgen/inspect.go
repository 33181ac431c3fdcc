package modelgen

import (
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/mysql"
	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"ariga.io/atlas/sql/sqlite"
	fmigrate "github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/internal/sqliteschema"
)

// driver opens Atlas's driver for a dialect. On SQLite, a foreign key
// declared without a column list reads as referencing the parent's
// primary key, as SQLite takes it; one whose parent has no such key is an
// error naming the table.
func driver(dialectName string, db *sql.DB) (migrate.Driver, error) {
	switch dialectName {
	case fmigrate.SQLite:
		return sqlite.Open(sqliteschema.ImplicitFKs(db))
	case fmigrate.PostgreSQL:
		return postgres.Open(db)
	case fmigrate.MySQL:
		return mysql.Open(db)
	}
	return nil, fmt.Errorf("reflect: unknown dialect %q", dialectName)
}

// selectTables returns the tables to generate, in the database's order,
// without the version table: all of them, or those named by opts.Tables
// (an unknown name is an error listing the tables there are).
func selectTables(s *schema.Schema, opts Options) ([]*schema.Table, error) {
	vt := opts.VersionTable
	if vt == "" {
		vt = fmigrate.DefaultVersionTable
	}
	var all []*schema.Table
	for _, t := range s.Tables {
		if t.Name != vt {
			all = append(all, t)
		}
	}
	if len(opts.Tables) == 0 {
		return all, nil
	}
	var out []*schema.Table
	for _, name := range opts.Tables {
		i := slices.IndexFunc(all, func(t *schema.Table) bool { return t.Name == name })
		if i < 0 {
			return nil, fmt.Errorf("reflect: no table %q in the database (it has: %s)", name, tableNames(all))
		}
		if !slices.Contains(out, all[i]) {
			out = append(out, all[i])
		}
	}
	slices.SortStableFunc(out, func(a, b *schema.Table) int {
		return slices.Index(all, a) - slices.Index(all, b)
	})
	return out, nil
}

// tableNames lists tables for messages.
func tableNames(ts []*schema.Table) string {
	if len(ts) == 0 {
		return "no tables"
	}
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name
	}
	return strings.Join(names, ", ")
}
