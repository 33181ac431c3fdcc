package orm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// The joined-table fixture of SQLAlchemy's test/orm/inheritance/_poly_fixtures.py:
// people is the base table; engineers, managers and boss (a manager) have
// their own tables whose key references the parent's.
type JPerson struct {
	PersonID int64  `orm:"pk"`
	Name     string `orm:"size:50"`
	Type     string `orm:"size:30;discriminator;identity:person"`
}

// TableName names the base table.
func (JPerson) TableName() string { return "people" }

// JEngineer adds the engineers table.
type JEngineer struct {
	JPerson         `orm:"inherits:joined;identity:engineer"`
	Status          string `orm:"size:30"`
	PrimaryLanguage string `orm:"size:50"`
}

// TableName names the subtype's table.
func (JEngineer) TableName() string { return "engineers" }

// JManager adds the managers table.
type JManager struct {
	JPerson     `orm:"inherits:joined;identity:manager"`
	ManagerName string `orm:"size:50"`
}

// TableName names the subtype's table.
func (JManager) TableName() string { return "managers" }

// JBoss inherits from JManager and adds the boss table.
type JBoss struct {
	JManager  `orm:"inherits:joined;identity:boss"`
	GolfSwing string `orm:"size:30"`
}

// TableName names the subtype's table.
func (JBoss) TableName() string { return "boss" }

var joinedModels = []any{JPerson{}, JEngineer{}, JManager{}, JBoss{}}

// joinedDB creates the tables and adds an engineer, a manager, a boss and
// a plain person.
func joinedDB(t *testing.T, db dbtest.DB) *orm.DB {
	t.Helper()
	ctx := context.Background()
	e := openDB(t, db)
	md := orm.NewMetaData()
	must(t, md.Register(joinedModels...))
	must(t, md.CreateAll(ctx, e))
	s := orm.NewSession(e)
	defer s.Close(ctx)
	must(t, s.AddAll(
		&JEngineer{JPerson: JPerson{Name: "dilbert"}, Status: "regular engineer", PrimaryLanguage: "java"},
		&JManager{JPerson: JPerson{Name: "pointy haired boss"}, ManagerName: "pointy"},
		&JBoss{JManager{JPerson: JPerson{Name: "the boss"}, ManagerName: "bigboss"}, "fore"},
		&JPerson{Name: "vlad"},
	))
	must(t, s.Commit(ctx))
	return e
}

// describePeople prints each object as Type:Name(:data).
func describePeople(objs []any) string {
	parts := make([]string, len(objs))
	for i, o := range objs {
		switch v := o.(type) {
		case *JEngineer:
			parts[i] = fmt.Sprintf("JEngineer:%d:%s:%s:%s", v.PersonID, v.Name, v.Status, v.PrimaryLanguage)
		case *JBoss:
			parts[i] = fmt.Sprintf("JBoss:%d:%s:%s:%s", v.PersonID, v.Name, v.ManagerName, v.GolfSwing)
		case *JManager:
			parts[i] = fmt.Sprintf("JManager:%d:%s:%s", v.PersonID, v.Name, v.ManagerName)
		case *JPerson:
			parts[i] = fmt.Sprintf("JPerson:%d:%s:%s", v.PersonID, v.Name, v.Type)
		default:
			parts[i] = fmt.Sprintf("%T", o)
		}
	}
	return strings.Join(parts, " ")
}

// TestJoinedInheritance ports test_polymorphic's loading cases
// (test_primary_eager_aliasing-style fixtures): the base query returns
// every row as its model, a subtype query joins its tables, with and
// without a session.
func TestJoinedInheritance(t *testing.T) {
	cases := []struct {
		name string
		run  func(ctx context.Context, q orm.Querier) ([]any, error)
		want string
	}{
		{"test_polymorphic_on people", func(ctx context.Context, q orm.Querier) ([]any, error) {
			return orm.AllAs[any](ctx, orm.Select[JPerson](q).OrderBy("person_id"))
		}, "JEngineer:1:dilbert:regular engineer:java JManager:2:pointy haired boss:pointy JBoss:3:the boss:bigboss:fore JPerson:4:vlad:person"},
		{"managers include the boss", func(ctx context.Context, q orm.Querier) ([]any, error) {
			return orm.AllAs[any](ctx, orm.Select[JManager](q).OrderBy("person_id"))
		}, "JManager:2:pointy haired boss:pointy JBoss:3:the boss:bigboss:fore"},
		{"boss joins three tables", func(ctx context.Context, q orm.Querier) ([]any, error) {
			return asAny(orm.Select[JBoss](q).All(ctx))
		}, "JBoss:3:the boss:bigboss:fore"},
		{"filter on base and subtype columns", func(ctx context.Context, q orm.Querier) ([]any, error) {
			return asAny(orm.Select[JEngineer](q).FilterBy("Name", "dilbert", "PrimaryLanguage", "java").All(ctx))
		}, "JEngineer:1:dilbert:regular engineer:java"},
		{"base query returns the embedded base", func(ctx context.Context, q orm.Querier) ([]any, error) {
			return asAny(orm.Select[JPerson](q).Where(orm.C("name").Eq("the boss")).All(ctx))
		}, "JPerson:3:the boss:boss"},
		{"test_get through the base", func(ctx context.Context, q orm.Querier) ([]any, error) {
			p, err := orm.Get[JPerson](ctx, q, int64(2))
			return []any{p}, err
		}, "JPerson:2:pointy haired boss:manager"},
		{"test_get of the subtype", func(ctx context.Context, q orm.Querier) ([]any, error) {
			b, err := orm.Get[JBoss](ctx, q, int64(3))
			return []any{b}, err
		}, "JBoss:3:the boss:bigboss:fore"},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := joinedDB(t, db)
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
					if d := describePeople(got); d != tc.want {
						t.Errorf("got %s\nwant %s", d, tc.want)
					}
				})
			}
		}
		counts := []struct {
			name string
			n    func(context.Context) (int64, error)
			want int64
		}{
			{"count people", orm.Select[JPerson](e).Count, 4},
			{"count managers", orm.Select[JManager](e).Count, 2},
			{"count engineers", orm.Select[JEngineer](e).Count, 1},
		}
		for _, tc := range counts {
			t.Run(tc.name, func(t *testing.T) {
				got, err := tc.n(ctx)
				must(t, err)
				if got != tc.want {
					t.Errorf("got %d, want %d", got, tc.want)
				}
			})
		}
	})
}

