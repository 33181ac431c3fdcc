package autogen_test

import (
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/migrate"
	"github.com/flagon-go/flagon/migrate/autogen"
)

type productOnlyID struct {
	ID int `orm:"pk"`
}

func (productOnlyID) TableName() string { return "product" }

type productNameStock struct {
	ID    int    `orm:"pk"`
	Name  string `orm:"size:100"`
	Stock int    `orm:"server_default:0"`
}

func (productNameStock) TableName() string { return "product" }

// TestDroppedNotNullColumnDowngrade drops NOT NULL columns from a table
// with rows and downgrades: the one with a server default comes back NOT
// NULL with its default, the other nullable with a note to backfill it
// (Alembic's downgrade fails on the rows).
func TestDroppedNotNullColumnDowngrade(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := newEnv(t, db)
		e.apply(e.compare(metadata(t, productNameStock{}), autogen.Options{}))
		if _, err := e.db.Exec("INSERT INTO product (id, name) VALUES (1, 'Chair')"); err != nil {
			t.Fatal(err)
		}
		res := e.compare(metadata(t, productOnlyID{}), autogen.Options{})
		added := map[string]*migrate.AddColumn{}
		for _, o := range res.Downgrade {
			if a, ok := o.(*migrate.AddColumn); ok {
				added[a.Column.Name] = a
			}
		}
		if a := added["name"]; a == nil || !a.Column.Nullable || !strings.Contains(a.Note(), "Backfill") {
			t.Errorf("downgrade re-adds name as %+v; want it nullable with a note to backfill", a)
		}
		if a := added["stock"]; a == nil || a.Column.Nullable || a.Column.ServerDefault != "0" || a.Note() != "" {
			t.Errorf("downgrade re-adds stock as %+v; want NOT NULL DEFAULT 0", a)
		}
		if src := render(t, res); !strings.Contains(src, "// product.name was NOT NULL without a server default") {
			t.Errorf("the rendered downgrade does not say what to backfill:\n%s", src)
		}
		e.apply(res)
		e.migrate(false, "-1")
		var stock int
		if err := e.db.QueryRow("SELECT stock FROM product WHERE id = 1").Scan(&stock); err != nil || stock != 0 {
			t.Errorf("after downgrade, stock = %d, %v; want the row kept with the default 0", stock, err)
		}
	})
}

// TestAddNotNullColumnWarns: adding a NOT NULL column without a server
// default to an existing table is reported, as it fails on a table with
// rows.
func TestAddNotNullColumnWarns(t *testing.T) {
	e := newEnv(t, dbtest.SQLite(t))
	e.apply(e.compare(metadata(t, productOnlyID{}), autogen.Options{}))
	res := e.compare(metadata(t, productNameStock{}), autogen.Options{})
	var warned []string
	for _, n := range res.Notes {
		if strings.HasPrefix(n, "WARNING") {
			warned = append(warned, n)
		}
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "'product.name'") {
		t.Errorf("warnings = %q; want one for product.name (stock has a default)", warned)
	}
}

// TestModelTypesRendered: on SQLite an int64 key is INTEGER (the rowid)
// and an enum a VARCHAR with a CHECK, yet the revision carries the models'
// types, so that it runs unchanged on PostgreSQL and MySQL.
func TestModelTypesRendered(t *testing.T) {
	e := newEnv(t, dbtest.SQLite(t))
	res := e.compare(metadata(t, author1{}, post1{}), autogen.Options{})
	types := map[string]migrate.Type{}
	var checks []migrate.Check
	for _, o := range res.Upgrade {
		if c, ok := o.(*migrate.CreateTable); ok {
			for _, col := range c.Table.Columns {
				types[c.Table.Name+"."+col.Name] = col.Type
			}
			checks = append(checks, c.Table.Checks...)
		}
	}
	for _, name := range []string{"author.id", "post.id", "post.author_id"} {
		if types[name].Kind != migrate.KindBigInteger {
			t.Errorf("%s is %v, want BigInteger", name, types[name].Kind)
		}
	}
	if st := types["post.status"]; st.Kind != migrate.KindEnum || st.EnumName != "status" {
		t.Errorf("post.status is %+v, want the enum status", st)
	}
	if len(checks) != 0 {
		t.Errorf("checks = %v; the enum's CHECK is the compiler's business", checks)
	}
}
