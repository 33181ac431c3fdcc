package orm

import (
	"fmt"
	"reflect"
)

// checkMergeVersion refuses a Merge whose object carries a version other
// than the session's object for the row, as SQLAlchemy's merge raises
// StaleDataError: the merged changes were made to an older version. A
// zero version (unset) merges onto the latest one.
func checkMergeVersion(t *Table, src, cur reflect.Value) error {
	vc := t.version
	if vc == nil || isZeroField(vc, src) {
		return nil
	}
	got, have := fieldByIndex(src, vc.index).Int(), fieldByIndex(cur, vc.index).Int()
	if got == have {
		return nil
	}
	return fmt.Errorf("orm: Merge: version %d of the merged %s %v does not match the existing version %d; leave the version field zero to merge onto the latest version: %w",
		got, t.Name, colValues(src, t.pkColumns()), have, ErrStaleData)
}

// withoutVersion returns cols without t's version column: the session's
// object keeps its version, which its UPDATE checks and bumps.
func withoutVersion(t *Table, cols []*Column) []*Column {
	if t.version == nil {
		return cols
	}
	out := make([]*Column, 0, len(cols))
	for _, c := range cols {
		if c != t.version {
			out = append(out, c)
		}
	}
	return out
}
