package migrate

import "strings"

// namePrimaryKey names the primary key in PostgreSQL statements, which
// Atlas writes as a bare PRIMARY KEY whatever its name: PostgreSQL would
// then call it <table>_pkey, and a later drop by the given name (Alembic's
// op.create_primary_key("pk_test", ...), a CreateTable with a
// PrimaryKeyName) would not find it.
func namePrimaryKey(dialectName string, o Operation, stmts []string) []string {
	if dialectName != PostgreSQL {
		return stmts
	}
	var name, marker string
	switch o := o.(type) {
	case *AlterPrimaryKey:
		name, marker = o.Name, "ADD PRIMARY KEY ("
	case *CreateTable:
		name, marker = o.Table.PrimaryKeyName, "PRIMARY KEY ("
	}
	if name == "" {
		return stmts
	}
	prefix := strings.TrimSuffix(marker, "PRIMARY KEY (")
	named := prefix + "CONSTRAINT " + pgIdent(name) + " PRIMARY KEY ("
	out := make([]string, len(stmts))
	done := false
	for i, s := range stmts {
		if j := strings.Index(s, marker); j >= 0 && !done {
			s, done = s[:j]+named+s[j+len(marker):], true
		}
		out[i] = s
	}
	return out
}

// pgIdent quotes a PostgreSQL identifier.
func pgIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
