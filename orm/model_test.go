package orm_test

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/flagon-go/flagon/orm"
	"github.com/flagon-go/flagon/orm/dialect"
)

func TestSnakeCase(t *testing.T) {
	tests := map[string]string{
		"Product": "product", "HTMLLayout": "html_layout", "HTTP2Request": "http2_request", "UserST4": "user_st4",
		"OrderItem": "order_item", "ID": "id", "UserID": "user_id", "already_snake": "already_snake", "A": "a", "": "",
		"ABCdef": "ab_cdef", "Version2Beta": "version2_beta",
	}
	for in, want := range tests {
		if got := orm.SnakeCase(in); got != want {
			t.Errorf("SnakeCase(%q) = %q, want %q", in, got, want)
		}
	}
}

type HTMLLayout struct {
	ID int
}

type Nullability struct {
	Key      string `orm:"pk"`
	Plain    string
	Ptr      *string
	Wrapped  orm.Null[string]
	SQLNull  sql.NullInt64
	Forced   *int `orm:"not_null"`
	Optional int  `orm:"nullable"`
	Skipped  int  `orm:"-"`
	private  int
}

type ComposedBase struct {
	ID      int64
	Created time.Time
}

type Composed struct {
	ComposedBase
	Title string `orm:"column:heading;size:80;default:untitled;default_if_zero"`
}

type FKKey struct {
	OwnerID int64 `orm:"pk;fk:owner.id"`
}

type NoAuto struct {
	Code int `orm:"pk;no_autoincrement"`
}

func TestModelParsing(t *testing.T) {
	layout, err := orm.TableOf(HTMLLayout{})
	if err != nil || layout.Name != "html_layout" || !layout.Column("id").Autoincrement {
		t.Fatalf("HTMLLayout table = %+v, %v", layout, err)
	}
	n, err := orm.TableOf(&Nullability{})
	if err != nil {
		t.Fatal(err)
	}
	nullable := map[string]bool{"key": false, "plain": false, "ptr": true, "wrapped": true, "sql_null": true,
		"forced": false, "optional": true}
	for col, want := range nullable {
		c := n.Column(col)
		if c == nil || c.Nullable != want {
			t.Errorf("column %s nullable = %v, want %v", col, c != nil && c.Nullable, want)
		}
	}
	_ = Nullability{private: 1}
	if len(n.Columns) != 7 || n.Column("key").Autoincrement {
		t.Errorf("skipped fields became columns or a string key autoincrements: %d columns", len(n.Columns))
	}
	c, err := orm.TableOf(Composed{})
	if err != nil || len(c.Columns) != 3 || c.Column("heading") == nil || c.Column("heading").Type.Size != 80 || c.Column("heading").Default != "untitled" {
		t.Errorf("embedded struct and column tag: %+v, %v", c, err)
	}
	if fk, _ := orm.TableOf(FKKey{}); fk.Column("owner_id").Autoincrement {
		t.Error("a key that is also a foreign key must not autoincrement (SQLAlchemy's rule)")
	}
	if na, _ := orm.TableOf(NoAuto{}); na.Column("code").Autoincrement {
		t.Error("no_autoincrement ignored")
	}
}

type badTag struct {
	ID int `orm:"sise:3"`
}
type badSize struct {
	ID int `orm:"size:x"`
}
type badType struct {
	ID   int
	Name string `orm:"type:numeric(10,2)"`
}
type badFK struct {
	ID    int
	Owner int `orm:"fk:owner"`
}
type badGoType struct {
	ID int
	C  chan int
}
type dupColumn struct {
	ID int
	A  string `orm:"column:id"`
}
type badOption struct{ ID int }

func (badOption) TableOptions() orm.TableOptions {
	return orm.TableOptions{Indexes: []orm.Index{{Columns: []string{"nope"}}}}
}

func TestModelErrors(t *testing.T) {
	tests := []struct {
		model any
		want  string
	}{
		{badTag{}, `unknown tag option "sise:3"`},
		{badSize{}, `size "x"`},
		{badType{}, `does not fit a string field`},
		{badFK{}, `fk "owner" must be table.column`},
		{badGoType{}, "unsupported Go type chan int"},
		{dupColumn{}, "duplicate column"},
		{badOption{}, `no column "nope"`},
		{42, "must be a struct"},
	}
	for _, tt := range tests {
		_, err := orm.TableOf(tt.model)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("TableOf(%T) err = %v, want it to mention %q", tt.model, err, tt.want)
		}
	}
}

func TestTypeKinds(t *testing.T) {
	tbl, err := orm.TableOf(AllTypes{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]dialect.Kind{
		"id": dialect.BigInteger, "i": dialect.Integer, "i16": dialect.SmallInteger, "flag": dialect.Boolean,
		"f": dialect.Float, "s": dialect.String, "txt": dialect.Text, "num": dialect.Numeric, "day": dialect.Date,
		"at": dialect.DateTime, "clock": dialect.Time, "span": dialect.Interval, "blob": dialect.Bytes,
		"doc": dialect.JSON, "key": dialect.UUID, "state": dialect.Enum, "citext": dialect.Custom,
	}
	for col, k := range want {
		if got := tbl.Column(col).Type.Kind; got != k {
			t.Errorf("column %s kind = %s, want %s", col, got, k)
		}
	}
	if !tbl.Column("at_tz").Type.TZ || tbl.Column("at").Type.TZ {
		t.Error("tz tag not applied")
	}
	if tbl.Column("state").Type.EnumName != "status" {
		t.Errorf("enum name = %q, want status", tbl.Column("state").Type.EnumName)
	}
}
