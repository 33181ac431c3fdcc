package orm

import (
	"fmt"
	"reflect"
	"strconv"
	"time"
)

// fieldArg returns the driver argument for column c of the struct value v.
func fieldArg(q Querier, c *Column, v reflect.Value) (any, error) {
	arg, err := bindArg(q.Dialect(), c.Type.Kind, c.codec.bind(fieldByIndex(v, c.index)))
	if err == nil {
		err = checkIntArg(q.Dialect(), c, arg)
	}
	return arg, err
}

// isZeroField reports whether column c's field of v holds its zero value.
func isZeroField(c *Column, v reflect.Value) bool {
	return fieldByIndex(v, c.index).IsZero()
}

// defaultApplies reports whether column c's field of v is unset, so that
// an insert fills it from the column's default, server default or key
// generation instead of sending it: a nil pointer or invalid sql.Null
// field; the zero value only of a primary key column (an autoincrement
// or server-generated key: SQLAlchemy's rule for a key that was not given),
// of a time.Time (whose zero instant, year 1, is Go's "no time" and no
// timestamp anyone stores) and of a field tagged default_if_zero. Any
// other field's Go value is the value and is inserted, zero or not (false
// stays false, 0 stays 0).
func defaultApplies(c *Column, v reflect.Value) bool {
	if c.codec == nil {
		return false
	}
	f := fieldByIndex(v, c.index)
	switch {
	case c.codec.typ == typeTime:
		return isZeroTime(f)
	case c.Autoincrement || c.PrimaryKey || c.defaultIfZero:
		return f.IsZero()
	}
	return c.codec.isNull(f)
}

// isZeroTime reports whether the time.Time f is the zero instant, in any
// location.
func isZeroTime(f reflect.Value) bool {
	if f.CanAddr() {
		return (*time.Time)(f.Addr().UnsafePointer()).IsZero()
	}
	return f.Interface().(time.Time).IsZero()
}

// omittedOnInsert reports whether an insert of v leaves column c out for
// the database to fill (and reads it back): a generated column whose
// default applies. Every insert path plans its columns with it.
func omittedOnInsert(c *Column, v reflect.Value) bool {
	return generated(c) && defaultApplies(c, v)
}

// applyDefault sets an unset field (defaultApplies) to the column's
// client-side default.
func applyDefault(t *Table, c *Column, v reflect.Value) error {
	if c.Default == "" {
		return applyDefaultFunc(t, c, v)
	}
	if !defaultApplies(c, v) {
		return nil
	}
	f := fieldByIndex(v, c.index)
	if err := setFromString(f, c.Default); err != nil {
		return &ColumnError{"default", t.Name, c.Name, fmt.Errorf("%q: %w", c.Default, err)}
	}
	return nil
}

// setFromString assigns a textual value ("now" for times) to field f.
func setFromString(f reflect.Value, s string) error {
	if f.Kind() == reflect.Pointer {
		p := reflect.New(f.Type().Elem())
		if err := setFromString(p.Elem(), s); err != nil {
			return err
		}
		f.Set(p)
		return nil
	}
	if isNullWrapper(f.Type()) { // sql.Null[T], sql.NullString, ...: set V and Valid
		if err := setFromString(f.Field(0), s); err != nil {
			return err
		}
		f.Field(1).SetBool(true)
		return nil
	}
	if f.Type() == typeTime && s == "now" {
		f.Set(reflect.ValueOf(time.Now().UTC().Truncate(time.Microsecond))) // what every database keeps
		return nil
	}
	if sc, ok := f.Addr().Interface().(interface{ Scan(any) error }); ok {
		return sc.Scan(s)
	}
	return setKind(f, s)
}

// isNullWrapper reports database/sql's Null[T] and Null* structs: a value
// field and Valid.
func isNullWrapper(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.PkgPath() == "database/sql" && t.NumField() == 2 && t.Field(1).Name == "Valid"
}

// setKind parses s into a basic-kind field.
func setKind(f reflect.Value, s string) error {
	switch f.Kind() {
	case reflect.String:
		f.SetString(s)
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		f.SetBool(b)
		return err
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, 64)
		f.SetInt(n)
		return err
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, err := strconv.ParseUint(s, 10, 64)
		f.SetUint(n)
		return err
	case reflect.Float32, reflect.Float64:
		n, err := strconv.ParseFloat(s, 64)
		f.SetFloat(n)
		return err
	default:
		return fmt.Errorf("cannot set a %s from text", f.Type())
	}
	return nil
}

// applyOnUpdate sets the columns with an onupdate value ("now" is the
// current time) or an onupdate function (OnUpdateFunc), except those in
// explicit: as in SQLAlchemy, a value the update assigns itself wins.
func applyOnUpdate(t *Table, v reflect.Value, explicit []*Column) error {
	for _, c := range t.Columns {
		if c.codec == nil || hasColumn(explicit, c) {
			continue
		}
		if c.OnUpdate == "" {
			if fn := onUpdateFunc(t, c); fn != nil {
				fieldByIndex(v, c.index).Set(fn())
			}
			continue
		}
		if err := setFromString(fieldByIndex(v, c.index), c.OnUpdate); err != nil {
			return &ColumnError{"onupdate", t.Name, c.Name, fmt.Errorf("%q: %w", c.OnUpdate, err)}
		}
	}
	return nil
}

// hasColumn reports whether cols holds c.
func hasColumn(cols []*Column, c *Column) bool {
	for _, x := range cols {
		if x == c {
			return true
		}
	}
	return false
}

// explicitUpdates returns the columns a flush of st assigns itself, which
// keep their values over onupdate ones; nil when the table has no
// onupdate column.
func explicitUpdates(st *objState) []*Column {
	for _, c := range st.table.Columns {
		if c.OnUpdate != "" {
			return st.changed()
		}
	}
	if hasOnUpdateFuncs(st.table) {
		return st.changed()
	}
	return nil
}
