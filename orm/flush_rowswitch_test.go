package orm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// T5, T6, T7 and T5T7 are the tables of SQLAlchemy's RowSwitchTest
// (test_unitofwork.py): a parent, a one-to-many child and a many-to-many.
type T5 struct {
	ID   int64        `orm:"pk;no_autoincrement"`
	Data string       `orm:"size:30"`
	T6s  orm.Many[T6] `orm:"cascade:all,delete-orphan;order_by:id"`
	T7s  orm.Many[T7] `orm:"secondary:t5_t7;cascade:all;order_by:id"`
}

// T6 is RowSwitchTest's one-to-many child.
type T6 struct {
	ID   int64  `orm:"pk;no_autoincrement"`
	Data string `orm:"size:30"`
	T5ID int64  `orm:"fk:t5.id"`
}

// T7 is RowSwitchTest's many-to-many target.
type T7 struct {
	ID   int64  `orm:"pk;no_autoincrement"`
	Data string `orm:"size:30"`
}

// T5T7 is RowSwitchTest's association table.
type T5T7 struct {
	T5ID int64 `orm:"pk;fk:t5.id"`
	T7ID int64 `orm:"pk;fk:t7.id"`
}

// RsA, RsB and RsC are the tables of RowswitchM2OTest
// (test_unitofworkv2.py).
type RsA struct {
	ID int64         `orm:"pk;no_autoincrement"`
	Bs orm.Many[RsB] `orm:"cascade:all,delete-orphan;order_by:id"`
}

// RsB is RowswitchM2OTest's child, with a many-to-one to RsC.
type RsB struct {
	ID   int64        `orm:"pk;no_autoincrement"`
	AID  *int64       `orm:"column:aid;fk:rs_a.id"`
	CID  *int64       `orm:"column:cid;fk:rs_c.id"`
	Data *string      `orm:"size:50"`
	C    orm.One[RsC] `orm:"foreign_key:CID"`
}

// RsC is RowswitchM2OTest's many-to-one target.
type RsC struct {
	ID int64 `orm:"pk;no_autoincrement"`
}

// rowSwitchDB opens db with the row switch tables.
func rowSwitchDB(t *testing.T, db dbtest.DB) *orm.DB {
	t.Helper()
	e := openDB(t, db)
	md := orm.NewMetaData()
	must(t, md.Register(T5{}, T6{}, T7{}, T5T7{}, RsA{}, RsC{}, RsB{}))
	must(t, md.CreateAll(context.Background(), e))
	return e
}

// rows formats the rows of a raw query, one "a,b" per row.
func rows(t *testing.T, e *orm.DB, query string) string {
	t.Helper()
	r, err := e.QueryContext(context.Background(), query)
	must(t, err)
	defer r.Close()
	cols, _ := r.Columns()
	var out []string
	for r.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		must(t, r.Scan(ptrs...))
		var parts []string
		for _, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			parts = append(parts, fmt.Sprint(v))
		}
		out = append(out, strings.Join(parts, ","))
	}
	must(t, r.Err())
	return strings.Join(out, " ")
}

