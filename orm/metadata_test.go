package orm_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"ariga.io/atlas/sql/postgres"
	"ariga.io/atlas/sql/schema"
	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
	"github.com/flagon-go/flagon/orm/dialect"
)

func tableOrder(md *orm.MetaData) []string {
	var out []string
	for _, t := range md.Tables() {
		out = append(out, t.Name)
	}
	return out
}

func TestTablesSortedByDependency(t *testing.T) {
	md := newMetaData(t)
	if got, want := tableOrder(md), []string{"owner", "product", "membership"}; !slices.Equal(got, want) {
		t.Errorf("Tables() = %v, want %v", got, want)
	}
	if md.Table("product") == nil || md.Table("nope") != nil {
		t.Error("Table lookup wrong")
	}
}

// plainTables builds two tables by hand that reference each other.
func plainTables() (*orm.Table, *orm.Table) {
	a := &orm.Table{Name: "a", Columns: []*orm.Column{
		{Name: "id", Type: orm.ColumnType{Kind: dialect.Integer}},
		{Name: "b_id", Type: orm.ColumnType{Kind: dialect.Integer}, Nullable: true},
	}, ForeignKeys: []*orm.ForeignKey{{Columns: []string{"b_id"}, RefTable: "b", RefColumns: []string{"id"}}}}
	b := &orm.Table{Name: "b", Columns: []*orm.Column{
		{Name: "id", Type: orm.ColumnType{Kind: dialect.Integer}},
		{Name: "a_id", Type: orm.ColumnType{Kind: dialect.Integer}, Nullable: true, Index: true},
		{Name: "n", Type: orm.ColumnType{Kind: dialect.Integer}},
	}, ForeignKeys: []*orm.ForeignKey{{Columns: []string{"a_id"}, RefTable: "a", RefColumns: []string{"id"}}},
		Checks: []*orm.Check{{Name: "positive", Expr: "n >= 0"}}}
	return a, b
}

func TestAddTableAndCycles(t *testing.T) {
	md := orm.NewMetaData()
	a, b := plainTables()
	if err := md.AddTable(b); err != nil {
		t.Fatal(err)
	}
	if err := md.AddTable(a); err != nil {
		t.Fatal(err)
	}
	if got := tableOrder(md); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("cycle order = %v, want name order", got)
	}
	if b.PrimaryKeyName != "pk_b" || b.Indexes[0].Name != "ix_b_a_id" || b.Checks[0].Name != "ck_b_positive" ||
		b.ForeignKeys[0].Name != "fk_b_a_id_a" {
		t.Errorf("convention names: pk %s ix %s ck %s fk %s", b.PrimaryKeyName, b.Indexes[0].Name, b.Checks[0].Name, b.ForeignKeys[0].Name)
	}
	if err := md.AddTable(&orm.Table{Name: "a", Columns: []*orm.Column{{Name: "x", Type: orm.ColumnType{Kind: dialect.Text}}}}); err == nil {
		t.Error("second table named a: want error")
	}
	s, err := md.ToAtlas("postgresql")
	if err != nil {
		t.Fatal(err)
	}
	ta, _ := s.Table("a")
	tb, _ := s.Table("b")
	if ta.ForeignKeys[0].RefTable != tb || tb.ForeignKeys[0].RefTable != ta {
		t.Error("foreign keys in a cycle must point at the real Atlas tables")
	}
}

func TestCustomNamingConvention(t *testing.T) {
	md := orm.NewMetaData(orm.WithNamingConvention(orm.NamingConvention{
		Index: "idx_%(table_name)s_%(column_0N_name)s", Unique: "uniq_%(column_0_name)s",
		Check: "chk_%(constraint_name)s", ForeignKey: "fk_%(column_0_name)s", PrimaryKey: "%(table_name)s_pkey",
	}))
	if err := md.Register(Membership{}, Owner{}, Product{}); err != nil {
		t.Fatal(err)
	}
	stmts, err := md.CreateSQL("postgresql")
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(stmts, "\n")
	for _, want := range []string{`"uniq_email"`, `"idx_membership_role_product_id"`, `"chk_role_not_empty"`, `"fk_owner_id"`} {
		if !strings.Contains(all, want) {
			t.Errorf("DDL lacks %s:\n%s", want, all)
		}
	}
	if def := orm.NewMetaData(); def.NamingConvention() != orm.DefaultNamingConvention {
		t.Error("default convention not used")
	}
	bad := orm.NewMetaData(orm.WithNamingConvention(orm.NamingConvention{PrimaryKey: "%(bogus)s"}))
	if err := bad.AddTable(&orm.Table{Name: "t", Columns: []*orm.Column{{Name: "id", Type: orm.ColumnType{Kind: dialect.Integer}}}}); err == nil {
		t.Error("unknown convention token: want error")
	}
}

