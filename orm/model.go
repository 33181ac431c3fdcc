package orm

import (
	"fmt"
	"reflect"
	"sync"
)

// A TableNamer overrides the table name derived from a model's type name.
type TableNamer interface {
	TableName() string
}

// A TableOptioner declares table-level constraints that span columns.
type TableOptioner interface {
	TableOptions() TableOptions
}

// TableOptions are a model's composite keys, indexes and constraints.
// Column names may be given as column names or Go field names; empty
// constraint names are filled in by the naming convention.
type TableOptions struct {
	PrimaryKey  []string
	Indexes     []Index
	ForeignKeys []ForeignKey
	Checks      []Check
	Comment     string
}

type modelKey struct {
	t  reflect.Type
	nc NamingConvention
}

type modelEntry struct {
	table *Table
	err   error
}

// models caches parsed metadata per (struct type, naming convention);
// defaultModels is the lock-free fast path for the default convention.
var (
	models        sync.Map // modelKey -> *modelEntry
	defaultModels sync.Map // reflect.Type -> *modelEntry
)

// TableOf returns the table metadata of a model struct (or pointer to
// one), parsed once per type with the default naming convention.
func TableOf(model any) (*Table, error) {
	return tableForType(reflect.TypeOf(model), DefaultNamingConvention)
}

// tableOf returns the table of the model type T.
func tableOf[T any]() (*Table, error) {
	t := reflect.TypeFor[T]()
	if e, ok := defaultModels.Load(t); ok {
		return e.(*modelEntry).table, e.(*modelEntry).err
	}
	tbl, err := tableForType(t, DefaultNamingConvention)
	if err == nil && t.Kind() != reflect.Struct {
		tbl, err = nil, fmt.Errorf("orm: type parameter must be the struct %s, not %s", t.Elem(), t)
	}
	defaultModels.Store(t, &modelEntry{tbl, err})
	return tbl, err
}

// tableForType parses or fetches the cached table of t.
func tableForType(t reflect.Type, nc NamingConvention) (*Table, error) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("orm: model must be a struct, got %v", t)
	}
	key := modelKey{t, nc}
	if e, ok := models.Load(key); ok {
		return e.(*modelEntry).table, e.(*modelEntry).err
	}
	tbl, err := parseModel(t, nc)
	e, _ := models.LoadOrStore(key, &modelEntry{tbl, err})
	return e.(*modelEntry).table, e.(*modelEntry).err
}

// parseModel builds the table of struct type t.
func parseModel(t reflect.Type, nc NamingConvention) (*Table, error) {
	tbl := &Table{Name: modelTableName(t), model: t}
	if err := addFields(tbl, t, nil); err != nil {
		return nil, fmt.Errorf("orm: model %s: %w", t, err)
	}
	if err := applyOptions(tbl, t); err != nil {
		return nil, fmt.Errorf("orm: model %s: %w", t, err)
	}
	link, err := prepareInheritance(tbl, t, nc)
	if err != nil {
		return nil, fmt.Errorf("orm: model %s: %w", t, err)
	}
	if err := tbl.finish(nc); err != nil {
		return nil, fmt.Errorf("orm: model %s: %w", t, err)
	}
	if link != nil {
		if err := link(); err != nil {
			return nil, fmt.Errorf("orm: model %s: %w", t, err)
		}
	}
	return tbl, nil
}

// modelTableName returns TableName() or the snake_case type name; a
// TableName promoted through a nil embedded pointer counts as none.
func modelTableName(t reflect.Type) (name string) {
	defer func() {
		if recover() != nil {
			name = SnakeCase(t.Name())
		}
	}()
	if n, ok := reflect.New(t).Interface().(TableNamer); ok {
		return n.TableName()
	}
	return SnakeCase(t.Name())
}

// applyOptions copies TableOptions() into the table.
func applyOptions(tbl *Table, t reflect.Type) error {
	o, ok := reflect.New(t).Interface().(TableOptioner)
	if !ok {
		return nil
	}
	opts := o.TableOptions()
	tbl.Comment = opts.Comment
	if len(opts.PrimaryKey) > 0 {
		tbl.PrimaryKey = append([]string(nil), opts.PrimaryKey...)
	}
	for _, ix := range opts.Indexes {
		tbl.Indexes = append(tbl.Indexes, &Index{Name: ix.Name, Columns: ix.Columns, Unique: ix.Unique})
	}
	for _, fk := range opts.ForeignKeys {
		c := fk
		tbl.ForeignKeys = append(tbl.ForeignKeys, &c)
	}
	for _, ck := range opts.Checks {
		c := ck
		tbl.Checks = append(tbl.Checks, &c)
	}
	return nil
}
