package orm

import (
	"context"
	"fmt"

	"ariga.io/atlas/sql/migrate"
	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/orm/dialect"
)

// CreateSQL returns the statements that create every table (and, on
// PostgreSQL, enum type) of the metadata in dependency order, as planned by
// Atlas for the named dialect.
func (md *MetaData) CreateSQL(dialectName string) ([]string, error) {
	return md.createSQL(dialectName, nil)
}

// createSQL plans the creation of tables and enum types not in exists.
func (md *MetaData) createSQL(dialectName string, exists map[string]bool) ([]string, error) {
	d, err := LookupDialect(dialectName)
	if err != nil {
		return nil, err
	}
	s, err := md.ToAtlas(dialectName)
	if err != nil {
		return nil, err
	}
	var changes []schema.Change
	for _, o := range s.Objects {
		if e, ok := o.(*schema.EnumType); ok && !exists["type:"+e.T] {
			changes = append(changes, &schema.AddObject{O: o})
		}
	}
	for _, t := range s.Tables {
		if !exists[t.Name] {
			changes = append(changes, &schema.AddTable{T: t})
		}
	}
	return plan(d, changes)
}

// plan turns Atlas changes into SQL statements.
func plan(d dialect.Dialect, changes []schema.Change) ([]string, error) {
	if len(changes) == 0 {
		return nil, nil
	}
	p, err := d.Planner().PlanChanges(context.Background(), "flagon", changes, func(o *migrate.PlanOptions) {
		empty := ""
		o.SchemaQualifier = &empty
	})
	if err != nil {
		return nil, fmt.Errorf("orm: plan %s DDL: %w", d.Name(), err)
	}
	out := make([]string, 0, len(p.Changes))
	for _, c := range p.Changes {
		out = append(out, c.Cmd)
	}
	return out, nil
}

// DropSQL returns the statements that drop every table (and PostgreSQL enum
// type) in reverse dependency order.
func (md *MetaData) DropSQL(dialectName string) ([]string, error) {
	return md.dropSQL(dialectName, nil)
}

// dropSQL drops the tables and types present in exists (all when nil).
func (md *MetaData) dropSQL(dialectName string, exists map[string]bool) ([]string, error) {
	d, err := LookupDialect(dialectName)
	if err != nil {
		return nil, err
	}
	tables := md.Tables()
	var out []string
	for i := len(tables) - 1; i >= 0; i-- {
		if exists == nil || exists[tables[i].Name] {
			out = append(out, "DROP TABLE "+d.Quote(tables[i].Name))
		}
	}
	s, err := md.ToAtlas(dialectName)
	if err != nil {
		return nil, err
	}
	for _, o := range s.Objects {
		if e, ok := o.(*schema.EnumType); ok && (exists == nil || exists["type:"+e.T]) {
			out = append(out, "DROP TYPE "+d.Quote(e.T))
		}
	}
	return out, nil
}
