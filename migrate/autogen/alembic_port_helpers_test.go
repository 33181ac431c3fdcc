package autogen_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/autogen"
	"github.com/flagon-go/flagon/orm"
	"github.com/flagon-go/flagon/orm/dialect"
)

// Helpers of the ports of Alembic's autogenerate tests: m1 is created in
// the database with the ORM's CreateAll (Alembic's metadata.create_all),
// or with raw DDL where the database state cannot come from the models
// (a real UNIQUE constraint); m2 is compared with it, and the proposed
// operations are summarized as Alembic's diff tuples.

// alembicCase is one ported case.
type alembicCase struct {
	name string
	// m1 builds the tables created in the database; m2 those of the
	// models compared with it. Both build fresh tables on every call.
	m1, m2 func() []*orm.Table
	// ddl, keyed by dialect name ("*" for all), replaces m1 with raw DDL.
	ddl map[string][]string
	// want are the expected diffs (see summarize); wantBy overrides them
	// for a dialect.
	want   []string
	wantBy map[string][]string
	// skip gives the reason to skip a dialect ("*" for all).
	skip map[string]string
	// unordered compares the diffs as a set.
	unordered bool
	// opts are the comparison's options; DropUnknownTables is always set,
	// as Alembic drops the tables the models do not know.
	opts autogen.Options
	// conv, when set, is the naming convention of both metadatas.
	conv *orm.NamingConvention
	// noDowngradeCheck leaves out the comparison with m1 after the
	// downgrade (raw DDL states the models cannot express).
	noDowngradeCheck bool
}

// runAlembicCases runs ported cases on every database.
func runAlembicCases(t *testing.T, cases []alembicCase) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) { runAlembicCase(t, db, tc) })
		})
	}
}

