package autogen

import (
	"slices"
	"strings"

	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/orm"
)

// Revisions must be portable: a revision generated on SQLite runs on
// PostgreSQL and MySQL. The dialect's types say too little for that (SQLite
// spells an int64 key INTEGER, so that it is the rowid, and an enum
// VARCHAR(n) plus a CHECK), so the types of the models' columns are
// rendered instead, as SQLAlchemy's metadata is in Alembic. Differences are
// still detected on the dialect's types.

// modelTables is what *orm.MetaData offers beyond Models: its tables with
// their portable column types.
type modelTables interface {
	Tables() []*orm.Table
}

// portable maps table and column names to the models' portable types.
type portable map[string]map[string]modelColumn

// modelColumn is what the revision takes from a model column.
type modelColumn struct {
	typ  migrate.Type
	auto bool
}

// portableTypes returns the models' types, or nil when the models do not
// list their tables.
func portableTypes(m Models) portable {
	mt, ok := m.(modelTables)
	if !ok {
		return nil
	}
	out := portable{}
	for _, t := range mt.Tables() {
		cols := map[string]modelColumn{}
		for _, c := range t.Columns {
			if c.Type.Kind != migrate.KindCustom {
				cols[c.Name] = modelColumn{typ: c.Type, auto: c.Autoincrement}
			}
		}
		out[t.Name] = cols
	}
	return out
}

// typeOf returns a model column's type.
func (p portable) typeOf(table, column string) (migrate.Type, bool) {
	c, ok := p[table][column]
	return c.typ, ok
}

// overrides are the neutral types to render instead of the converted
// dialect types, and the CHECK constraints that only implement an enum.
type overrides struct {
	types      map[*schema.Column]migrate.Type
	enumChecks map[*schema.Check]bool
	// auto holds the models' Autoincrement of the desired columns.
	auto map[*schema.Column]bool
}

// newOverrides takes desired columns' types from the models, turns
// SQLite's enum checks of the current schema back into enum types, and
// gives current columns whose dialect type did not change the model's type.
func newOverrides(dialectName string, p portable, current, desired *schema.Schema) overrides {
	o := overrides{types: map[*schema.Column]migrate.Type{}, enumChecks: map[*schema.Check]bool{}, auto: map[*schema.Column]bool{}}
	plain := converter{dialect: dialectName}
	for _, dt := range desired.Tables {
		for _, dc := range dt.Columns {
			if mc, ok := p[dt.Name][dc.Name]; ok {
				o.types[dc], o.auto[dc] = mc.typ, mc.auto
			}
		}
		o.markEnumChecks(dt)
	}
	for _, ct := range current.Tables {
		o.currentEnums(dialectName, p, ct)
		dt, ok := desired.Table(ct.Name)
		if !ok {
			continue
		}
		for _, cc := range ct.Columns {
			dc, ok := dt.Column(cc.Name)
			if !ok {
				continue
			}
			mt, ok := o.types[dc]
			if _, done := o.types[cc]; ok && !done && sameType(plain.column(cc).Type, plain.column(dc).Type) {
				o.types[cc] = mt
			}
		}
	}
	if dialectName == migrate.SQLite {
		o.rowidKeys(current)
	}
	return o
}

// markEnumChecks records the CHECK constraints that restrict a column to
// its enum values (SQLite's stand-in for a native enum).
func (o overrides) markEnumChecks(t *schema.Table) {
	for _, ck := range checksOf(t) {
		col, values, ok := parseEnumCheck(ck.Expr)
		if !ok {
			continue
		}
		if c, ok := t.Column(col); ok {
			if et, ok := o.types[c]; ok && et.Kind == migrate.KindEnum && slices.Equal(et.EnumValues, values) {
				o.enumChecks[ck] = true
			}
		}
	}
}

// currentEnums finds the current enum columns: SQLite's string columns
// with an enum check, and MySQL's enums, named after the models' enum
// types (MySQL and SQLite keep no name).
func (o overrides) currentEnums(dialectName string, p portable, t *schema.Table) {
	name := func(col, fallback string) string {
		if mt, ok := p.typeOf(t.Name, col); ok && mt.Kind == migrate.KindEnum {
			return mt.EnumName
		}
		return fallback
	}
	switch dialectName {
	case migrate.SQLite:
		for _, ck := range checksOf(t) {
			col, values, ok := parseEnumCheck(ck.Expr)
			c, found := t.Column(col)
			if !ok || !found {
				continue
			}
			if _, str := c.Type.Type.(*schema.StringType); !str {
				continue
			}
			enumName := strings.TrimPrefix(ck.Name, "ck_"+t.Name+"_")
			if enumName == "" || enumName == ck.Name {
				enumName = name(col, col)
			}
			o.types[c] = migrate.Enum(enumName, values...)
			o.enumChecks[ck] = true
		}
	case migrate.MySQL:
		for _, c := range t.Columns {
			if e, ok := c.Type.Type.(*schema.EnumType); ok {
				o.types[c] = migrate.Enum(name(c.Name, c.Name), e.Values...)
			}
		}
	}
}

// parseEnumCheck returns the column and the values of an enum check.
func parseEnumCheck(expr string) (string, []string, bool) { return migrate.ParseEnumCheck(expr) }

// rowidKeys types SQLite's INTEGER PRIMARY KEY columns (the 64-bit rowid)
// that the models no longer describe, such as a dropped table's, like the
// foreign keys that reference them: BigInteger when those are BIGINT, so
// that MySQL accepts the keys when the downgrade recreates the tables.
func (o overrides) rowidKeys(current *schema.Schema) {
	plain := converter{dialect: migrate.SQLite}
	for _, t := range current.Tables {
		for _, fk := range t.ForeignKeys {
			for i, c := range fk.Columns {
				if i >= len(fk.RefColumns) || plain.column(c).Type.Kind != migrate.KindBigInteger {
					continue
				}
				rt, ok := current.Table(fk.RefTable.Name)
				if !ok || rt.PrimaryKey == nil || len(rt.PrimaryKey.Parts) != 1 {
					continue
				}
				key := rt.PrimaryKey.Parts[0].C
				if key == nil || key.Name != fk.RefColumns[i].Name || plain.column(key).Type.Kind != migrate.KindInteger {
					continue
				}
				if _, done := o.types[key]; !done {
					o.types[key] = migrate.BigInteger()
				}
			}
		}
	}
}
