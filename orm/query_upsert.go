package orm

// renderConflict writes the upsert clause for the dialect.
func (iq *InsertQuery[T]) renderConflict(b *Builder, p insertPlan) {
	if !iq.upsert() {
		return
	}
	if b.Dialect().Name() == "mysql" {
		iq.renderDuplicateKey(b, iq.lastIDUpsert(p))
		return
	}
	b.WriteString(" ON CONFLICT")
	if len(iq.conflict) > 0 {
		b.WriteString(" (")
		for i, c := range iq.conflict {
			if i > 0 {
				b.WriteString(", ")
			}
			b.Ident(c)
		}
		b.WriteString(")")
	}
	if iq.doNothing || len(iq.update) == 0 {
		b.WriteString(" DO NOTHING")
		return
	}
	b.WriteString(" DO UPDATE SET ")
	for i, c := range iq.update {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Ident(c)
		b.WriteString(" = excluded.")
		b.Ident(c)
	}
}

// lastIDUpsert reports a MySQL upsert of rows whose autoincrement key is
// generated: each row is its own statement that assigns the key to
// LAST_INSERT_ID(key), so that the key of the inserted or the existing
// row comes back (MySQL has no RETURNING, and a multi-row upsert reports
// no usable key).
func (iq *InsertQuery[T]) lastIDUpsert(p insertPlan) bool {
	return iq.upsert() && iq.q.Dialect().Name() == "mysql" && autoColumn(p.returning) != nil
}

// renderDuplicateKey writes MySQL's ON DUPLICATE KEY UPDATE; DO NOTHING
// assigns the first key column to itself. With keyBack the autoincrement
// key is assigned LAST_INSERT_ID(key) first.
func (iq *InsertQuery[T]) renderDuplicateKey(b *Builder, keyBack bool) {
	b.WriteString(" ON DUPLICATE KEY UPDATE ")
	cols := iq.update
	if keyBack {
		k := autoColumn(iq.table.Columns).Name
		b.Ident(k)
		b.WriteString(" = LAST_INSERT_ID(")
		b.Ident(k)
		b.WriteString(")")
		if iq.doNothing || len(cols) == 0 {
			return
		}
		b.WriteString(", ")
	}
	if iq.doNothing || len(cols) == 0 {
		k := iq.table.Columns[0].Name
		if len(iq.table.PrimaryKey) > 0 {
			k = iq.table.PrimaryKey[0]
		}
		b.Ident(k)
		b.WriteString(" = ")
		b.Ident(k)
		return
	}
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.Ident(c)
		b.WriteString(" = VALUES(")
		b.Ident(c)
		b.WriteString(")")
	}
}
