package orm

import (
	"fmt"
	"log/slog"
	"reflect"
	"strings"
)

// addFields adds a column per exported field of t, flattening untagged
// embedded structs. prefix is the index path of an embedded struct.
func addFields(tbl *Table, t reflect.Type, prefix []int) error {
	return addFieldsAt(tbl, t, prefix, 0)
}

// addFieldsAt is addFields for a struct embedded at byte offset base of
// the model (embedded structs are values, so every column sits at a fixed
// offset from the model's start).
func addFieldsAt(tbl *Table, t reflect.Type, prefix []int, base uintptr) error {
	for i := range t.NumField() {
		f := t.Field(i)
		index := append(append([]int(nil), prefix...), i)
		tag, ok := f.Tag.Lookup("orm")
		if f.Anonymous && (!ok || isInheritTag(tag)) && f.Type.Kind() == reflect.Struct && !isValueType(f.Type) {
			if err := addFieldsAt(tbl, f.Type, index, base+f.Offset); err != nil {
				return err
			}
			continue
		}
		if !f.IsExported() || tag == "-" {
			continue
		}
		if f.Anonymous && ok && isInheritTag(tag) {
			return fmt.Errorf("field %s: inherits needs an embedded struct, not %s", f.Name, f.Type)
		}
		if isPlainRelation(f.Type) {
			return fmt.Errorf("field %s: %w", f.Name, plainRelationError(f))
		}
		if isRelationField(f.Type) {
			if err := addRelation(tbl, f, tag, index, base+f.Offset); err != nil {
				return fmt.Errorf("field %s: %w", f.Name, err)
			}
			continue
		}
		col, err := newColumn(tbl, f, tag)
		if err != nil {
			return fmt.Errorf("field %s: %w", f.Name, err)
		}
		col.index, col.offset = index, base+f.Offset
		if col.computed { // loaded from an orm.Computed expression, never written
			tbl.computed = append(tbl.computed, col)
			continue
		}
		tbl.Columns = append(tbl.Columns, col)
	}
	return nil
}

// isValueType reports whether a struct type is itself a column value.
func isValueType(t reflect.Type) bool {
	_, err := kindOf(t)
	return err == nil
}

// newColumn builds the column of field f from its type and tag.
func newColumn(tbl *Table, f reflect.StructField, rawTag string) (*Column, error) {
	tag, err := parseTag(rawTag)
	if err != nil {
		return nil, err
	}
	vt, nullable := unwrapNullable(f.Type)
	ct, err := kindOf(vt)
	if err != nil {
		return nil, err
	}
	if ct, err = tagType(ct, tag); err != nil {
		return nil, err
	}
	col := &Column{
		Name: tag.column, Type: ct, Nullable: (nullable || tag.nullable) && !tag.notNull && !tag.pk,
		PrimaryKey: tag.pk, Unique: tag.unique, Index: tag.index, Default: tag.def,
		ServerDefault: tag.serverDefault, OnUpdate: tag.onUpdate, Comment: tag.comment, Field: f.Name,
		Autoincrement: tag.autoincrement, codec: newScaledCodec(f.Type, ct.Kind, numericScale(ct)), version: tag.version,
		defaultIfZero: tag.defaultIfZero,
		defaultFunc:   tag.defaultFunc,
		computed:      tag.computed,
		discriminator: tag.discriminator,
		polyIdentity:  tag.identity,
	}
	if col.Name == "" {
		col.Name = SnakeCase(f.Name)
	}
	if err := checkDefaults(tbl, col); err != nil {
		return nil, err
	}
	return col, addColumnConstraints(tbl, col, tag)
}

// checkDefaults rejects default_if_zero without a default, and warns
// about a client default that can never apply: a non-pointer field always
// holds a value, which the insert sends (zero values included), so its
// `default:` is dead unless the field is a pointer, a primary key, a
// time.Time or tagged default_if_zero.
func checkDefaults(tbl *Table, col *Column) error {
	if col.defaultIfZero && col.Default == "" && col.ServerDefault == "" && !col.defaultFunc {
		return fmt.Errorf("default_if_zero needs a default, server_default or default_func")
	}
	if col.Default != "" && !col.defaultIfZero && !col.PrimaryKey && col.codec.typ != typeTime && !col.codec.nullable() {
		slog.Warn("orm: a client default on a non-pointer field never applies: the field's value, zero or not, is inserted; "+
			"make the field a pointer, or tag it default_if_zero if its zero value means \"unset\"",
			"table", tbl.Name, "column", col.Name, "default", col.Default)
	}
	return nil
}

// tagType applies the type, size and tz tag options to ct.
func tagType(ct ColumnType, tag fieldTag) (ColumnType, error) {
	var err error
	if tag.typ != "" {
		if ct, err = applyTypeTag(ct, tag.typ); err != nil {
			return ct, err
		}
	}
	if tag.size > 0 {
		ct.Size = tag.size
	}
	ct.TZ = ct.TZ || tag.tz
	return ct, nil
}

// addColumnConstraints records the column's pk, foreign key and check.
func addColumnConstraints(tbl *Table, col *Column, tag fieldTag) error {
	if tag.pk {
		tbl.PrimaryKey = append(tbl.PrimaryKey, col.Name)
	}
	if tag.version {
		if !col.Type.Kind.Integral() || col.codec.pointer || tbl.version != nil {
			return fmt.Errorf("version column must be the table's only one and a non-pointer integer")
		}
		tbl.version = col
	}
	if tag.noAutoincrement {
		tbl.noAuto = append(tbl.noAuto, col.Name)
	}
	if tag.check != "" {
		tbl.Checks = append(tbl.Checks, &Check{Name: col.Name, Expr: tag.check})
	}
	if tag.fk == "" {
		return nil
	}
	i := strings.LastIndexByte(tag.fk, '.')
	if i <= 0 || i == len(tag.fk)-1 {
		return fmt.Errorf("fk %q must be table.column", tag.fk)
	}
	tbl.ForeignKeys = append(tbl.ForeignKeys, &ForeignKey{
		Columns: []string{col.Name}, RefTable: tag.fk[:i], RefColumns: []string{tag.fk[i+1:]},
		OnDelete: tag.fkOnDelete, OnUpdate: tag.fkOnUpdate,
	})
	return nil
}
