package orm_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// The single-table fixture of SQLAlchemy's test/orm/inheritance/test_single.py:
// employees holds Employee, Manager, Engineer and JuniorEngineer rows,
// told apart by the type column.
type SEmployee struct {
	EmployeeID int64  `orm:"pk"`
	Name       string `orm:"size:50"`
	Type       string `orm:"size:20;discriminator;identity:employee"`
}

// TableName names the shared table.
func (SEmployee) TableName() string { return "employees" }

// SManager is stored in employees with type "manager".
type SManager struct {
	SEmployee   `orm:"inherits;identity:manager"`
	ManagerData string `orm:"size:50"`
}

// SEngineer is stored in employees with type "engineer".
type SEngineer struct {
	SEmployee    `orm:"inherits;identity:engineer"`
	EngineerInfo string `orm:"size:50;index"`
}

// SJuniorEngineer inherits from SEngineer and adds no column.
type SJuniorEngineer struct {
	SEngineer `orm:"inherits;identity:juniorengineer"`
}

// singleModels are the fixture's models, registered together.
var singleModels = []any{SEmployee{}, SManager{}, SEngineer{}, SJuniorEngineer{}}

// singleDB creates the employees table and adds _fixture_one's rows (a
// manager, an engineer, a junior engineer) plus a plain employee.
func singleDB(t *testing.T, db dbtest.DB) (*orm.DB, *orm.Session) {
	t.Helper()
	ctx := context.Background()
	e := openDB(t, db)
	md := orm.NewMetaData()
	must(t, md.Register(singleModels...))
	must(t, md.CreateAll(ctx, e))
	s := orm.NewSession(e)
	t.Cleanup(func() { s.Close(ctx) })
	must(t, s.AddAll(
		&SManager{SEmployee: SEmployee{Name: "Tom"}, ManagerData: "knows how to manage things"},
		&SEngineer{SEmployee: SEmployee{Name: "Kurt"}, EngineerInfo: "knows how to hack"},
		&SJuniorEngineer{SEngineer{SEmployee: SEmployee{Name: "Ed"}, EngineerInfo: "oh that ed"}},
		&SEmployee{Name: "Joe"},
	))
	must(t, s.Commit(ctx))
	return e, s
}

// describeStaff prints each object as Type:Name(:data).
func describeStaff(objs []any) string {
	parts := make([]string, len(objs))
	for i, o := range objs {
		switch v := o.(type) {
		case *SManager:
			parts[i] = fmt.Sprintf("SManager:%s:%s", v.Name, v.ManagerData)
		case *SJuniorEngineer:
			parts[i] = fmt.Sprintf("SJuniorEngineer:%s:%s", v.Name, v.EngineerInfo)
		case *SEngineer:
			parts[i] = fmt.Sprintf("SEngineer:%s:%s", v.Name, v.EngineerInfo)
		case *SEmployee:
			parts[i] = fmt.Sprintf("SEmployee:%s:%s", v.Name, v.Type)
		default:
			parts[i] = fmt.Sprintf("%T", o)
		}
	}
	return strings.Join(parts, " ")
}

// asAny converts typed results for describe.
func asAny[T any](objs []*T, err error) ([]any, error) {
	out := make([]any, len(objs))
	for i, o := range objs {
		out[i] = o
	}
	return out, err
}

// TestSingleInheritance ports test_single.py's SingleInheritanceTest:
// each model's query returns its rows and its subtypes' rows, as the
// model the discriminator names, through a session and without one.
func TestSingleInheritance(t *testing.T) {
	cases := []struct {
		name string
		run  func(ctx context.Context, q orm.Querier) ([]any, error)
		want string
	}{
		{"test_single_inheritance employees", func(ctx context.Context, q orm.Querier) ([]any, error) {
			return orm.AllAs[any](ctx, orm.Select[SEmployee](q).OrderBy("employee_id"))
		}, "SManager:Tom:knows how to manage things SEngineer:Kurt:knows how to hack SJuniorEngineer:Ed:oh that ed SEmployee:Joe:employee"},
		{"test_single_inheritance engineers", func(ctx context.Context, q orm.Querier) ([]any, error) {
			return orm.AllAs[any](ctx, orm.Select[SEngineer](q).OrderBy("employee_id"))
		}, "SEngineer:Kurt:knows how to hack SJuniorEngineer:Ed:oh that ed"},
		{"test_single_inheritance managers", func(ctx context.Context, q orm.Querier) ([]any, error) {
			return asAny(orm.Select[SManager](q).All(ctx))
		}, "SManager:Tom:knows how to manage things"},
		{"test_single_inheritance junior engineers", func(ctx context.Context, q orm.Querier) ([]any, error) {
			return asAny(orm.Select[SJuniorEngineer](q).All(ctx))
		}, "SJuniorEngineer:Ed:oh that ed"},
		{"base query returns the embedded base", func(ctx context.Context, q orm.Querier) ([]any, error) {
			return asAny(orm.Select[SEmployee](q).Where(orm.C("name").Eq("Kurt")).All(ctx))
		}, "SEmployee:Kurt:engineer"},
		{"test_get of a subtype row through the base", func(ctx context.Context, q orm.Querier) ([]any, error) {
			e, err := orm.Get[SEmployee](ctx, q, int64(1))
			if err != nil {
				return nil, err
			}
			return []any{e}, nil
		}, "SEmployee:Tom:manager"},
		{"Iter streams the embedded base", func(ctx context.Context, q orm.Querier) ([]any, error) {
			var out []any
			for e, err := range orm.Select[SEmployee](q).Where(orm.C("employee_id").Gt(2)).OrderBy("employee_id").Iter(ctx) {
				if err != nil {
					return nil, err
				}
				out = append(out, e)
			}
			return out, nil
		}, "SEmployee:Ed:juniorengineer SEmployee:Joe:employee"},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e, _ := singleDB(t, db)
		for _, via := range []string{"db", "session"} {
			for _, tc := range cases {
				t.Run(via+"/"+tc.name, func(t *testing.T) {
					var q orm.Querier = e
					if via == "session" {
						s := orm.NewSession(e)
						defer s.Close(ctx)
						q = s
					}
					got, err := tc.run(ctx, q)
					must(t, err)
					if d := describeStaff(got); d != tc.want {
						t.Errorf("got %s\nwant %s", d, tc.want)
					}
				})
			}
		}
	})
}