func TestToAtlas(t *testing.T) {
	md := newMetaData(t)
	s, err := md.ToAtlas("postgresql")
	if err != nil {
		t.Fatal(err)
	}
	p, ok := s.Table("product")
	if !ok {
		t.Fatal("no product table")
	}
	id, _ := p.Column("id")
	if st, ok := id.Type.Type.(*postgres.SerialType); !ok || st.T != "serial" {
		t.Errorf("id type = %#v, want serial", id.Type.Type)
	}
	status, _ := p.Column("status")
	if e, ok := status.Type.Type.(*schema.EnumType); !ok || e.T != "status" || len(e.Values) != 3 {
		t.Errorf("status type = %#v", status.Type.Type)
	}
	if lit, ok := status.Default.(*schema.Literal); !ok || lit.V != "'draft'" {
		t.Errorf("status default = %#v", status.Default)
	}
	owner, _ := s.Table("owner")
	if p.ForeignKeys[0].RefTable != owner || p.ForeignKeys[0].OnDelete != schema.SetNull {
		t.Errorf("fk = %+v", p.ForeignKeys[0])
	}
	if len(s.Objects) != 1 {
		t.Errorf("PostgreSQL enum objects = %d, want 1", len(s.Objects))
	}
	if _, err := md.ToAtlas("oracle"); err == nil || !strings.Contains(err.Error(), `"oracle"`) {
		t.Errorf("unknown dialect err = %v", err)
	}
	lite, _ := md.ToAtlas("sqlite")
	lp, _ := lite.Table("product")
	if !slices.ContainsFunc(lp.Attrs, func(a schema.Attr) bool { c, ok := a.(*schema.Check); return ok && c.Name == "ck_product_status" }) {
		t.Error("SQLite enum must become a CHECK constraint")
	}
	single, err := orm.TableToAtlas(md.Table("membership"), "mysql")
	if err != nil || len(single.ForeignKeys) != 2 || single.ForeignKeys[0].RefTable.Name != "owner" {
		t.Errorf("TableToAtlas = %+v, %v", single, err)
	}
}

func TestDefaultExpr(t *testing.T) {
	tests := map[string]schema.Expr{
		"0": &schema.Literal{V: "0"}, "'x'": &schema.Literal{V: "'x'"}, "-1.5": &schema.Literal{V: "-1.5"},
		"true": &schema.Literal{V: "true"}, "now()": &schema.RawExpr{X: "now()"},
		"CURRENT_TIMESTAMP": &schema.RawExpr{X: "CURRENT_TIMESTAMP"},
	}
	for in, want := range tests {
		got := orm.DefaultExpr(in)
		if gl, ok := got.(*schema.Literal); ok {
			if wl, ok := want.(*schema.Literal); !ok || *gl != *wl {
				t.Errorf("DefaultExpr(%q) = %#v, want %#v", in, got, want)
			}
		} else if gr, ok := got.(*schema.RawExpr); !ok || *gr != *want.(*schema.RawExpr) {
			t.Errorf("DefaultExpr(%q) = %#v, want %#v", in, got, want)
		}
	}
}

func TestPlainTablesCreateOnEveryDatabase(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := openDB(t, db)
		md := orm.NewMetaData()
		a, b := plainTables()
		a.ForeignKeys = nil // a cycle cannot be created table by table
		if err := md.AddTable(a); err != nil {
			t.Fatal(err)
		}
		if err := md.AddTable(b); err != nil {
			t.Fatal(err)
		}
		if err := md.CreateAll(context.Background(), e); err != nil {
			t.Fatal(err)
		}
		if _, err := orm.Exec(context.Background(), e, "INSERT INTO b (id, n) VALUES (?, ?)", 1, -1); !errors.Is(err, orm.ErrCheckViolation) {
			t.Errorf("insert breaking CHECK (n >= 0): %v, want a check violation", err)
		}
	})
}
