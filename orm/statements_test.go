package orm_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/orm"
	"github.com/flagon-go/flagon/orm/dialect"
)

// offline is a Querier with a dialect and no database, for rendering SQL.
type offline struct{ d dialect.Dialect }

func (o offline) Dialect() dialect.Dialect { return o.d }
func (offline) ExecContext(context.Context, string, ...any) (sql.Result, error) {
	return nil, errors.New("offline")
}
func (offline) QueryContext(context.Context, string, ...any) (*sql.Rows, error) {
	return nil, errors.New("offline")
}

type sqlRenderer interface {
	SQL() (string, []any, error)
}

func TestStatementsGolden(t *testing.T) {
	for _, name := range dialectNames {
		d, err := orm.LookupDialect(name)
		if err != nil {
			t.Fatal(err)
		}
		q := offline{d}
		owner := int64(7)
		cases := []struct {
			name string
			r    sqlRenderer
		}{
			{"select all", orm.Select[Product](q)},
			{"select where", orm.Select[Product](q).Where(orm.C("price").Gt(10), orm.Or(orm.C("name").Like("a%"), orm.C("owner_id").IsNull())).
				OrderBy("-price", "Name").Limit(10).Offset(20)},
			{"select filter_by", orm.Select[Product](q).FilterBy("Name", "x", "OwnerID", &owner)},
			{"select raw", orm.Select[Product](q).Where(orm.SQL("price > ? AND name = ?", 1, "it's ?"))},
			{"select in", orm.Select[Product](q).Where(orm.C("id").In([]int{1, 2, 3}), orm.C("status").NotIn())},
			{"select join group", orm.Select[Product](q).Columns("owner.email", orm.Count()).
				Join("owner", orm.C("owner.id").Eq(orm.C("product.owner_id"))).GroupBy("owner.email").Having(orm.Count().Gt(2))},
			{"select subquery", orm.Select[Product](q).Where(orm.C("owner_id").In(orm.Select[Owner](q).Columns("id").Where(orm.C("email").Like("%@x"))), orm.C("price").Lt(5))},
			{"select offset only", orm.Select[Product](q).Offset(5)},
			{"select distinct", orm.Select[Product](q).Distinct().Columns("status")},
			{"insert one", orm.InsertInto[Owner](q).Values(&Owner{Email: "a@x"})},
			{"insert many", orm.InsertInto[Owner](q).Values(&Owner{Email: "a@x"}, &Owner{Email: "b@x"})},
			{"insert explicit key", orm.InsertInto[Owner](q).Values(&Owner{ID: 5, Email: "a@x"})},
			{"insert zero values", orm.InsertInto[Product](q).Values(&Product{Name: "p"})},
			{"upsert update", orm.InsertInto[Owner](q).Values(&Owner{Email: "a@x"}).OnConflict("email").DoUpdate("name")},
			{"upsert nothing", orm.InsertInto[Owner](q).Values(&Owner{Email: "a@x"}).OnConflict("email").DoNothing()},
			{"update", orm.Update[Product](q).Set("Price", orm.SQL("price * ?", 2), "name", "n").Where(orm.C("id").Eq(3))},
			{"update onupdate", orm.Update[Edited](q).Set("Title", "t").Where(orm.C("id").Eq(3))},
			{"delete", orm.Delete[Product](q).FilterBy("Status", "draft")},
		}
		var b strings.Builder
		for _, c := range cases {
			query, args, err := c.r.SQL()
			if err != nil {
				t.Fatalf("%s/%s: %v", name, c.name, err)
			}
			fmt.Fprintf(&b, "-- %s\n%s\n-- args: %s\n\n", c.name, query, formatArgs(args))
		}
		t.Run(name, func(t *testing.T) { golden(t, "statements/"+name+".sql", b.String()) })
	}
}

// formatArgs prints arguments with their Go types.
func formatArgs(args []any) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = fmt.Sprintf("%T(%v)", a, a)
	}
	return strings.Join(parts, ", ")
}

func TestStatementBuildErrors(t *testing.T) {
	q := offline{mustDialect(t, "sqlite")}
	tests := []struct {
		name string
		r    sqlRenderer
		want string
	}{
		{"unknown filter", orm.Select[Product](q).FilterBy("Colour", "red"), `"Colour"`},
		{"odd filter args", orm.Select[Product](q).FilterBy("Name"), "pairs"},
		{"filter non-string name", orm.Select[Product](q).FilterBy(1, 2), "field name"},
		{"too many args", orm.Select[Product](q).Where(orm.SQL("a = ?", 1, 2)), "1 placeholders but 2 arguments"},
		{"update nothing", orm.Update[Product](q), "sets no columns"},
		{"upsert unknown", orm.InsertInto[Owner](q).Values(&Owner{}).OnConflict("mail"), `"mail"`},
		{"not a struct", orm.Select[int](q), "must be a struct"},
		{"nil condition", orm.Select[Product](q).Where(nil), "nil expression"},
		{"nil in or", orm.Update[Product](q).Set("name", "x").Where(orm.Or(nil)), "nil expression"},
		{"join without on", orm.Select[Product](q).Join("owner", nil), "no ON condition"},
		{"pointer type parameter", orm.Select[*Product](q), "not *orm_test.Product"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := tt.r.SQL()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to mention %q", err, tt.want)
			}
		})
	}
}

func mustDialect(t *testing.T, name string) dialect.Dialect {
	d, err := orm.LookupDialect(name)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