// TestSingleInheritanceCounts checks test_count's numbers.
func TestSingleInheritanceCounts(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e, _ := singleDB(t, db)
		cases := []struct {
			name string
			n    func(context.Context) (int64, error)
			want int64
		}{
			{"managers", orm.Select[SManager](e).Count, 1},
			{"engineers and junior engineers", orm.Select[SEngineer](e).Count, 2},
			{"everyone", orm.Select[SEmployee](e).Count, 4},
			{"engineers filtered", orm.Select[SEngineer](e).Where(orm.C("name").Like("%d%")).Count, 1},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				got, err := tc.n(ctx)
				must(t, err)
				if got != tc.want {
					t.Errorf("got %d, want %d", got, tc.want)
				}
			})
		}
		t.Run("test_get of another model's row is ErrNoRows", func(t *testing.T) {
			if _, err := orm.Get[SManager](ctx, e, int64(2)); !errors.Is(err, orm.ErrNoRows) {
				t.Errorf("got %v, want ErrNoRows", err)
			}
		})
		t.Run("bulk update and delete of a subtype touch only its rows", func(t *testing.T) {
			n, err := orm.Update[SEngineer](e).Set("Name", "x").Exec(ctx)
			must(t, err)
			d, err := orm.Delete[SManager](e).Exec(ctx)
			must(t, err)
			left, err := orm.Select[SEmployee](e).Count(ctx)
			must(t, err)
			if n != 2 || d != 1 || left != 3 {
				t.Errorf("updated %d (want 2), deleted %d (want 1), %d rows left (want 3)", n, d, left)
			}
		})
	})
}

// TestInheritanceIdentityMap: a row has one object in a session whatever
// model loads it (SQLAlchemy keys identities by the base mapper), and the
// base query's result is the base embedded in that object.
func TestInheritanceIdentityMap(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e, _ := singleDB(t, db)
		s := orm.NewSession(e)
		defer s.Close(ctx)
		base, err := orm.Select[SEmployee](s).OrderBy("employee_id").All(ctx)
		must(t, err)
		m, err := orm.Select[SManager](s).One(ctx)
		must(t, err)
		poly, err := orm.AllAs[any](ctx, orm.Select[SEmployee](s).OrderBy("employee_id"))
		must(t, err)
		got, err := orm.Get[SEmployee](ctx, s, int64(1))
		must(t, err)
		gotM, err := orm.Get[SManager](ctx, s, int64(1))
		must(t, err)
		cases := []struct {
			name string
			ok   bool
		}{
			{"base query row is the manager's embedded base", base[0] == &m.SEmployee},
			{"AllAs row is the manager", poly[0] == any(m)},
			{"Get through the base is the manager's base", got == &m.SEmployee},
			{"Get of the subtype is the manager", gotM == m},
		}
		for _, tc := range cases {
			if !tc.ok {
				t.Errorf("%s: not the same pointer", tc.name)
			}
		}
	})
}

// TestSingleInheritanceFlushGolden records a session's statements on the
// single-table hierarchy per dialect: inserts set the discriminator, an
// update writes the changed subtype column, a delete removes the row.
func TestSingleInheritanceFlushGolden(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		must(t, md.Register(singleModels...))
		must(t, md.CreateAll(ctx, e))
		var b strings.Builder
		remove := e.OnStatement(func(ev orm.StatementEvent) { fmt.Fprintf(&b, "%s %v;\n", ev.SQL, ev.Args) })
		defer remove()
		s := orm.NewSession(e)
		defer s.Close(ctx)
		m := &SManager{SEmployee: SEmployee{Name: "Tom"}, ManagerData: "data1"}
		j := &SJuniorEngineer{SEngineer{SEmployee: SEmployee{Name: "Ed"}, EngineerInfo: "data4"}}
		must(t, s.AddAll(m, j))
		must(t, s.Flush(ctx))
		if m.Type != "manager" || j.Type != "juniorengineer" {
			t.Errorf("discriminators %q, %q", m.Type, j.Type)
		}
		m.ManagerData = "data2"
		must(t, s.Flush(ctx))
		must(t, s.Delete(j))
		must(t, s.Commit(ctx))
		golden(t, "mapping/inherit_single_flush_"+db.Name+".sql", b.String())
	})
}
