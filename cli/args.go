package cli

import (
	"reflect"
	"strconv"
	"time"
)

// ArgType lists the types Arg converts positional arguments to;
// time.Duration (an int64) is parsed as a duration ("90s").
type ArgType interface {
	~string | ~int | ~int64 | ~float64 | ~bool
}

// Arg converts the positional argument at index i, called name in
// messages, to T, click's typed arguments for cobra commands:
//
//	id, err := cli.Arg[int](args, 0, "ID")
//
// A missing or malformed argument is a *UsageError (exit status 2):
// `invalid value for 'ID': "abc" is not a valid integer`.
func Arg[T ArgType](args []string, i int, name string) (T, error) {
	var out T
	if i < 0 || i >= len(args) {
		return out, usageErrorf("missing argument '%s'", name)
	}
	if !convertArg(reflect.ValueOf(&out).Elem(), args[i]) {
		return out, usageErrorf("invalid value for '%s': %q is not a valid %s", name, args[i], typeName(out))
	}
	return out, nil
}

var durationType = reflect.TypeFor[time.Duration]()

// convertArg parses s into v by v's kind; it reports success.
func convertArg(v reflect.Value, s string) bool {
	switch {
	case v.Type() == durationType:
		d, err := time.ParseDuration(s)
		v.SetInt(int64(d))
		return err == nil
	case v.Kind() == reflect.String:
		v.SetString(s)
		return true
	case v.Kind() == reflect.Bool:
		b, err := strconv.ParseBool(s)
		v.SetBool(b)
		return err == nil
	case v.Kind() == reflect.Float64:
		f, err := strconv.ParseFloat(s, 64)
		v.SetFloat(f)
		return err == nil
	}
	n, err := strconv.ParseInt(s, 10, v.Type().Bits())
	v.SetInt(n)
	return err == nil
}

// typeName names the expected type in messages.
func typeName(v any) string {
	t := reflect.TypeOf(v)
	switch {
	case t == durationType:
		return "duration"
	case t.Kind() == reflect.Float64:
		return "number"
	case t.Kind() == reflect.Bool:
		return "boolean"
	case t.Kind() == reflect.String:
		return "string"
	}
	return "integer"
}
