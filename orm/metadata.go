package orm

import (
	"fmt"
	"reflect"
	"sort"
	"sync"
)

// A MetaData is a collection of tables, like SQLAlchemy's MetaData: the
// unit that is created, dropped and compared by migrations.
type MetaData struct {
	mu         sync.RWMutex
	convention NamingConvention
	tables     map[string]*Table
}

// A MetaDataOption configures NewMetaData.
type MetaDataOption func(*MetaData)

// WithNamingConvention sets the convention used to name constraints.
func WithNamingConvention(nc NamingConvention) MetaDataOption {
	return func(md *MetaData) { md.convention = nc }
}

// NewMetaData returns an empty MetaData using DefaultNamingConvention
// unless an option says otherwise.
func NewMetaData(opts ...MetaDataOption) *MetaData {
	md := &MetaData{convention: DefaultNamingConvention, tables: map[string]*Table{}}
	for _, o := range opts {
		o(md)
	}
	return md
}

// NamingConvention returns the metadata's naming convention.
func (md *MetaData) NamingConvention() NamingConvention { return md.convention }

// Register adds the tables of model structs (values or pointers).
func (md *MetaData) Register(models ...any) error {
	for _, m := range models {
		t, err := tableForType(reflect.TypeOf(m), md.convention)
		if err != nil {
			return err
		}
		if err := md.add(ddlTable(t)); err != nil {
			return err
		}
	}
	return nil
}

// AddTable adds a table built by hand, naming its constraints with the
// metadata's convention.
func (md *MetaData) AddTable(t *Table) error {
	if err := t.finish(md.convention); err != nil {
		return fmt.Errorf("orm: %w", err)
	}
	return md.add(t)
}

// add stores t, rejecting a different table with the same name.
func (md *MetaData) add(t *Table) error {
	md.mu.Lock()
	defer md.mu.Unlock()
	if old, ok := md.tables[t.Name]; ok && old != t && !sameHierarchy(old, t) {
		return fmt.Errorf("orm: table %q is already defined", t.Name)
	}
	md.tables[t.Name] = t
	return nil
}

// Table returns the named table, or nil.
func (md *MetaData) Table(name string) *Table {
	md.mu.RLock()
	defer md.mu.RUnlock()
	return md.tables[name]
}

// Tables returns the tables sorted so that every table comes after the
// tables its foreign keys reference (ties by name). Tables in a reference
// cycle follow in name order.
func (md *MetaData) Tables() []*Table {
	md.mu.RLock()
	defer md.mu.RUnlock()
	names := make([]string, 0, len(md.tables))
	for n := range md.tables {
		names = append(names, n)
	}
	sort.Strings(names)
	return md.sortByDependency(names)
}

// sortByDependency orders names topologically (Kahn's algorithm, stable).
func (md *MetaData) sortByDependency(names []string) []*Table {
	done := map[string]bool{}
	out := make([]*Table, 0, len(names))
	for len(out) < len(names) {
		progressed := false
		for _, n := range names {
			if !done[n] && md.depsDone(md.tables[n], done) {
				done[n], progressed = true, true
				out = append(out, md.tables[n])
			}
		}
		if !progressed {
			for _, n := range names {
				if !done[n] {
					done[n] = true
					out = append(out, md.tables[n])
				}
			}
		}
	}
	return out
}

// depsDone reports whether every table t references is already placed.
func (md *MetaData) depsDone(t *Table, done map[string]bool) bool {
	for _, fk := range t.ForeignKeys {
		if _, known := md.tables[fk.RefTable]; known && fk.RefTable != t.Name && !done[fk.RefTable] {
			return false
		}
	}
	return true
}
