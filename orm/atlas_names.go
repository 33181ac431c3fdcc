package orm

import (
	"crypto/md5"
	"encoding/hex"

	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/orm/dialect"
)

// maxNameLength is the longest constraint or index name of a dialect
// (SQLAlchemy's max_identifier_length, max_index_name_length); 0 is none.
func maxNameLength(d dialect.Dialect) int {
	switch d.Name() {
	case "postgresql":
		return 63
	case "mysql":
		return 64
	}
	return 0
}

// finalName shortens a name made by the naming convention that is longer
// than max as SQLAlchemy does: its first max-8 characters, "_" and the
// last 4 hex digits of its MD5.
func finalName(name string, max int) string {
	if max == 0 || len(name) <= max {
		return name
	}
	sum := md5.Sum([]byte(name))
	h := hex.EncodeToString(sum[:])
	return name[:max-8] + "_" + h[len(h)-4:]
}

// truncateConventionNames shortens the convention names of at, converted
// from t, that are too long for the dialect.
func truncateConventionNames(t *Table, at *schema.Table, d dialect.Dialect) {
	max := maxNameLength(d)
	if max == 0 {
		return
	}
	if t.pkConv && at.PrimaryKey != nil {
		at.PrimaryKey.Name = finalName(at.PrimaryKey.Name, max)
	}
	for i, ix := range t.Indexes {
		if ix.conv && i < len(at.Indexes) {
			at.Indexes[i].Name = finalName(at.Indexes[i].Name, max)
		}
	}
	for i, fk := range t.ForeignKeys {
		if fk.conv && i < len(at.ForeignKeys) {
			at.ForeignKeys[i].Symbol = finalName(at.ForeignKeys[i].Symbol, max)
		}
	}
	k := 0 // addChecks adds t.Checks in order, then the enum checks
	for _, a := range at.Attrs {
		if ck, ok := a.(*schema.Check); ok {
			if k >= len(t.Checks) || t.Checks[k].conv {
				ck.Name = finalName(ck.Name, max)
			}
			k++
		}
	}
}
