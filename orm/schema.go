package orm

import (
	"reflect"

	"github.com/flagon-go/flagon/orm/dialect"
)

// A ColumnType is a portable column type; see dialect.ColumnType.
type ColumnType = dialect.ColumnType

// A Table describes one database table: its columns, keys, indexes and
// constraints. Tables come from Go structs (MetaData.Register) or are built
// by hand (MetaData.AddTable).
type Table struct {
	// Name is the table name.
	Name string
	// Columns are in declaration order.
	Columns []*Column
	// PrimaryKey lists the primary key column names.
	PrimaryKey []string
	// PrimaryKeyName is the primary key constraint name.
	PrimaryKeyName string
	// Indexes holds indexes and unique constraints.
	Indexes []*Index
	// ForeignKeys holds the foreign key constraints.
	ForeignKeys []*ForeignKey
	// Checks holds the CHECK constraints.
	Checks []*Check
	// Comment is the table comment.
	Comment string

	model     reflect.Type
	noAuto    []string
	relations []*Relation
	version   *Column
	computed  []*Column    // fields tagged computed: loaded, never written
	inherit   *inheritInfo // the model's place in an inheritance hierarchy (inherit.go)

	convention *NamingConvention
	pkConv     bool // PrimaryKeyName comes from the naming convention
	byName     map[string]*Column
	fields     map[string]*Column
	pk         []*Column // the primary key columns, set by finish
	deep       []*Column // columns whose snapshot copies memory, set by finish
}

// A Column describes one table column.
type Column struct {
	// Name is the column name.
	Name string
	// Type is the portable type.
	Type ColumnType
	// Nullable reports whether NULL is allowed.
	Nullable bool
	// PrimaryKey marks a primary key column.
	PrimaryKey bool
	// Autoincrement marks a database-generated integer key.
	Autoincrement bool
	// Unique and Index request a single-column unique constraint or index.
	Unique, Index bool
	// Default is a client-side default, applied on insert to a field that
	// is unset: a nil pointer or invalid sql.Null, or a zero primary key,
	// time.Time or field tagged default_if_zero; any other field's value
	// is inserted as it is, zero or not.
	Default string
	// ServerDefault is a SQL expression used as the column DEFAULT; an
	// insert leaves the column out (so the DEFAULT applies) under the same
	// rule as Default.
	ServerDefault string
	// OnUpdate is a client-side value set on update ("now" for times).
	OnUpdate string
	// Comment is the column comment.
	Comment string
	// Field is the Go struct field name, empty for plain tables.
	Field string

	index   []int
	offset  uintptr // of the field from the model struct's start
	codec   *codec
	version bool // optimistic locking counter (tag "version")

	defaultIfZero bool   // defaults apply to the zero value (tag "default_if_zero")
	defaultFunc   bool   // a DefaultFunc must provide the default (tag "default_func")
	computed      bool   // loaded from an orm.Computed expression (tag "computed")
	discriminator bool   // the polymorphic discriminator (tag "discriminator")
	polyIdentity  string // the model's polymorphic identity (tag "identity:")
}

// An Index is an index, or a unique constraint when Unique is set.
type Index struct {
	Name    string
	Columns []string
	Unique  bool

	byIndex bool // from a column's index flag: named by the index template
	conv    bool // named by the naming convention
}

// A ForeignKey references columns of another table.
type ForeignKey struct {
	Name       string
	Columns    []string
	RefTable   string
	RefColumns []string
	// OnDelete and OnUpdate are referential actions such as "CASCADE".
	OnDelete, OnUpdate string

	conv bool // named by the naming convention
}

// A Check is a named CHECK constraint.
type Check struct {
	Name string
	Expr string

	named bool // Name has been expanded by the naming convention
	conv  bool // Name was made by a convention template, not given as is
}

// Column returns the column with the given name, or nil.
func (t *Table) Column(name string) *Column {
	if t.byName == nil {
		t.indexColumns()
	}
	return t.byName[name]
}

// indexColumns builds the name and field lookup maps.
func (t *Table) indexColumns() {
	t.byName = make(map[string]*Column, len(t.Columns))
	t.fields = make(map[string]*Column, len(t.Columns))
	for _, c := range t.Columns {
		t.byName[c.Name] = c
		if c.Field != "" {
			t.fields[c.Field] = c
		}
	}
}

// lookup finds a column by column name or Go field name.
func (t *Table) lookup(name string) *Column {
	if c := t.Column(name); c != nil {
		return c
	}
	return t.fields[name]
}

// pkColumns returns the primary key columns.
func (t *Table) pkColumns() []*Column {
	cols := make([]*Column, 0, len(t.PrimaryKey))
	for _, n := range t.PrimaryKey {
		cols = append(cols, t.Column(n))
	}
	return cols
}
