package migrate

import (
	"context"
	"slices"
	"strings"

	"ariga.io/atlas/sql/schema"

	"github.com/flagon-go/flagon/migrate/graph"
)

// versionTableSQL returns Alembic's CREATE TABLE statement of the version
// table. It is written out rather than planned by Atlas because Atlas's
// planners cannot name a primary key constraint, and the constraint name
// <table>_pkc is part of Alembic's layout.
func (m *Migrator) versionTableSQL() string {
	return "CREATE TABLE " + m.table() + " (version_num VARCHAR(32) NOT NULL, CONSTRAINT " +
		m.constraintName() + " PRIMARY KEY (version_num))"
}

// constraintName returns the version table's primary key name.
func (m *Migrator) constraintName() string {
	name := m.tableName() + "_pkc"
	if simpleIdent.MatchString(name) {
		return name
	}
	d, _ := ormDialect(m.Dialect)
	return d.Quote(name)
}

// readHeads returns the applied heads; a missing table means none.
func (m *Migrator) readHeads(ctx context.Context, q Querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT version_num FROM "+m.table())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// versionSQL returns the statements turning the version table's rows from
// old heads into new heads: an UPDATE for a one-for-one step, as Alembic.
func (m *Migrator) versionSQL(old, new []string) []string {
	var gone, added []string
	for _, h := range old {
		if !slices.Contains(new, h) {
			gone = append(gone, h)
		}
	}
	for _, h := range new {
		if !slices.Contains(old, h) {
			added = append(added, h)
		}
	}
	t := m.table()
	if len(gone) == 1 && len(added) == 1 {
		return []string{"UPDATE " + t + " SET version_num=" + lit(added[0]) + " WHERE " + t + ".version_num = " + lit(gone[0])}
	}
	var out []string
	for _, h := range gone {
		out = append(out, "DELETE FROM "+t+" WHERE "+t+".version_num = "+lit(h))
	}
	for _, h := range added {
		out = append(out, "INSERT INTO "+t+" (version_num) VALUES ("+lit(h)+")")
	}
	return out
}

// changeSQL renders version table changes as Alembic's statements.
func (m *Migrator) changeSQL(changes []graph.VersionChange) []string {
	t := m.table()
	out := make([]string, 0, len(changes))
	for _, c := range changes {
		switch c.Kind {
		case graph.VersionInsert:
			out = append(out, "INSERT INTO "+t+" (version_num) VALUES ("+lit(c.To)+")")
		case graph.VersionDelete:
			out = append(out, "DELETE FROM "+t+" WHERE "+t+".version_num = "+lit(c.From))
		case graph.VersionUpdate:
			out = append(out, "UPDATE "+t+" SET version_num="+lit(c.To)+" WHERE "+t+".version_num = "+lit(c.From))
		}
	}
	return out
}

// lit quotes a revision identifier as an SQL string.
func lit(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// hasVersionTable reports whether the version table exists.
func (m *Migrator) hasVersionTable(ctx context.Context, q schema.ExecQuerier) (bool, error) {
	drv, err := openDriver(m.Dialect, q)
	if err != nil {
		return false, err
	}
	s, err := drv.InspectSchema(ctx, "", &schema.InspectOptions{Tables: []string{m.tableName()}})
	if err != nil {
		return false, err
	}
	return len(s.Tables) > 0, nil
}
