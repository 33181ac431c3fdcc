package orm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// Writer has two computed fields: a correlated count of its articles and
// an expression of its own column with a bound argument.
type Writer struct {
	ID        int64
	Name      string `orm:"size:40"`
	Articles  int64  `orm:"computed"`
	NameScore int64  `orm:"computed;column:name_score"`
}

// Essay belongs to a Writer.
type Essay struct {
	ID       int64
	WriterID int64
	Title    string `orm:"size:40"`
}

func init() {
	mustRegister(orm.Computed[Writer]("Articles", orm.Select[Essay](nil).Columns(orm.Count()).
		Where(orm.C("essay.writer_id").Eq(orm.C("writer.id")))))
	mustRegister(orm.Computed[Writer]("name_score", orm.SQL("length(writer.name) * ?", 10)))
}

func writerDB(t *testing.T, db dbtest.DB) *orm.DB {
	t.Helper()
	ctx := context.Background()
	e := openDB(t, db)
	md := orm.NewMetaData()
	md.Register(Writer{}, Essay{})
	must(t, md.CreateAll(ctx, e))
	ann, bob := &Writer{Name: "ann", Articles: 99}, &Writer{Name: "bobby"}
	must(t, orm.InsertMany(ctx, e, []*Writer{ann, bob}))
	must(t, orm.InsertMany(ctx, e, []*Essay{{WriterID: ann.ID, Title: "a"}, {WriterID: ann.ID, Title: "b"}, {WriterID: bob.ID, Title: "c"}}))
	return e
}

// describeWriters prints name, article count and score per writer.
func describeWriters(ws []*Writer) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = fmt.Sprintf("%s:%d:%d", w.Name, w.Articles, w.NameScore)
	}
	return strings.Join(parts, " ")
}

// TestComputedFields ports test_mapper's column_property cases
// (test_column_prop_deannotate-style correlated count, an expression of
// the row's own columns): the expression loads into the field on every
// model query and is never written.
func TestComputedFields(t *testing.T) {
	cases := []struct {
		name string
		load func(ctx context.Context, e *orm.DB) ([]*Writer, error)
		want string
	}{
		{"Select", func(ctx context.Context, e *orm.DB) ([]*Writer, error) {
			return orm.Select[Writer](e).OrderBy("name").All(ctx)
		}, "ann:2:30 bobby:1:50"},
		{"Select filtered", func(ctx context.Context, e *orm.DB) ([]*Writer, error) {
			return orm.Select[Writer](e).FilterBy("Name", "bobby").All(ctx)
		}, "bobby:1:50"},
		{"Get", func(ctx context.Context, e *orm.DB) ([]*Writer, error) {
			w, err := orm.Get[Writer](ctx, e, int64(1))
			return []*Writer{w}, err
		}, "ann:2:30"},
		{"session query", func(ctx context.Context, e *orm.DB) ([]*Writer, error) {
			s := orm.NewSession(e)
			defer s.Close(ctx)
			return orm.Select[Writer](s).OrderBy("name").All(ctx)
		}, "ann:2:30 bobby:1:50"},
		{"session Get after an update is not written", func(ctx context.Context, e *orm.DB) ([]*Writer, error) {
			s := orm.NewSession(e)
			defer s.Close(ctx)
			w, err := orm.Get[Writer](ctx, s, int64(2))
			if err != nil {
				return nil, err
			}
			w.Articles = 7 // never written: not a column
			w.Name = "bo"
			if err := s.Commit(ctx); err != nil {
				return nil, err
			}
			defer func() { _, _ = orm.Update[Writer](e).Set("Name", "bobby").FilterBy("ID", 2).Exec(ctx) }()
			return orm.Select[Writer](e).FilterBy("ID", 2).All(ctx)
		}, "bo:1:20"},
	}
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		ctx := context.Background()
		e := writerDB(t, db)
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				ws, err := tc.load(ctx, e)
				must(t, err)
				if got := describeWriters(ws); got != tc.want {
					t.Errorf("got %s, want %s", got, tc.want)
				}
			})
		}
	})
}

// TestComputedSQLGolden renders model queries with computed fields per
// dialect; the DDL has no computed column.
func TestComputedSQLGolden(t *testing.T) {
	for _, name := range dialectNames {
		q := offline{mustDialect(t, name)}
		var b strings.Builder
		for _, r := range []sqlRenderer{
			orm.Select[Writer](q).Where(orm.C("name").Like("a%")).OrderBy("name"),
			orm.Update[Writer](q).Set("Name", "x").FilterBy("ID", 1),
		} {
			query, args, err := r.SQL()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			fmt.Fprintf(&b, "%s\n-- args: %s\n\n", query, formatArgs(args))
		}
		md := orm.NewMetaData()
		md.Register(Writer{})
		ddl, err := md.CreateSQL(name)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(joinSQL(ddl))
		t.Run(name, func(t *testing.T) { golden(t, "mapping/computed_"+name+".sql", b.String()) })
	}
}

// TestComputedRegistrationErrors: bad registrations are refused, and a
// computed field without an expression fails the query naming it.
func TestComputedRegistrationErrors(t *testing.T) {
	type Unset struct {
		ID    int64
		Total int64 `orm:"computed"`
	}
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"unknown field", orm.Computed[Writer]("Colour", orm.SQL("1")), `model Writer has no computed field "Colour"`},
		{"column field", orm.Computed[Writer]("Name", orm.SQL("1")), "field Name is a column"},
		{"nil expression", orm.Computed[Unset]("Total", nil), "nil expression for field Total"},
		{"second expression", orm.Computed[Writer]("Articles", orm.SQL("1")), "field Articles already has an expression"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.err == nil || !strings.Contains(tc.err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", tc.err, tc.want)
			}
		})
	}
	t.Run("no expression registered", func(t *testing.T) {
		_, _, err := orm.Select[Unset](offline{mustDialect(t, "sqlite")}).SQL()
		if err == nil || !strings.Contains(err.Error(), "Unset.Total is tagged computed but no orm.Computed expression") {
			t.Errorf("got %v", err)
		}
	})
}
