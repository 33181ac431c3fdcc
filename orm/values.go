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

// applyDefault sets a zero field to the column's client-side default.
func applyDefault(c *Column, v reflect.Value) error {
	if c.Default == "" || c.codec == nil || !isZeroField(c, v) {
		return nil
	}
	f := fieldByIndex(v, c.index)
	if err := setFromString(f, c.Default); err != nil {
		return fmt.Errorf("orm: column %s default %q: %w", c.Name, c.Default, err)
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
	if f.Type() == typeTime && s == "now" {
		f.Set(reflect.ValueOf(time.Now().UTC().Truncate(time.Microsecond))) // what every database keeps
		return nil
	}
	if sc, ok := f.Addr().Interface().(interface{ Scan(any) error }); ok {
		return sc.Scan(s)
	}
	return setKind(f, s)
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

// applyOnUpdate sets columns with onupdate:now to the current time.
func applyOnUpdate(t *Table, v reflect.Value) error {
	for _, c := range t.Columns {
		if c.OnUpdate == "" || c.codec == nil {
			continue
		}
		if err := setFromString(fieldByIndex(v, c.index), c.OnUpdate); err != nil {
			return fmt.Errorf("orm: column %s onupdate %q: %w", c.Name, c.OnUpdate, err)
		}
	}
	return nil
}
