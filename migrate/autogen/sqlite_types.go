package autogen

import (
	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/migrate"
)

// sqliteTypeChanges finds length and precision changes, which Atlas's
// SQLite differ ignores (it compares type affinities only).
func sqliteTypeChanges(current, desired *schema.Schema, changes []schema.Change, conv converter) []schema.Change {
	if conv.dialect != migrate.SQLite {
		return nil
	}
	var out []schema.Change
	for _, ct := range current.Tables {
		dt, ok := desired.Table(ct.Name)
		if !ok {
			continue
		}
		var mods []schema.Change
		for _, cc := range ct.Columns {
			dc, ok := dt.Column(cc.Name)
			if !ok || modified(changes, ct.Name, cc.Name) {
				continue
			}
			if typeName(conv.column(cc).Type) != typeName(conv.column(dc).Type) {
				mods = append(mods, &schema.ModifyColumn{From: cc, To: dc, Change: schema.ChangeType})
			}
		}
		if len(mods) > 0 {
			out = append(out, &schema.ModifyTable{T: dt, Changes: mods})
		}
	}
	return out
}

// modified reports whether Atlas already changes the column.
func modified(changes []schema.Change, table, column string) bool {
	for _, c := range changes {
		mt, ok := c.(*schema.ModifyTable)
		if !ok || mt.T.Name != table {
			continue
		}
		for _, tc := range mt.Changes {
			if mc, ok := tc.(*schema.ModifyColumn); ok && mc.To.Name == column {
				return true
			}
		}
	}
	return false
}
