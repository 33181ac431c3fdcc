package orm_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Ticket has default functions on a string primary key, a default_if_zero
// field and a nullable field, and an onupdate function on Revision.
type Ticket struct {
	ID       string  `orm:"size:36"`
	Code     string  `orm:"size:20;default_func;default_if_zero"`
	Note     *string `orm:"size:20"`
	Title    string  `orm:"size:20"`
	Revision int
}

// ticketSeq numbers the values the functions return, so that statements
// are deterministic; each database run resets it.
var ticketSeq atomic.Int64

func nextTicket(prefix string) string { return fmt.Sprintf("%s-%d", prefix, ticketSeq.Add(1)) }

func init() {
	mustRegister(orm.DefaultFunc[Ticket]("ID", func() string { return nextTicket("t") }))
	mustRegister(orm.DefaultFunc[Ticket]("code", func() string { return nextTicket("c") }))
	mustRegister(orm.DefaultFunc[Ticket]("Note", func() *string { n := nextTicket("n"); return &n }))
	mustRegister(orm.OnUpdateFunc[Ticket]("Revision", func() int { return int(ticketSeq.Add(1)) * 100 }))
}

func ticketDB(t *testing.T, db dbtest.DB) *orm.DB {
	t.Helper()
	e := openDB(t, db)
	md := orm.NewMetaData()
	md.Register(Ticket{})
	must(t, md.CreateAll(context.Background(), e))
	ticketSeq.Store(0)
	return e
}

// describeTicket prints the fields the functions set.
func describeTicket(k *Ticket) string {
	note := "<nil>"
	if k.Note != nil {
		note = *k.Note
	}
	return fmt.Sprintf("%s %s %s %q %d", k.ID, k.Code, note, k.Title, k.Revision)
}

// TestDefaultFuncOnInsert: every insert path calls a default function for
// an unset field only (nil pointer, zero key, default_if_zero zero value),
// and stores the value in the field and the row.
func TestDefaultFuncOnInsert(t *testing.T) {
	given := "given"
	insertPaths := []struct {
		name   string
		insert func(ctx context.Context, e *orm.DB, k *Ticket) error
	}{
		{"session", func(ctx context.Context, e *orm.DB, k *Ticket) error {
			s := orm.NewSession(e)
			if err := s.Add(k); err != nil {
				return err
			}
			return s.Commit(ctx)
		}},
		{"Insert", func(ctx context.Context, e *orm.DB, k *Ticket) error { return orm.Insert(ctx, e, k) }},
		{"InsertMany", func(ctx context.Context, e *orm.DB, k *Ticket) error { return orm.InsertMany(ctx, e, []*Ticket{k}) }},
	}
	cases := []struct {
		name string
		obj  Ticket
		want string // after seq reset: t-1, c-2, n-3 when all apply
	}{
		{"unset fields get function values", Ticket{Title: "a"}, `t-1 c-2 n-3 "a" 0`},
		{"given values are kept", Ticket{ID: "k", Code: "x", Note: &given}, `k x given "" 0`},
		{"only the unset field is filled", Ticket{ID: "k2", Code: "y"}, `k2 y n-1 "" 0`},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := ticketDB(t, db)
		for _, p := range insertPaths {
			for _, tc := range cases {
				t.Run(p.name+"/"+tc.name, func(t *testing.T) {
					_, err := orm.Delete[Ticket](e).Where(orm.SQL("1 = 1")).Exec(ctx)
					must(t, err)
					ticketSeq.Store(0)
					k := tc.obj
					must(t, p.insert(ctx, e, &k))
					if got := describeTicket(&k); got != tc.want {
						t.Errorf("object %s, want %s", got, tc.want)
					}
					stored, err := orm.Get[Ticket](ctx, e, k.ID)
					must(t, err)
					if got := describeTicket(stored); got != tc.want {
						t.Errorf("row %s, want %s", got, tc.want)
					}
				})
			}
		}
	})
}

// TestOnUpdateFunc: an UPDATE calls the onupdate function for a column it
// does not assign itself, on every update path; an explicit value wins and
// an unchanged object is not updated.
func TestOnUpdateFunc(t *testing.T) {
	cases := []struct {
		name   string
		update func(ctx context.Context, e *orm.DB, id string) error
		want   string // the row afterwards; the insert used seq 1-3
	}{
		{"session flush of a change", func(ctx context.Context, e *orm.DB, id string) error {
			s := orm.NewSession(e)
			k, err := orm.Get[Ticket](ctx, s, id)
			if err != nil {
				return err
			}
			k.Title = "b"
			return s.Commit(ctx)
		}, `t-1 c-2 n-3 "b" 400`},
		{"session flush keeps an explicit value", func(ctx context.Context, e *orm.DB, id string) error {
			s := orm.NewSession(e)
			k, err := orm.Get[Ticket](ctx, s, id)
			if err != nil {
				return err
			}
			k.Title, k.Revision = "b", 7
			return s.Commit(ctx)
		}, `t-1 c-2 n-3 "b" 7`},
		{"unchanged object is not updated", func(ctx context.Context, e *orm.DB, id string) error {
			s := orm.NewSession(e)
			if _, err := orm.Get[Ticket](ctx, s, id); err != nil {
				return err
			}
			return s.Commit(ctx)
		}, `t-1 c-2 n-3 "a" 0`},
		{"bulk Update", func(ctx context.Context, e *orm.DB, id string) error {
			_, err := orm.Update[Ticket](e).Set("Title", "b").FilterBy("ID", id).Exec(ctx)
			return err
		}, `t-1 c-2 n-3 "b" 400`},
		{"bulk Update keeps an explicit value", func(ctx context.Context, e *orm.DB, id string) error {
			_, err := orm.Update[Ticket](e).Set("Title", "b", "revision", 9).FilterBy("ID", id).Exec(ctx)
			return err
		}, `t-1 c-2 n-3 "b" 9`},
		{"Save", func(ctx context.Context, e *orm.DB, id string) error {
			k, err := orm.Get[Ticket](ctx, e, id)
			if err != nil {
				return err
			}
			k.Title = "b"
			return orm.Save(ctx, e, k)
		}, `t-1 c-2 n-3 "b" 400`},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := ticketDB(t, db)
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				_, err := orm.Delete[Ticket](e).Where(orm.SQL("1 = 1")).Exec(ctx)
				must(t, err)
				ticketSeq.Store(0)
				k := &Ticket{Title: "a"}
				must(t, orm.Insert(ctx, e, k))
				must(t, tc.update(ctx, e, k.ID))
				stored, err := orm.Get[Ticket](ctx, e, k.ID)
				must(t, err)
				if got := describeTicket(stored); got != tc.want {
					t.Errorf("row %s, want %s", got, tc.want)
				}
			})
		}
	})
}

