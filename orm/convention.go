package orm

import (
	"fmt"
	"strings"
)

// A NamingConvention names constraints and indexes from templates, as
// SQLAlchemy's MetaData(naming_convention=...). The tokens are
// %(table_name)s, %(column_0_name)s, %(column_0_label)s (table_column),
// %(column_0N_name)s (all columns joined by '_'), %(referred_table_name)s
// and %(constraint_name)s.
type NamingConvention struct {
	Index, Unique, Check, ForeignKey, PrimaryKey string
}

// DefaultNamingConvention is the convention recommended by Alembic's
// documentation.
var DefaultNamingConvention = NamingConvention{
	Index:      "ix_%(column_0_label)s",
	Unique:     "uq_%(table_name)s_%(column_0_name)s",
	Check:      "ck_%(table_name)s_%(constraint_name)s",
	ForeignKey: "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
	PrimaryKey: "pk_%(table_name)s",
}

// nameParts are the values substituted into a convention template.
type nameParts struct {
	table, refTable, constraint string
	columns                     []string
}

// expand substitutes the tokens of template.
func (p nameParts) expand(template string) (string, error) {
	col0 := ""
	if len(p.columns) > 0 {
		col0 = p.columns[0]
	}
	r := strings.NewReplacer(
		"%(table_name)s", p.table,
		"%(column_0_name)s", col0,
		"%(column_0_label)s", p.table+"_"+col0,
		"%(column_0N_name)s", strings.Join(p.columns, "_"),
		"%(column_0_N_name)s", strings.Join(p.columns, "_"),
		"%(referred_table_name)s", p.refTable,
		"%(constraint_name)s", p.constraint,
	)
	out := r.Replace(template)
	if strings.Contains(out, "%(") {
		return "", fmt.Errorf("orm: naming convention %q has an unknown token", template)
	}
	return out, nil
}
