package orm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/flagon-go/flagon/internal/dbtest"
	"github.com/flagon-go/flagon/orm"
)

// JSONDoc has a JSON column.
type JSONDoc struct {
	ID   int64
	Name string `orm:"size:20"`
	Data orm.JSON[map[string]any]
}

func jsonDoc(s string) orm.JSON[map[string]any] {
	var j orm.JSON[map[string]any]
	if err := j.Scan(s); err != nil {
		panic(err)
	}
	return j
}

func TestJSONPaths(t *testing.T) {
	dbtest.ForEach(t, func(t *testing.T, db dbtest.DB) {
		e := openDB(t, db)
		md := orm.NewMetaData()
		must(t, md.Register(JSONDoc{}))
		ctx := context.Background()
		must(t, md.CreateAll(ctx, e))
		must(t, orm.InsertMany(ctx, e, []*JSONDoc{
			{Name: "ann", Data: jsonDoc(`{"age": 30, "tags": ["go", "sql"], "addr": {"city": "Oslo"}, "score": 1.5}`)},
			{Name: "bob", Data: jsonDoc(`{"age": 20, "tags": ["js"], "addr": {"city": "Rome"}}`)},
		}))
		names := func(conds ...orm.Expr) []string {
			t.Helper()
			return into[string](t, orm.Select[JSONDoc](e).Columns("name").Where(conds...).OrderBy("id"))
		}
		tests := []struct {
			name      string
			got, want []string
		}{
			{"nested key", names(orm.JSONPath("data", "addr.city").AsText().Eq("Oslo")), []string{"ann"}},
			{"array index", names(orm.JSONPath("data", "tags[1]").AsText().Eq("sql")), []string{"ann"}},
			{"as integer", names(orm.JSONPath("data", "age").AsInteger().Gt(25)), []string{"ann"}},
			{"as float", names(orm.JSONPath("data", "score").AsFloat().Gt(1.2)), []string{"ann"}},
			{"missing path is null", names(orm.JSONPath("data", "score").AsText().IsNull()), []string{"bob"}},
			{"select a path", into[string](t, orm.Select[JSONDoc](e).Columns(orm.JSONPath("data", "tags[0]").AsText()).OrderBy("id")), []string{"go", "js"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { check(t, tt.got, tt.want) })
		}
	})
}

func TestJSONPathErrors(t *testing.T) {
	q := offline{mustDialect(t, "postgresql")}
	for _, path := range []string{"", "a..b", "a.", "a[x]", "a[-1]", "a[1", "a[1]b", `a"b`, `a\b`, "a]"} {
		t.Run(path, func(t *testing.T) {
			_, _, err := orm.Select[JSONDoc](q).Where(orm.JSONPath("data", path).AsText().Eq("x")).SQL()
			if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("JSON path %q of data", path)) {
				t.Errorf("err = %v, want a malformed JSON path error", err)
			}
		})
	}
}

func TestJSONPathGolden(t *testing.T) {
	var b strings.Builder
	for _, name := range dialectNames {
		q := offline{mustDialect(t, name)}
		query, args, err := orm.Select[JSONDoc](q).Columns("name").Where(orm.JSONPath("data", "addr.city").AsText().Eq("Oslo"),
			orm.JSONPath("data", "tags[0]").AsInteger().Gt(1)).SQL()
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "-- %s\n%s\n-- args: %s\n\n", name, query, formatArgs(args))
	}
	golden(t, "expr/json.sql", b.String())
}