// TestDefaultFuncStatementsGolden records the statements of a session
// insert and update and a bulk update with function values, per dialect.
func TestDefaultFuncStatementsGolden(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := ticketDB(t, db)
		var b strings.Builder
		remove := e.OnStatement(func(ev orm.StatementEvent) { fmt.Fprintf(&b, "%s %v;\n", ev.SQL, ev.Args) })
		defer remove()
		s := orm.NewSession(e)
		k := &Ticket{Title: "a"}
		must(t, s.Add(k))
		must(t, s.Commit(ctx))
		k.Title = "b"
		must(t, s.Commit(ctx))
		_, err := orm.Update[Ticket](e).Set("Title", "c").FilterBy("ID", k.ID).Exec(ctx)
		must(t, err)
		golden(t, "mapping/default_func_"+db.Name+".sql", b.String())
	})
}

// TestDefaultFuncRegistrationErrors: bad registrations are refused with a
// clear error, and a default_func field without a function is an error
// naming the column at insert.
func TestDefaultFuncRegistrationErrors(t *testing.T) {
	type Stamped struct {
		ID    int64
		Label *string `orm:"size:10;default:x"`
		State string  `orm:"size:10;onupdate:edited"`
	}
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"unknown field", orm.DefaultFunc[Ticket]("Colour", func() string { return "" }),
			`DefaultFunc[Ticket]: model Ticket has no field or column "Colour"`},
		{"wrong type", orm.OnUpdateFunc[Ticket]("Revision", func() int64 { return 0 }),
			"field Revision is a int, the function takes a int64"},
		{"second default function", orm.DefaultFunc[Ticket]("ID", func() string { return "" }),
			"field ID already has a function"},
		{"literal default tag", orm.DefaultFunc[Stamped]("Label", func() *string { return nil }),
			`field Label already has the literal value "x" in its tag`},
		{"literal onupdate tag", orm.OnUpdateFunc[Stamped]("State", func() string { return "" }),
			`field State already has the literal value "edited" in its tag`},
		{"nil function", orm.OnUpdateFunc[Stamped, int64]("ID", nil), "nil function for field ID"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", tc.err, tc.want)
			}
		})
	}
	t.Run("default_func without a function", func(t *testing.T) {
		type Unfilled struct {
			ID   int64
			Slug string `orm:"size:10;default_func;default_if_zero"`
		}
		e := openDB(t, dbtest.SQLite(t))
		md := orm.NewMetaData()
		md.Register(Unfilled{})
		must(t, md.CreateAll(context.Background(), e))
		err := orm.Insert(context.Background(), e, &Unfilled{})
		var ce *orm.ColumnError
		if !errors.As(err, &ce) || ce.Column != "slug" || !strings.Contains(err.Error(), "no orm.DefaultFunc is registered") {
			t.Errorf("got %v, want a ColumnError naming slug", err)
		}
	})
}

// TestFlushKeepsExplicitOnUpdateValue: a flush assigns a literal onupdate
// value only to a column the object did not change itself, as
// SQLAlchemy's onupdate applies to columns absent from the SET clause.
func TestFlushKeepsExplicitOnUpdateValue(t *testing.T) {
	cases := []struct {
		name, setState, want string
	}{
		{"onupdate value applies", "", "edited"},
		{"explicit value wins", "kept", "kept"},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := openDB(t, db)
		md := orm.NewMetaData()
		md.Register(Revised{})
		must(t, md.CreateAll(ctx, e))
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				r := &Revised{Title: "a", State: "new"}
				must(t, orm.Insert(ctx, e, r))
				s := orm.NewSession(e)
				got, err := orm.Get[Revised](ctx, s, r.ID)
				must(t, err)
				got.Title = "b"
				if tc.setState != "" {
					got.State = tc.setState
				}
				must(t, s.Commit(ctx))
				stored, err := orm.Get[Revised](ctx, e, r.ID)
				must(t, err)
				if stored.State != tc.want {
					t.Errorf("state %q, want %q", stored.State, tc.want)
				}
			})
		}
	})
}
