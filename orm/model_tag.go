package orm

import (
	"fmt"
	"strconv"
	"strings"
)

// A fieldTag is the parsed `orm:"..."` struct tag. Options are separated by
// ';' (so CHECK expressions and numeric(10,2) may contain commas); an option
// is a flag ("pk") or key:value ("size:100").
type fieldTag struct {
	skip                                 bool
	column, typ, def, serverDefault      string
	onUpdate, fk, fkOnDelete, fkOnUpdate string
	check, comment                       string
	pk, autoincrement, noAutoincrement   bool
	unique, index, tz, nullable, notNull bool
	version, defaultIfZero, defaultFunc  bool
	computed, discriminator              bool
	identity                             string
	size                                 int
}

// tagSetters apply key:value options.
var tagSetters = map[string]func(t *fieldTag, v string) error{
	"column":         func(t *fieldTag, v string) error { t.column = v; return nil },
	"type":           func(t *fieldTag, v string) error { t.typ = v; return nil },
	"default":        func(t *fieldTag, v string) error { t.def = v; return nil },
	"server_default": func(t *fieldTag, v string) error { t.serverDefault = v; return nil },
	"onupdate":       func(t *fieldTag, v string) error { t.onUpdate = v; return nil },
	"fk":             func(t *fieldTag, v string) error { t.fk = v; return nil },
	"ondelete":       func(t *fieldTag, v string) error { t.fkOnDelete = strings.ToUpper(v); return nil },
	"fk_onupdate":    func(t *fieldTag, v string) error { t.fkOnUpdate = strings.ToUpper(v); return nil },
	"check":          func(t *fieldTag, v string) error { t.check = v; return nil },
	"comment":        func(t *fieldTag, v string) error { t.comment = v; return nil },
	"identity":       func(t *fieldTag, v string) error { t.identity = v; return nil },
	"size": func(t *fieldTag, v string) (err error) {
		t.size, err = strconv.Atoi(v)
		if err != nil || t.size <= 0 {
			return fmt.Errorf("size %q is not a positive integer", v)
		}
		return nil
	},
}

// tagFlags apply flag options.
var tagFlags = map[string]func(t *fieldTag){
	"pk":               func(t *fieldTag) { t.pk = true },
	"primary_key":      func(t *fieldTag) { t.pk = true },
	"autoincrement":    func(t *fieldTag) { t.autoincrement = true },
	"no_autoincrement": func(t *fieldTag) { t.noAutoincrement = true },
	"unique":           func(t *fieldTag) { t.unique = true },
	"index":            func(t *fieldTag) { t.index = true },
	"tz":               func(t *fieldTag) { t.tz = true },
	"nullable":         func(t *fieldTag) { t.nullable = true },
	"not_null":         func(t *fieldTag) { t.notNull = true },
	"version":          func(t *fieldTag) { t.version = true },
	"default_if_zero":  func(t *fieldTag) { t.defaultIfZero = true },
	"default_func":     func(t *fieldTag) { t.defaultFunc = true },
	"computed":         func(t *fieldTag) { t.computed = true },
	"discriminator":    func(t *fieldTag) { t.discriminator = true },
}

// parseTag parses an orm struct tag.
func parseTag(s string) (fieldTag, error) {
	var t fieldTag
	if s == "-" {
		t.skip = true
		return t, nil
	}
	for _, opt := range strings.Split(s, ";") {
		if err := t.apply(strings.TrimSpace(opt)); err != nil {
			return t, err
		}
	}
	return t, nil
}

// apply applies one option.
func (t *fieldTag) apply(opt string) error {
	if opt == "" {
		return nil
	}
	key, val, hasVal := strings.Cut(opt, ":")
	key = strings.ToLower(strings.TrimSpace(key))
	if set, ok := tagSetters[key]; ok && hasVal {
		return set(t, strings.TrimSpace(val))
	}
	if flag, ok := tagFlags[key]; ok && !hasVal {
		flag(t)
		return nil
	}
	return fmt.Errorf("unknown tag option %q", opt)
}