// TestRowSwitch ports SQLAlchemy's row switch tests: deleting an object
// and adding a new one with the same primary key in one flush UPDATEs the
// row instead of failing with a unique violation.
func TestRowSwitch(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := rowSwitchDB(t, db)
		ctx := context.Background()
		reset := func() {
			for _, q := range []string{"DELETE FROM t5_t7", "DELETE FROM t6", "DELETE FROM t7", "DELETE FROM t5", "DELETE FROM rs_b", "DELETE FROM rs_a", "DELETE FROM rs_c"} {
				_, err := e.ExecContext(ctx, q)
				must(t, err)
			}
		}
		tests := []struct {
			name string
			run  func(t *testing.T)
		}{
			{"test_onetomany", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				o5 := &T5{ID: 1, Data: "some t5", T6s: orm.ManyOf(&T6{ID: 1, Data: "some t6"}, &T6{ID: 2, Data: "some other t6"})}
				must(t, s.Add(o5))
				must(t, s.Flush(ctx))
				o6 := &T5{ID: o5.ID, Data: "some other t5", T6s: orm.ManyOf(&T6{ID: 3, Data: "third t6"}, &T6{ID: 4, Data: "fourth t6"})}
				must(t, s.Delete(o5))
				must(t, s.Add(o6))
				must(t, s.Flush(ctx))
				if s.Contains(o5) || !s.Contains(o6) {
					t.Errorf("Contains(old, new) = %v, %v; want false, true", s.Contains(o5), s.Contains(o6))
				}
				got, err := orm.Get[T5](ctx, s, int64(1))
				must(t, err)
				if got != o6 {
					t.Errorf("Get(1) is not the new object")
				}
				must(t, s.Commit(ctx))
				if got := rows(t, e, "SELECT id, data FROM t5"); got != "1,some other t5" {
					t.Errorf("t5 = %q", got)
				}
				if got := rows(t, e, "SELECT id, data, t5_id FROM t6 ORDER BY id"); got != "3,third t6,1 4,fourth t6,1" {
					t.Errorf("t6 = %q", got)
				}
			}},
			{"test_manytomany", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				o5 := &T5{ID: 1, Data: "some t5", T7s: orm.ManyOf(&T7{ID: 1, Data: "some t7"}, &T7{ID: 2, Data: "some other t7"})}
				must(t, s.Add(o5))
				must(t, s.Flush(ctx))
				o6 := &T5{ID: o5.ID, Data: "some other t5", T7s: orm.ManyOf(&T7{ID: 3, Data: "third t7"}, &T7{ID: 4, Data: "fourth t7"})}
				must(t, s.Delete(o5))
				must(t, s.Add(o6))
				must(t, s.Commit(ctx))
				if got := rows(t, e, "SELECT id, data FROM t5"); got != "1,some other t5" {
					t.Errorf("t5 = %q", got)
				}
				if got := rows(t, e, "SELECT t5_id, t7_id FROM t5_t7 ORDER BY t7_id"); got != "1,3 1,4" {
					t.Errorf("t5_t7 = %q", got)
				}
			}},
			{"row switch keeps the children the new object holds", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				c1, c2 := &T6{ID: 1, Data: "c1"}, &T6{ID: 2, Data: "c2"}
				o5 := &T5{ID: 1, Data: "some t5", T6s: orm.ManyOf(c1, c2)}
				must(t, s.Add(o5))
				must(t, s.Commit(ctx))
				must(t, s.Delete(o5))
				must(t, s.Add(&T5{ID: 1, Data: "new t5", T6s: orm.ManyOf(c1, c2)}))
				must(t, s.Commit(ctx))
				if got := rows(t, e, "SELECT id, t5_id FROM t6 ORDER BY id"); got != "1,1 2,1" {
					t.Errorf("t6 = %q, want 1,1 2,1", got)
				}
			}},
			{"child moved from a deleted parent to a persistent one stays", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				c1, c2 := &T6{ID: 1, Data: "c1"}, &T6{ID: 2, Data: "c2"}
				p1 := &T5{ID: 1, Data: "p1", T6s: orm.ManyOf(c1, c2)}
				p2 := &T5{ID: 2, Data: "p2"}
				must(t, s.Add(p1))
				must(t, s.Add(p2))
				must(t, s.Commit(ctx))
				ps, err := orm.Select[T5](s).Options(orm.SelectInLoad("T6s")).OrderBy("id").All(ctx)
				must(t, err)
				must(t, s.Delete(ps[0]))
				ps[1].T6s.Append(ps[0].T6s.Items()[0])
				must(t, s.Commit(ctx))
				if got := rows(t, e, "SELECT id, t5_id FROM t6 ORDER BY id"); got != "1,2" {
					t.Errorf("t6 = %q, want 1,2", got)
				}
			}},
			{"test_set_none_replaces_scalar", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				data := "somedata"
				must(t, s.Add(&RsA{ID: 1, Bs: orm.ManyOf(&RsB{ID: 1, Data: &data})}))
				must(t, s.Commit(ctx))
				a1, err := orm.Select[RsA](s).Options(orm.SelectInLoad("Bs")).First(ctx)
				must(t, err)
				a1.Bs.Set(&RsB{ID: 1, Data: nil})
				must(t, s.Commit(ctx))
				if got := rows(t, e, "SELECT id, aid, data FROM rs_b"); got != "1,1,<nil>" {
					t.Errorf("rs_b = %q, want 1,1,<nil>", got)
				}
			}},
			{"test_set_none_replaces_m2o", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				must(t, s.Add(&RsA{ID: 1, Bs: orm.ManyOf(&RsB{ID: 1, C: orm.OneOf(&RsC{ID: 1})})}))
				must(t, s.Commit(ctx))
				a1, err := orm.Select[RsA](s).Options(orm.SelectInLoad("Bs")).First(ctx)
				must(t, err)
				b2 := &RsB{ID: 1}
				b2.C.Set(nil)
				a1.Bs.Set(b2)
				must(t, s.Commit(ctx))
				if b2.C.Get() != nil {
					t.Errorf("b2.C = %v, want nil", b2.C.Get())
				}
				if got := rows(t, e, "SELECT id, aid, cid FROM rs_b"); got != "1,1,<nil>" {
					t.Errorf("rs_b = %q, want 1,1,<nil>", got)
				}
			}},
			{"test_switch_on_delete", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				p1 := &T5{ID: 1, Data: "2"}
				must(t, s.Add(p1))
				must(t, s.Flush(ctx))
				p1.ID = 5
				must(t, s.Delete(p1))
				must(t, s.Commit(ctx))
				if p1.ID != 5 {
					t.Errorf("p1.ID = %d, want 5", p1.ID)
				}
				if got := rows(t, e, "SELECT count(*) FROM t5"); got != "0" {
					t.Errorf("count = %q, want 0", got)
				}
			}},
			{"rollback restores the deleted object", func(t *testing.T) {
				s := e.Session()
				defer s.Close(ctx)
				o5 := &T5{ID: 1, Data: "old"}
				must(t, s.Add(o5))
				must(t, s.Commit(ctx))
				o6 := &T5{ID: 1, Data: "new"}
				must(t, s.Delete(o5))
				must(t, s.Add(o6))
				must(t, s.Flush(ctx))
				must(t, s.Rollback(ctx))
				if !s.Contains(o5) || s.Contains(o6) {
					t.Errorf("Contains(old, new) = %v, %v; want true, false", s.Contains(o5), s.Contains(o6))
				}
				got, err := orm.Get[T5](ctx, s, int64(1))
				must(t, err)
				if got != o5 || got.Data != "old" {
					t.Errorf("Get(1) = %+v, want the old object", got)
				}
			}},
		}
		for _, tc := range tests {
			reset()
			t.Run(tc.name, tc.run)
		}
	})
}

// TestRowSwitchStatementsGolden records the statements of a row switch
// per database in testdata/session/rowswitch_<dialect>.sql: one UPDATE of
// the parent, no DELETE of it.
func TestRowSwitchStatementsGolden(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := rowSwitchDB(t, db)
		ctx := context.Background()
		s := e.Session()
		defer s.Close(ctx)
		o5 := &T5{ID: 1, Data: "some t5", T6s: orm.ManyOf(&T6{ID: 1, Data: "some t6"})}
		must(t, s.Add(o5))
		must(t, s.Flush(ctx))
		var b strings.Builder
		defer e.OnStatement(func(ev orm.StatementEvent) { fmt.Fprintf(&b, "%s %v;\n", ev.SQL, ev.Args) })()
		must(t, s.Delete(o5))
		must(t, s.Add(&T5{ID: 1, Data: "some other t5", T6s: orm.ManyOf(&T6{ID: 3, Data: "third t6"})}))
		must(t, s.Flush(ctx))
		golden(t, "session/rowswitch_"+db.Name+".sql", b.String())
	})
}
