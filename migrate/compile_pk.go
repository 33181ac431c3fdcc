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
		if j := indexUnquoted(s, marker); j >= 0 && !done {
			s, done = s[:j]+named+s[j+len(marker):], true
		}
		out[i] = s
	}
	return out
}

// indexUnquoted is the index of the first marker in s outside string
// literals ('...', ” escaping a quote) and quoted identifiers ("...")
// that starts a word (a PRIMARY KEY clause, not text of a default or a
// name), or -1.
func indexUnquoted(s, marker string) int {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0 // a doubled quote reopens at the next byte
			}
		case c == '\'' || c == '"':
			quote = c
		case strings.HasPrefix(s[i:], marker) && (i == 0 || !isIdentByte(s[i-1])):
			return i
		}
	}
	return -1
}

// isIdentByte reports whether c can be part of an unquoted identifier.
func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// pgIdent quotes a PostgreSQL identifier.
func pgIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