// TestJoinedInheritanceFlushOrder ports test_basic.py's test_ordering and
// VersioningTest's save/update/delete: an insert writes the base row first
// and reuses its generated key, an update writes only the tables whose
// columns changed, a delete removes the subtype rows before the base row.
func TestJoinedInheritanceFlushOrder(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		must(t, md.Register(joinedModels...))
		must(t, md.CreateAll(ctx, e))
		var b strings.Builder
		remove := e.OnStatement(func(ev orm.StatementEvent) { fmt.Fprintf(&b, "%s %v;\n", ev.SQL, ev.Args) })
		defer remove()
		step := func(name string) { fmt.Fprintf(&b, "-- %s\n", name) }
		s := orm.NewSession(e)
		defer s.Close(ctx)

		step("test_ordering: insert an engineer, a boss and another engineer")
		e1 := &JEngineer{JPerson: JPerson{Name: "e1"}, PrimaryLanguage: "go"}
		boss := &JBoss{JManager{JPerson: JPerson{Name: "b1"}, ManagerName: "m"}, "swing"}
		e2 := &JEngineer{JPerson: JPerson{Name: "e2"}, PrimaryLanguage: "c"}
		must(t, s.AddAll(e1, boss, e2))
		must(t, s.Flush(ctx))
		if e1.PersonID == 0 || boss.PersonID == 0 || boss.Type != "boss" {
			t.Errorf("keys %d %d, type %q", e1.PersonID, boss.PersonID, boss.Type)
		}

		step("update a base column only")
		e1.Name = "e1b"
		must(t, s.Flush(ctx))
		step("update a subtype column only")
		e1.PrimaryLanguage = "rust"
		must(t, s.Flush(ctx))
		step("update the boss's base, manager and boss columns")
		boss.Name, boss.ManagerName, boss.GolfSwing = "b2", "m2", "s2"
		must(t, s.Flush(ctx))
		step("delete the boss")
		must(t, s.Delete(boss))
		must(t, s.Commit(ctx))
		remove()

		got, err := orm.AllAs[any](ctx, orm.Select[JPerson](e).OrderBy("person_id"))
		must(t, err)
		want := fmt.Sprintf("JEngineer:%d:e1b::rust JEngineer:%d:e2::c", e1.PersonID, e2.PersonID)
		if d := describePeople(got); d != want {
			t.Errorf("after the flushes got %s, want %s", d, want)
		}
		for _, table := range []string{"managers", "boss"} {
			var n int64
			must(t, e.SQL().QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n))
			if n != 0 {
				t.Errorf("%s has %d rows after the delete", table, n)
			}
		}
		golden(t, "mapping/inherit_joined_flush_"+db.Name+".sql", b.String())
	})
}

// TestInheritanceInsertWithoutSession: orm.Insert and orm.InsertMany of a
// subtype set the discriminator and, for joined inheritance, write the
// base table first and then the subtype tables with the generated key;
// orm.Save of a single-table subtype updates its row.
func TestInheritanceInsertWithoutSession(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		must(t, md.Register(append(append([]any{}, joinedModels...), singleModels...)...))
		must(t, md.CreateAll(ctx, e))
		must(t, orm.Insert(ctx, e, &JEngineer{JPerson: JPerson{Name: "solo"}, PrimaryLanguage: "go"}))
		must(t, orm.InsertMany(ctx, e, []*JBoss{
			{JManager{JPerson: JPerson{Name: "b1"}, ManagerName: "m1"}, "s1"},
			{JManager{JPerson: JPerson{Name: "b2"}, ManagerName: "m2"}, "s2"},
		}))
		must(t, orm.Insert(ctx, e, &SManager{SEmployee: SEmployee{Name: "Tom"}, ManagerData: "d"}))
		people, err := orm.AllAs[any](ctx, orm.Select[JPerson](e).OrderBy("person_id"))
		must(t, err)
		if got, want := describePeople(people), "JEngineer:1:solo::go JBoss:2:b1:m1:s1 JBoss:3:b2:m2:s2"; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
		tom, err := orm.Select[SManager](e).One(ctx)
		must(t, err)
		tom.ManagerData = "saved"
		must(t, orm.Save(ctx, e, tom))
		staff, err := orm.AllAs[any](ctx, orm.Select[SEmployee](e))
		must(t, err)
		if got, want := describeStaff(staff), "SManager:Tom:saved"; got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	})
}