// runAlembicCase checks the diffs of m2 against m1, then that a second
// autogenerate after the upgrade proposes nothing, and that the downgrade
// returns to m1.
func runAlembicCase(t *testing.T, db dbtest.DB, tc alembicCase) {
	if r := tc.skip["*"] + tc.skip[db.Name]; r != "" {
		t.Skip(r)
	}
	o, err := orm.Open(db.URL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	e := &env{t: t, dialect: db.Name, db: o.SQL()}
	ctx := context.Background()
	ddl := append(slices.Clone(tc.ddl["*"]), tc.ddl[db.Name]...)
	switch {
	case len(ddl) > 0:
		for _, q := range ddl {
			if _, err := e.db.ExecContext(ctx, q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
	case tc.m1 != nil:
		if err := tableMeta(t, tc.m1, tc.conv).CreateAll(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	res := e.compare(tableMeta(t, tc.m2, tc.conv), tc.options())
	want := tc.want
	if w, ok := tc.wantBy[db.Name]; ok {
		want = w
	}
	got := summarize(res.Upgrade)
	if tc.unordered {
		got, want = sorted(got), sorted(want)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("diffs:\n got  %q\n want %q\ndetected: %q", got, want, res.Detected)
	}
	if res.Empty() {
		return
	}
	e.apply(res)
	if again := e.compare(tableMeta(t, tc.m2, tc.conv), tc.options()); !again.Empty() {
		t.Errorf("after upgrade, a second autogenerate proposes %q (%q)", summarize(again.Upgrade), again.Detected)
	}
	e.migrate(false, "-1")
	if tc.m1 != nil && !tc.noDowngradeCheck {
		if again := e.compare(tableMeta(t, tc.m1, tc.conv), tc.options()); !again.Empty() {
			t.Errorf("after downgrade, autogenerate against m1 proposes %q (%q)", summarize(again.Upgrade), again.Detected)
		}
	}
}

// options returns the comparison's options.
func (tc alembicCase) options() autogen.Options {
	o := tc.opts
	o.DropUnknownTables = true
	return o
}

// sorted returns a sorted copy.
func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// tableMeta builds a MetaData of hand-made tables.
func tableMeta(t *testing.T, build func() []*orm.Table, conv *orm.NamingConvention) *orm.MetaData {
	t.Helper()
	md := orm.NewMetaData()
	if conv != nil {
		md = orm.NewMetaData(orm.WithNamingConvention(*conv))
	}
	if build == nil {
		return md
	}
	for _, tb := range build() {
		if err := md.AddTable(tb); err != nil {
			t.Fatal(err)
		}
	}
	return md
}

// summarize names operations as Alembic's diffs: "add_table user",
// "remove_index ix_user_name", "modify_nullable user.name", ...
func summarize(ops []migrate.Operation) []string {
	out := []string{}
	for _, o := range ops {
		out = append(out, summarizeOne(o)...)
	}
	return out
}

// summarizeOne names one operation.
func summarizeOne(o migrate.Operation) []string {
	switch o := o.(type) {
	case *migrate.CreateTable:
		return []string{"add_table " + o.Table.Name}
	case *migrate.DropTable:
		return []string{"remove_table " + o.Name}
	case *migrate.AddColumn:
		return []string{"add_column " + o.Table + "." + o.Column.Name}
	case *migrate.DropColumn:
		return []string{"remove_column " + o.Table + "." + o.Name}
	case *migrate.AlterColumn:
		return alterSummary(o)
	case *migrate.CreateIndex:
		if o.Index.Unique {
			return []string{"add_unique_index " + o.Index.Name}
		}
		return []string{"add_index " + o.Index.Name}
	case *migrate.DropIndex:
		return []string{"remove_index " + o.Name}
	case *migrate.CreateUniqueConstraint:
		return []string{"add_constraint " + o.Unique.Name}
	case *migrate.CreateForeignKey:
		return []string{"add_fk " + fkSummary(o.Table, o.ForeignKey)}
	case *migrate.CreateCheckConstraint:
		return []string{"add_check " + o.Check.Name}
	case *migrate.DropConstraint:
		switch o.Kind {
		case migrate.ConstraintForeignKey:
			if o.PriorForeignKey != nil {
				return []string{"remove_fk " + fkSummary(o.Table, *o.PriorForeignKey)}
			}
			return []string{"remove_fk " + o.Name}
		case migrate.ConstraintCheck:
			return []string{"remove_check " + o.Name}
		}
		return []string{"remove_constraint " + o.Name}
	case *migrate.AlterPrimaryKey:
		return []string{"modify_pk " + o.Table}
	}
	return []string{fmt.Sprintf("%T", o)}
}

// fkSummary describes a foreign key:
// "fk_user_tid_some_table user(tid) some_table(id) ondelete=CASCADE".
func fkSummary(table string, fk migrate.ForeignKey) string {
	s := fmt.Sprintf("%s %s(%s) %s(%s)", fk.Name, table, strings.Join(fk.Columns, ","), fk.RefTable, strings.Join(fk.RefColumns, ","))
	if fk.OnDelete != "" {
		s += " ondelete=" + strings.ToUpper(fk.OnDelete)
	}
	if fk.OnUpdate != "" {
		s += " onupdate=" + strings.ToUpper(fk.OnUpdate)
	}
	return s
}

// alterSummary names each changed attribute of an AlterColumn.
func alterSummary(o *migrate.AlterColumn) []string {
	var out []string
	where := o.Table + "." + o.Name
	if o.Type != nil {
		out = append(out, "modify_type "+where)
	}
	if o.Nullable != nil {
		out = append(out, "modify_nullable "+where)
	}
	if o.ServerDefault != nil {
		out = append(out, "modify_default "+where)
	}
	if o.Comment != nil {
		out = append(out, "modify_comment "+where)
	}
	return out
}

// Table building shorthands.

// tbl makes a table.
func tbl(name string, cols ...*orm.Column) *orm.Table {
	return &orm.Table{Name: name, Columns: cols}
}

// colOpt modifies a column.
type colOpt func(*orm.Column)

// col makes a column, nullable unless told otherwise (SQLAlchemy's
// default).
func col(name string, typ orm.ColumnType, opts ...colOpt) *orm.Column {
	c := &orm.Column{Name: name, Type: typ, Nullable: true}
	for _, o := range opts {
		o(c)
	}
	return c
}

var (
	notNull colOpt = func(c *orm.Column) { c.Nullable = false }
	unique  colOpt = func(c *orm.Column) { c.Unique = true }
	indexed colOpt = func(c *orm.Column) { c.Index = true }
	integer        = orm.ColumnType{Kind: dialect.Integer}
	text           = orm.ColumnType{Kind: dialect.Text}
	boolean        = orm.ColumnType{Kind: dialect.Boolean}
)

// varchar is String(n).
func varchar(n int) orm.ColumnType { return orm.ColumnType{Kind: dialect.String, Size: n} }

// numeric is Numeric(p, s).
func numeric(p, s int) orm.ColumnType {
	return orm.ColumnType{Kind: dialect.Numeric, Precision: p, Scale: s}
}

// serverDefault sets a server default.
func serverDefault(s string) colOpt { return func(c *orm.Column) { c.ServerDefault = s } }

// comment sets a column comment.
func comment(s string) colOpt { return func(c *orm.Column) { c.Comment = s } }

// pk sets the primary key.
func pk(t *orm.Table, cols ...string) *orm.Table { t.PrimaryKey = cols; return t }

// ix adds an index (unique or not).
func ix(t *orm.Table, name string, unique bool, cols ...string) *orm.Table {
	t.Indexes = append(t.Indexes, &orm.Index{Name: name, Columns: cols, Unique: unique})
	return t
}

// fk adds a foreign key.
func fk(t *orm.Table, name string, cols []string, ref string, refCols []string, ondelete, onupdate string) *orm.Table {
	t.ForeignKeys = append(t.ForeignKeys, &orm.ForeignKey{Name: name, Columns: cols, RefTable: ref, RefColumns: refCols, OnDelete: ondelete, OnUpdate: onupdate})
	return t
}

// tables is a shorthand for a table list builder.
func tables(ts ...*orm.Table) []*orm.Table { return ts }
